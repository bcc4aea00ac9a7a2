import { Module } from '@nestjs/common';
import { AuditChainKey, AuditTrail } from '@passage/shared';
import { ReferralsAccess } from './access/referrals-access.js';
import { AuditHeadPublication } from './audit/audit-head-publication.js';
import { AUDIT_SINK, CaseAudit } from './audit/case-audit.js';
import { ReferralsAudit } from './audit/referrals-audit.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from './config/referrals.config.js';
import { UnitOfWork } from './unit-of-work/unit-of-work.js';

/**
 * What every context of the referrals service shares: the access policy bound to this service's records,
 * the one writer of the node's audit trail (keyed with the configured audit chain key, its head published
 * on a schedule), and the unit of work every mutation runs in.
 */
@Module({
  providers: [
    ReferralsAccess,
    {
      provide: AuditTrail,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: ReferralsConfig) =>
        new AuditTrail(AuditChainKey.fromBase64(config.AUDIT_CHAIN_KEY)),
    },
    { provide: AUDIT_SINK, useExisting: AuditTrail },
    AuditHeadPublication,
    CaseAudit,
    ReferralsAudit,
    UnitOfWork,
  ],
  exports: [ReferralsAccess, AuditTrail, AuditHeadPublication, CaseAudit, ReferralsAudit, UnitOfWork],
})
export class PlatformModule {}
