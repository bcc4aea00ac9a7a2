import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, ExchangeTransportModule, subgraphServiceImports } from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from './platform/config/referrals.config.js';
import { referralsDataSourceOptions } from './database/referrals-data-source.js';
import { PassageNodeModel } from './platform/passage-node/passage-node.model.js';
import { PassageNodeModule } from './platform/passage-node/passage-node.module.js';
import { RescueRequestModule } from './intake/rescue-request/rescue-request.module.js';
import { AttestationModule } from './case-work/attestation/attestation.module.js';
import { CaseModule } from './case-work/case/case.module.js';
import { HandoffModule } from './cross-border/handoff/handoff.module.js';
import { OrganisationDirectoryModule } from './cross-border/organisation-directory/organisation-directory.module.js';
import { RepatriationModule } from './repatriation/repatriation.module.js';
import { ReferralModule } from './services/referral/referral.module.js';
import { ServiceDirectoryModule } from './services/service-directory/service-directory.module.js';
import { ConsentModule } from './case-work/consent/consent.module.js';
import { IdentificationModule } from './case-work/identification/identification.module.js';
import { InterviewModule } from './case-work/interview/interview.module.js';
import { ScreeningModule } from './case-work/screening/screening.module.js';

/**
 * The referrals subgraph: rescue requests, cases, referrals, handoffs and repatriation (issues 4 and 5),
 * the cross-border exchange, and its part of this node's status.
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
        }),
        PassageNodeModule,
        OrganisationDirectoryModule,
        RescueRequestModule,
        CaseModule,
        ConsentModule,
        InterviewModule,
        ScreeningModule,
        IdentificationModule,
        AttestationModule,
        HandoffModule,
        RepatriationModule,
        ServiceDirectoryModule,
        ReferralModule,
      ],
    };
  }
}
