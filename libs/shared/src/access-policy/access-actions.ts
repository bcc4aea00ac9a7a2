/**
 * Everything an actor can ask the platform to do, as one closed list. Every resolver, export,
 * statistic and event producer names one of these when it asks the access policy; an action that is not
 * listed cannot be permitted, because the policy has no rule for it.
 */
export const IDENTITY_ACTIONS = [
  'organisation.list',
  'organisation.read',
  'organisation.create',
  'organisation.deactivate',
  'user.list',
  'user.read',
  'user.create',
  'user.assign-roles',
  'user.approve-roles',
  'user.issue-enrolment-link',
  'user.deactivate',
  'self.read',
  'self.manage-credentials',
] as const;

/** Actions on survivors' data: rescue requests, cases and everything that hangs off a case. */
export const CASE_WORK_ACTIONS = [
  'rescue-request.submit',
  'rescue-request.read',
  'rescue-request.update-status',
  'compound.read',
  'case.open',
  'case.read',
  'case.update',
  'case.close',
  'case.reopen',
  'person.update',
  'person.add',
  'mass-intake.register',
  'consent.record',
  'consent.withdraw',
  'interview.record',
  'screening.record',
  'identification.decide',
  'follow-up.work',
  'detention.record',
  'attestation.issue',
  'attestation.revoke',
  'attestation.verify',
  'referral.create',
  'referral.respond',
  'handoff.offer',
  'handoff.respond',
  'repatriation.plan',
  'repatriation.approve',
  'stay-pathway.plan',
  'stay-pathway.decide',
  'exit-clearance.read',
  'exit-clearance.respond',
  'statistics.read',
  'export.create',
  'audit.read',
  'directory.read',
] as const;

/**
 * Running the node itself: its services' status (outbox backlog, consumers) and the exchange's. Not
 * case data, but activity: a backlog that moves tells when cases move, so it is not for everyone.
 */
export const NODE_ACTIONS = ['node.status'] as const;

/** Identity administration: organisations, users, and one's own account. */
export type IdentityAction = (typeof IDENTITY_ACTIONS)[number];

/** Case work: anything that touches, or is derived from, a survivor's data. */
export type CaseWorkAction = (typeof CASE_WORK_ACTIONS)[number];

/** The node's own operation. */
export type NodeAction = (typeof NODE_ACTIONS)[number];

/** Every action the access policy knows. */
export type AccessAction = IdentityAction | CaseWorkAction | NodeAction;

/** All actions, identity administration first. */
export const ACCESS_ACTIONS: readonly AccessAction[] = [
  ...IDENTITY_ACTIONS,
  ...CASE_WORK_ACTIONS,
  ...NODE_ACTIONS,
];

const IDENTITY_ACTION_SET: ReadonlySet<string> = new Set(IDENTITY_ACTIONS);
const CASE_WORK_ACTION_SET: ReadonlySet<string> = new Set(CASE_WORK_ACTIONS);

/** True for an identity-administration action (its resource is an `OrganisationTarget`). */
export function isIdentityAction(action: unknown): action is IdentityAction {
  return typeof action === 'string' && IDENTITY_ACTION_SET.has(action);
}

/** True for a case-work action (its resource is a `ResourceContext`). */
export function isCaseWorkAction(action: unknown): action is CaseWorkAction {
  return typeof action === 'string' && CASE_WORK_ACTION_SET.has(action);
}

const NODE_ACTION_SET: ReadonlySet<string> = new Set(NODE_ACTIONS);

/** True for an action on the node itself (its resource is a `NodeTarget`). */
export function isNodeAction(action: unknown): action is NodeAction {
  return typeof action === 'string' && NODE_ACTION_SET.has(action);
}
