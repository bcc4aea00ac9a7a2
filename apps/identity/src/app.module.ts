import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, subgraphServiceImports } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from './config/index.js';
import { identityDataSourceOptions } from './database/index.js';
import { OrganisationsModule } from './organisations/index.js';
import { PassageNodeModule } from './passage-node/index.js';
import { PeopleModule } from './people/index.js';
import { SecondFactorModule } from './second-factor/index.js';
import { SessionsModule } from './sessions/index.js';
import { IDENTITY_KEY_SET, SigningKeysModule } from './signing-keys/index.js';

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
        SigningKeysModule,
        AuthModule.forRoot({
          service: config.SERVICE_NAME,
          nodeId: config.NODE_ID,
          kafkaBrokers: config.KAFKA_BROKERS,
          kafkaClientId: config.KAFKA_CLIENT_ID,
          keySetToken: IDENTITY_KEY_SET,
          guardGraphql: true,
        }),
        OrganisationsModule,
        PeopleModule,
        SecondFactorModule,
        SessionsModule,
        PassageNodeModule,
      ],
    };
  }
}
