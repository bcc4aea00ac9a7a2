import { Module } from '@nestjs/common';
import { AuditTrail } from '@passage/shared';
import { ReferralsAccess } from './access/referrals-access.js';
import { AUDIT_SINK, CaseAudit } from './audit/case-audit.js';
import { ReferralsAudit } from './audit/referrals-audit.js';
import { UnitOfWork } from './unit-of-work/unit-of-work.js';

/**
 * What every context of the referrals service shares: the access policy bound to this service's records,
 * the one writer of the node's audit trail, and the unit of work every mutation runs in.
 */
@Module({
  providers: [
    ReferralsAccess,
    { provide: AUDIT_SINK, useValue: new AuditTrail() },
    CaseAudit,
    ReferralsAudit,
    UnitOfWork,
  ],
  exports: [ReferralsAccess, CaseAudit, ReferralsAudit, UnitOfWork],
})
export class PlatformModule {}
