/**
 * The platform of the referrals service, below every context: the access policy bound to its records,
 * the audit-trail writer, configuration, overdue escalation, the node-status resolver, and the rules
 * several contexts share (working-time arithmetic, the refusal of a lifecycle transition).
 */
export { ReferralsAccess, policyActor } from './access/referrals-access.js';
export { AuditHeadPublication } from './audit/audit-head-publication.js';
export { CaseAudit } from './audit/case-audit.js';
export { ReferralsAudit } from './audit/referrals-audit.js';
export {
  REFERRALS_CONFIG,
  loadReferralsConfig,
  loadReferralsMigrationConfig,
} from './config/referrals.config.js';
export type { ReferralsConfig } from './config/referrals.config.js';
export { OverdueEscalator } from './escalation/overdue-escalator.js';
export { refusalsArePoison } from './exchange/refusals-are-poison.js';
export { PassageNodeModel } from './passage-node/passage-node.model.js';
export { PassageNodeModule } from './passage-node/passage-node.module.js';
export { PlatformModule } from './platform.module.js';
export { addWorkingTime } from './rules/due-time.js';
export { InvalidTransitionError } from './rules/invalid-transition.error.js';
export { UnitOfWork } from './unit-of-work/unit-of-work.js';
export type { Authorised, Change, ChangeAudit, ChangeScope } from './unit-of-work/unit-of-work.js';
