import {
  AuditTrailKeyedChain1765600000000,
  AuditTrailTable1764000000000,
  MessagingTables1763769600000,
} from '@passage/shared';
import { RescueRequests1763850000000 } from './1763850000000-rescue-requests.js';
import { CaseWork1763900000000 } from './1763900000000-case-work.js';
import { Handoffs1764300000000 } from './1764300000000-handoffs.js';
import { Referrals1764100000000 } from './1764100000000-referrals.js';
import { Repatriation1764200000000 } from './1764200000000-repatriation.js';
import { RepatriationAcrossNodes1764400000000 } from './1764400000000-repatriation-across-nodes.js';
import { OrganisationDirectory1764500000000 } from './1764500000000-organisation-directory.js';
import { HandoffTimeline1764600000000 } from './1764600000000-handoff-timeline.js';
import { PersonDateOfBirth1764700000000 } from './1764700000000-person-date-of-birth.js';
import { CaseAndPersonMaintenance1764800000000 } from './1764800000000-case-and-person-maintenance.js';
import { AttestationBindings1764900000000 } from './1764900000000-attestation-bindings.js';
import { ProtectionFollowUp1765000000000 } from './1765000000000-protection-follow-up.js';
import { PathwaysBeyondReturn1765100000000 } from './1765100000000-pathways-beyond-return.js';
import { CaseDueTimes1765200000000 } from './1765200000000-case-due-times.js';
import { ReceptionCoverage1765250000000 } from './1765250000000-reception-coverage.js';
import { RateLimits1765300000000 } from './1765300000000-rate-limits.js';
import { ExitClearanceErasure1765500000000 } from './1765500000000-exit-clearance-erasure.js';

/** Every migration of the referrals database, oldest first. Listed explicitly: ESM has no glob loading. */
export const REFERRALS_MIGRATIONS = [
  MessagingTables1763769600000,
  RescueRequests1763850000000,
  CaseWork1763900000000,
  AuditTrailTable1764000000000,
  Referrals1764100000000,
  Repatriation1764200000000,
  Handoffs1764300000000,
  RepatriationAcrossNodes1764400000000,
  OrganisationDirectory1764500000000,
  HandoffTimeline1764600000000,
  PersonDateOfBirth1764700000000,
  CaseAndPersonMaintenance1764800000000,
  AttestationBindings1764900000000,
  ProtectionFollowUp1765000000000,
  PathwaysBeyondReturn1765100000000,
  CaseDueTimes1765200000000,
  ReceptionCoverage1765250000000,
  RateLimits1765300000000,
  ExitClearanceErasure1765500000000,
  AuditTrailKeyedChain1765600000000,
];
