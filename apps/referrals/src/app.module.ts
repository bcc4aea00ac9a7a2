import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, ExchangeTransportModule, subgraphServiceImports } from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from './platform/index.js';
import { referralsDataSourceOptions } from './database/index.js';
import { PassageNodeModel } from './platform/index.js';
import { PassageNodeModule } from './platform/index.js';
import { CaseWorkModule } from './case-work/index.js';
import { CrossBorderModule } from './cross-border/index.js';
import { IntakeModule } from './intake/index.js';
import { RepatriationModule } from './repatriation/index.js';
import { ServicesModule } from './services/index.js';

/**
 * The referrals subgraph, one module per bounded context: intake (rescue requests, compounds), case work,
 * services (directory, referrals), cross-border (organisation directory, handoffs) and repatriation; the
 * platform they share (access policy, audit trail, configuration); and its part of this node's status.
 */
@Module({})
export class ReferralsAppModule {
  static forConfig(config: ReferralsConfig): DynamicModule {
    return {
      module: ReferralsAppModule,
      imports: [
        ...subgraphServiceImports({
          service: config.SERVICE_NAME,
          config,
          configToken: REFERRALS_CONFIG,
          dataSource: referralsDataSourceOptions(config.DATABASE_URL),
          entityExtensions: [PassageNodeModel],
        }),
        AuthModule.forRoot({
          service: config.SERVICE_NAME,
          nodeId: config.NODE_ID,
          kafkaBrokers: config.KAFKA_BROKERS,
          kafkaClientId: config.KAFKA_CLIENT_ID,
          jwksUrl: config.IDENTITY_JWKS_URL,
          guardGraphql: true,
        }),
        ExchangeTransportModule.forRoot({
          service: config.SERVICE_NAME,
          nodeId: config.NODE_ID,
          namespace: config.EXCHANGE_NAMESPACE,
          hostedCountries: config.HOSTED_COUNTRIES,
          trustDirectoryPath: config.EXCHANGE_TRUST_DIRECTORY,
          keysDirectory: config.EXCHANGE_KEYS_DIR,
          maxEnvelopeAgeMs: config.EXCHANGE_MAX_ENVELOPE_AGE_MS,
        }),
        PassageNodeModule,
        IntakeModule,
        CaseWorkModule,
        ServicesModule,
        CrossBorderModule,
        RepatriationModule,
      ],
    };
  }
}
