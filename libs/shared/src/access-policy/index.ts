/**
 * The access policy: one pure function of actor, action, record and time that every resolver, export,
 * statistic and event producer asks before it reads or changes anything. It encodes the immigration
 * firewall, need to know, purpose limitation and consent (docs/adr/007-access-policy.md).
 */
export {
  ACCESS_ACTIONS,
  CASE_WORK_ACTIONS,
  IDENTITY_ACTIONS,
  NODE_ACTIONS,
  isCaseWorkAction,
  isIdentityAction,
  isNodeAction,
  type AccessAction,
  type CaseWorkAction,
  type IdentityAction,
  type NodeAction,
} from './access-actions.js';
export { ACCESS_DENIED_MESSAGE, AccessDeniedError } from './access-denied.error.js';
export { assertAllowed, decide, decideFields, type AllowedDecision } from './access-policy.js';
export type {
  Actor,
  NodeTarget,
  OrganisationTarget,
  RescueAccessGrant,
  ResourceContext,
  ResourceFor,
  TeamAccessRoute,
  TeamMembership,
} from './access-subjects.js';
export {
  CASE_ROLES,
  CASE_WORK_RULES,
  DECISION_ROLES,
  FRONTLINE_KINDS,
  HANDOFF_KINDS,
  REPATRIATION_KINDS,
  STAY_PATHWAY_WORKER_KINDS,
  OVERSIGHT_ROLES,
  type CaseWorkRule,
  type RecordRelation,
  type RoleRequirement,
} from './case-work-rules.js';
export { redact, type FieldCategories, type Redacted } from './field-redactor.js';
export {
  ALLOW_REASONS,
  DENY_REASONS,
  type AllowReason,
  type Decision,
  type DenyReason,
  type FieldAccess,
  type PolicyReason,
} from './policy-reasons.js';
