import { Module } from '@nestjs/common';
import { AuditTrail } from '@passage/shared';
import { ReferralsAccess } from './access/referrals-access.js';
import { AUDIT_SINK, CaseAudit } from './audit/case-audit.js';
import { ReferralsAudit } from './audit/referrals-audit.js';

/**
 * What every context of the referrals service shares: the access policy bound to this service's records,
 * and the one writer of the node's audit trail.
 */
@Module({
  providers: [
    ReferralsAccess,
    { provide: AUDIT_SINK, useValue: new AuditTrail() },
    CaseAudit,
    ReferralsAudit,
  ],
  exports: [ReferralsAccess, CaseAudit, ReferralsAudit],
})
export class PlatformModule {}
