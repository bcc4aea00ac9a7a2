import { Module } from '@nestjs/common';
import { AuditTrail } from '@passage/shared';
import { ReferralsAccess } from '../../platform/access/referrals-access.js';
import { ConsentWithdrawalHooks } from '../consent/consent-withdrawal-hooks.js';
import { AUDIT_SINK, CaseAudit } from '../../platform/audit/case-audit.js';
import { CaseRecords } from './case-records.js';
import { CaseViewReader } from './case-view.reader.js';
import { CaseResolver } from './case.resolver.js';
import { CaseService } from './case.service.js';

/** Cases and their people; the case loading, views and audit every other case-work context uses. */
@Module({
  providers: [
    ReferralsAccess,
    { provide: AUDIT_SINK, useValue: new AuditTrail() },
    CaseAudit,
    CaseRecords,
    ConsentWithdrawalHooks,
    CaseViewReader,
    CaseService,
    CaseResolver,
  ],
  exports: [ReferralsAccess, CaseAudit, CaseRecords, CaseViewReader, ConsentWithdrawalHooks],
})
export class CaseModule {}
