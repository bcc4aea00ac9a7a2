import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, subgraphServiceImports } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from './config/identity.config.js';
import { identityDataSourceOptions } from './database/identity-data-source.js';
import { IdentityFeaturesModule } from './identity-features.module.js';
import { PassageNodeModule } from './passage-node/passage-node.module.js';
import { IDENTITY_KEY_SET, SigningKeyModule } from './signing-key/signing-key.module.js';

/** The identity subgraph: organisations, people, sessions, second factors and tokens, and this node's status. */
@Module({})
export class IdentityAppModule {
  static forConfig(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        ...subgraphServiceImports({
          service: config.SERVICE_NAME,
          config,
          configToken: IDENTITY_CONFIG,
          dataSource: identityDataSourceOptions(config.DATABASE_URL),
        }),
        SigningKeyModule,
        AuthModule.forRoot({
          service: config.SERVICE_NAME,
          nodeId: config.NODE_ID,
          kafkaBrokers: config.KAFKA_BROKERS,
          kafkaClientId: config.KAFKA_CLIENT_ID,
          keySetToken: IDENTITY_KEY_SET,
          guardGraphql: true,
        }),
        IdentityFeaturesModule,
        PassageNodeModule,
      ],
    };
  }
}
