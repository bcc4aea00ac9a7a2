import {
  DATA_CATEGORIES,
  type ConsentPurpose,
  type DataCategory,
  type OrganisationKind,
  type Role,
} from '@passage/schemas';
import { isCountryCode } from '../exchange/exchange-identifiers.js';
import {
  isCaseWorkAction,
  isIdentityAction,
  isNodeAction,
  type AccessAction,
  type CaseWorkAction,
  type IdentityAction,
} from './access-actions.js';
import { AccessDeniedError } from './access-denied.error.js';
import type {
  Actor,
  NodeTarget,
  OrganisationTarget,
  ResourceContext,
  ResourceFor,
  TeamAccessRoute,
} from './access-subjects.js';
import {
  CASE_WORK_RULES,
  FRONTLINE_KINDS,
  OVERSIGHT_ROLES,
  type CaseWorkRule,
  type RecordRelation,
} from './case-work-rules.js';
import { decideNode } from './node-rules.js';
import type { AllowReason, Decision, DenyReason, FieldAccess } from './policy-reasons.js';

/** A decision that let the actor in. */
export type AllowedDecision = Extract<Decision, { allowed: true }>;

/**
 * Decides whether `actor` may perform `action` on `resource` at instant `now`. Pure and synchronous:
 * everything it needs is in its arguments. Pass `null` as the resource for actions that touch no record,
 * and also when the record does not exist: the answer is then the one an unrelated actor would get, so
 * a refusal never tells whether the record exists. Anything malformed is refused.
 */
export function decide<A extends AccessAction>(
  actor: Actor,
  action: A,
  resource: ResourceFor<A> | null,
  now: Date,
): Decision {
  if (actor.organisationKind === 'IMMIGRATION') return decideForImmigration(actor, action, resource);
  if (isIdentityAction(action)) return decideIdentity(actor, action, asOrganisationTarget(resource));
  if (isCaseWorkAction(action)) return decideCaseWork(actor, action, asRecordContext(resource), now);
  if (isNodeAction(action)) return decideNode(actor, asNodeTarget(resource));
  return deny('KIND_NOT_PERMITTED');
}

/**
 * Like {@link decide}, but throws {@link AccessDeniedError} on refusal. Returns the decision so the
 * caller can write its reason into the audit record.
 */
export function assertAllowed<A extends AccessAction>(
  actor: Actor,
  action: A,
  resource: ResourceFor<A> | null,
  now: Date,
): AllowedDecision {
  const decision = decide(actor, action, resource, now);
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  return decision;
}

/**
 * Decides, for each requested data category of a case-work record, whether `actor` may see it through
 * `action`. A refused action redacts everything, and so does an action that touches no record (creation,
 * statistics, verification: their answers are not projections of a record). Otherwise the categories
 * come from the actor's relations to the record that the action's rule accepts, then shrink by role,
 * organisation kind and the survivor's consents (docs/adr/007-access-policy.md). Identity
 * administration has no survivor data and is decided by {@link decide} alone.
 */
export function decideFields<C extends DataCategory>(
  actor: Actor,
  action: CaseWorkAction,
  resource: ResourceContext,
  categories: readonly C[],
  now: Date,
): Record<C, FieldAccess> {
  const visible = decide(actor, action, resource, now).allowed
    ? visibleCategories(actor, action, resource, now)
    : NO_CATEGORIES;
  const result = {} as Record<C, FieldAccess>;
  for (const category of categories) result[category] = visible.has(category) ? 'ALLOW' : 'REDACT';
  return result;
}

const NO_CATEGORIES: ReadonlySet<DataCategory> = new Set();
const ALL_CATEGORIES: ReadonlySet<DataCategory> = new Set(DATA_CATEGORIES);
const OPERATIONAL_ONLY: ReadonlySet<DataCategory> = new Set(['OPERATIONAL']);

/** What a national coordinator sees of a case it neither owns nor received: status and legal decisions. */
const COORDINATOR_CATEGORIES: ReadonlySet<DataCategory> = new Set(['OPERATIONAL', 'LEGAL']);

/** What an embassy sees without consular-contact consent. */
const EMBASSY_WITHOUT_CONSENT: ReadonlySet<DataCategory> = new Set(['OPERATIONAL', 'IDENTITY']);

/** What police never see without law-enforcement-sharing consent. */
const WITHHELD_FROM_POLICE: readonly DataCategory[] = ['NARRATIVE', 'HEALTH', 'SEXUAL_VIOLENCE'];

/** The most restricted categories: only roles that work directly with the survivor see them. */
const SENSITIVE_CATEGORIES: readonly DataCategory[] = ['HEALTH', 'SEXUAL_VIOLENCE'];

const CASEWORKER_TYPE_ROLES: readonly Role[] = ['CASEWORKER', 'SUPERVISOR', 'FOCAL_POINT'];

/** Police investigators and consular officers are their organisation's caseworkers. */
const SENSITIVE_DATA_ROLES: Partial<Record<OrganisationKind, readonly Role[]>> = {
  LAW_ENFORCEMENT: [...CASEWORKER_TYPE_ROLES, 'INVESTIGATOR'],
  EMBASSY: [...CASEWORKER_TYPE_ROLES, 'CONSULAR_OFFICER'],
};

/** Live rescue data: the only actions where a named rescue-access grant counts. */
const RESCUE_ACTIONS: ReadonlySet<CaseWorkAction> = new Set([
  'rescue-request.read',
  'rescue-request.update-status',
  'compound.read',
]);

/** The consent a team member's route needs for the shared categories to stay visible. */
const ROUTE_CONSENT: Readonly<Record<TeamAccessRoute, ConsentPurpose>> = {
  REFERRAL: 'SERVICES_REFERRAL',
  HANDOFF: 'CROSS_BORDER_HANDOFF',
};

/** Kinds that may consult the directory of participating organisations. */
const DIRECTORY_KINDS: ReadonlySet<OrganisationKind> = new Set([...FRONTLINE_KINDS, 'OVERSIGHT']);

const RELATION_REASON: Readonly<Record<RecordRelation, AllowReason>> = {
  OWNER: 'ALLOWED_OWNER',
  TEAM: 'ALLOWED_TEAM',
  JURISDICTION_COORDINATOR: 'ALLOWED_JURISDICTION',
  JURISDICTION_POLICE: 'ALLOWED_JURISDICTION_POLICE',
  RESCUE_GRANT: 'ALLOWED_RESCUE_ACCESS',
  ADDRESSEE: 'ALLOWED_ADDRESSEE',
  COUNTRY_OVERSIGHT: 'ALLOWED_OVERSIGHT',
};

function allow(reason: AllowReason): Decision {
  return { allowed: true, reason };
}

function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

/**
 * The firewall. Immigration may verify an attestation, answer an exit clearance addressed to it, look
 * after its own account and administer its own people; every other path, whatever the resource, gets the
 * same refusal.
 */
/** What an immigration organisation may do about its own people (ADR 024), and nothing beyond them. */
const IMMIGRATION_OWN_PEOPLE: ReadonlySet<AccessAction> = new Set<AccessAction>([
  'organisation.read',
  'user.list',
  'user.read',
  'user.create',
  'user.assign-roles',
  'user.approve-roles',
  'user.issue-enrolment-link',
  'user.deactivate',
]);

function decideForImmigration(actor: Actor, action: AccessAction, resource: unknown): Decision {
  switch (action) {
    case 'self.read':
    case 'self.manage-credentials':
      return allow('ALLOWED_SELF');
    case 'attestation.verify':
      return allow('ALLOWED_KIND');
    case 'exit-clearance.read':
    case 'exit-clearance.respond': {
      const record = asRecordContext(resource);
      return record !== null && sameId(record.addressedToOrganisationId, actor.organisationId)
        ? allow('ALLOWED_ADDRESSEE')
        : deny('FIREWALL_IMMIGRATION');
    }
    default: {
      // Its own administrators manage its own people: since ADR 024 nobody else can give it verifiers.
      // Other organisations, and everything about survivors, stay behind the firewall.
      const target = IMMIGRATION_OWN_PEOPLE.has(action) ? asOrganisationTarget(resource) : null;
      const decision =
        target !== null && sameId(target.organisationId, actor.organisationId)
          ? decideIdentity(actor, action as IdentityAction, target)
          : null;
      return decision?.allowed ? decision : deny('FIREWALL_IMMIGRATION');
    }
  }
}

function decideIdentity(actor: Actor, action: IdentityAction, target: OrganisationTarget | null): Decision {
  if (action === 'self.read' || action === 'self.manage-credentials') return allow('ALLOWED_SELF');
  const kind = actor.organisationKind;
  const ownOrganisation = target !== null && sameId(target.organisationId, actor.organisationId);
  // The operator sets organisations up but never decides who in them does case work: it changes roles
  // in its own organisation only (ADR 024). Its other limits need the database (whether an organisation
  // already has people, how many administrators it has) and are kept by the identity service.
  if (kind === 'PLATFORM_OPERATOR' && action === 'user.assign-roles' && !ownOrganisation)
    return deny('OUT_OF_ORGANISATION');
  if (kind === 'PLATFORM_OPERATOR' && hasAnyRole(actor, ['PLATFORM_ADMIN']))
    return allow('ALLOWED_PLATFORM_ADMIN');
  const notPlatformAdmin = deny(kind === 'PLATFORM_OPERATOR' ? 'ROLE_REQUIRED' : 'KIND_NOT_PERMITTED');
  switch (action) {
    case 'organisation.list':
      return DIRECTORY_KINDS.has(kind) ? allow('ALLOWED_DIRECTORY') : notPlatformAdmin;
    case 'organisation.read':
      if (ownOrganisation) return allow('ALLOWED_OWN_ORGANISATION');
      return DIRECTORY_KINDS.has(kind) ? allow('ALLOWED_DIRECTORY') : deny('OUT_OF_ORGANISATION');
    case 'organisation.create':
    case 'organisation.deactivate':
      return notPlatformAdmin;
    case 'user.list':
    case 'user.read':
    case 'user.create':
    case 'user.assign-roles':
    case 'user.approve-roles':
    case 'user.issue-enrolment-link':
    case 'user.deactivate':
      if (!hasAnyRole(actor, ['ORGANISATION_ADMIN'])) return deny('ROLE_REQUIRED');
      return ownOrganisation ? allow('ALLOWED_ORGANISATION_ADMIN') : deny('OUT_OF_ORGANISATION');
  }
}

/**
 * Case work. The checks run from the actor outwards: kind, role, then the relation to the record, then
 * consent. The first two never look at the record, and a missing record fails exactly where an
 * unrelated one does, so the reason reveals nothing about a record the actor may not see.
 */
function decideCaseWork(
  actor: Actor,
  action: CaseWorkAction,
  record: ResourceContext | null,
  now: Date,
): Decision {
  if (actor.organisationKind === 'PLATFORM_OPERATOR') return deny('NOT_PLATFORM_DATA');
  const rule = CASE_WORK_RULES[action];
  if (!rule.kinds.includes(actor.organisationKind)) return deny('KIND_NOT_PERMITTED');
  if (!meetsRoleRequirement(actor, rule)) return deny('ROLE_REQUIRED');
  if (rule.relations === 'NONE') return allow('ALLOWED_KIND');
  if (record === null) {
    return rule.oversightWithoutRecord && actor.organisationKind === 'OVERSIGHT'
      ? allow('ALLOWED_OVERSIGHT')
      : deny('NO_NEED_TO_KNOW');
  }
  const relation = rule.relations.find((candidate) => holds(candidate, actor, action, record, now));
  if (relation === undefined) return deny('NO_NEED_TO_KNOW');
  if (rule.consent !== undefined && !hasConsent(record, rule.consent)) return deny('CONSENT_REQUIRED');
  return allow(RELATION_REASON[relation]);
}

function visibleCategories(
  actor: Actor,
  action: CaseWorkAction,
  resource: unknown,
  now: Date,
): ReadonlySet<DataCategory> {
  if (!isCaseWorkAction(action)) return NO_CATEGORIES;
  // The exit-clearance request carries only operational fields (document number, name on the travel
  // document, attestation code, departure date); that is all immigration ever sees.
  if (actor.organisationKind === 'IMMIGRATION') {
    return action === 'exit-clearance.read' || action === 'exit-clearance.respond'
      ? OPERATIONAL_ONLY
      : NO_CATEGORIES;
  }
  const rule = CASE_WORK_RULES[action];
  const record = asRecordContext(resource);
  // Actions that touch no record (creation, statistics, verification) project no record's fields: a
  // created record is read back through its read action, a verification answers only yes or no.
  if (rule.relations === 'NONE' || record === null) return NO_CATEGORIES;
  // Audit entries say who touched what and when; they never carry the record's content.
  if (action === 'audit.read') return OPERATIONAL_ONLY;

  const visible = new Set<DataCategory>();
  for (const relation of rule.relations.filter((held) => holds(held, actor, action, record, now))) {
    for (const category of relationCategories(relation, actor, action, record, now)) visible.add(category);
  }
  return restrictByActor(visible, actor, record);
}

function relationCategories(
  relation: RecordRelation,
  actor: Actor,
  action: CaseWorkAction,
  record: ResourceContext,
  now: Date,
): Iterable<DataCategory> {
  switch (relation) {
    case 'OWNER':
    case 'RESCUE_GRANT':
      return ALL_CATEGORIES;
    case 'TEAM':
      return teamCategories(actor, record);
    case 'JURISDICTION_COORDINATOR':
      return COORDINATOR_CATEGORIES;
    case 'JURISDICTION_POLICE': {
      // Police of the jurisdiction see what their own relation to the record gives them, nothing more.
      const categories = new Set<DataCategory>(OPERATIONAL_ONLY);
      for (const own of ['OWNER', 'TEAM', 'RESCUE_GRANT'] as const) {
        if (holds(own, actor, action, record, now)) {
          for (const category of relationCategories(own, actor, action, record, now))
            categories.add(category);
        }
      }
      return categories;
    }
    case 'ADDRESSEE':
    case 'COUNTRY_OVERSIGHT':
      return OPERATIONAL_ONLY;
  }
}

/** A team member sees operational facts, plus what was shared while the route's consent stands. */
function teamCategories(actor: Actor, record: ResourceContext): Set<DataCategory> {
  const categories = new Set<DataCategory>(OPERATIONAL_ONLY);
  for (const membership of teamMemberships(actor, record)) {
    if (!hasConsent(record, ROUTE_CONSENT[membership.via])) continue;
    const shared = Array.isArray(membership.sharedCategories) ? membership.sharedCategories : [];
    for (const category of shared) if (ALL_CATEGORIES.has(category)) categories.add(category);
  }
  return categories;
}

/** The limits that follow the actor wherever their access comes from. */
function restrictByActor(
  visible: Set<DataCategory>,
  actor: Actor,
  record: ResourceContext,
): ReadonlySet<DataCategory> {
  const kind = actor.organisationKind;
  if (!hasAnyRole(actor, SENSITIVE_DATA_ROLES[kind] ?? CASEWORKER_TYPE_ROLES)) {
    for (const category of SENSITIVE_CATEGORIES) visible.delete(category);
  }
  if (kind === 'LAW_ENFORCEMENT') {
    if (!hasConsent(record, 'LAW_ENFORCEMENT_SHARING')) {
      for (const category of WITHHELD_FROM_POLICE) visible.delete(category);
    }
    // Not even with consent: a child's account of sexual violence goes to police through child
    // protection procedures, not through this platform.
    if (record.subjectIsMinor !== false) visible.delete('SEXUAL_VIOLENCE');
  }
  if (kind === 'EMBASSY' && !hasConsent(record, 'CONSULAR_CONTACT'))
    return intersect(visible, EMBASSY_WITHOUT_CONSENT);
  if (kind === 'OVERSIGHT') return intersect(visible, OPERATIONAL_ONLY);
  return visible;
}

function intersect(
  visible: ReadonlySet<DataCategory>,
  allowed: ReadonlySet<DataCategory>,
): Set<DataCategory> {
  return new Set([...visible].filter((category) => allowed.has(category)));
}

function holds(
  relation: RecordRelation,
  actor: Actor,
  action: CaseWorkAction,
  record: ResourceContext,
  now: Date,
): boolean {
  switch (relation) {
    case 'OWNER':
      return sameId(record.ownerOrganisationId, actor.organisationId);
    case 'TEAM':
      return teamMemberships(actor, record).length > 0;
    case 'JURISDICTION_COORDINATOR':
      return (
        actor.organisationKind === 'NRM_COORDINATOR' && sameCountry(actor.country, record.jurisdictionCountry)
      );
    case 'JURISDICTION_POLICE':
      return (
        actor.organisationKind === 'LAW_ENFORCEMENT' &&
        sameCountry(actor.country, record.jurisdictionCountry) &&
        (holds('OWNER', actor, action, record, now) ||
          holds('TEAM', actor, action, record, now) ||
          holds('RESCUE_GRANT', actor, action, record, now))
      );
    case 'RESCUE_GRANT':
      return RESCUE_ACTIONS.has(action) && hasActiveRescueGrant(actor, record, now);
    case 'ADDRESSEE':
      return sameId(record.addressedToOrganisationId, actor.organisationId);
    case 'COUNTRY_OVERSIGHT':
      return actor.organisationKind === 'OVERSIGHT' && sameCountry(actor.country, record.jurisdictionCountry);
  }
}

function meetsRoleRequirement(actor: Actor, rule: CaseWorkRule): boolean {
  if (rule.roles === 'ANY') return true;
  return hasAnyRole(actor, actor.organisationKind === 'OVERSIGHT' ? OVERSIGHT_ROLES : rule.roles);
}

function hasAnyRole(actor: Actor, required: readonly Role[]): boolean {
  return Array.isArray(actor.roles) && actor.roles.some((role) => required.includes(role));
}

function hasConsent(record: ResourceContext, purpose: ConsentPurpose): boolean {
  return Array.isArray(record.consents) && record.consents.includes(purpose);
}

function teamMemberships(actor: Actor, record: ResourceContext): ResourceContext['team'] {
  if (!Array.isArray(record.team)) return [];
  return record.team.filter(
    (membership) =>
      typeof membership === 'object' &&
      membership !== null &&
      sameId(membership.organisationId, actor.organisationId) &&
      Object.hasOwn(ROUTE_CONSENT, membership.via),
  );
}

function hasActiveRescueGrant(actor: Actor, record: ResourceContext, now: Date): boolean {
  if (!Array.isArray(record.rescueAccess)) return false;
  const instant = now instanceof Date ? now.getTime() : Number.NaN;
  // An unparseable `until` or `now` gives NaN, and NaN compares false: the grant does not hold.
  return record.rescueAccess.some(
    (grant) =>
      typeof grant === 'object' &&
      grant !== null &&
      sameId(grant.userId, actor.userId) &&
      grant.until instanceof Date &&
      grant.until.getTime() > instant,
  );
}

/** Identifiers match only when both are present: two missing ids must never count as the same. */
function sameId(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && a.length > 0 && a === b;
}

/** Countries match only when both are well-formed codes, for the same reason. */
function sameCountry(a: unknown, b: unknown): boolean {
  return isCountryCode(a) && a === b;
}

function asRecordContext(resource: unknown): ResourceContext | null {
  return typeof resource === 'object' &&
    resource !== null &&
    typeof (resource as Partial<ResourceContext>).ownerOrganisationId === 'string'
    ? (resource as ResourceContext)
    : null;
}

function asNodeTarget(resource: unknown): NodeTarget | null {
  return typeof resource === 'object' &&
    resource !== null &&
    Array.isArray((resource as Partial<NodeTarget>).hostedCountries)
    ? (resource as NodeTarget)
    : null;
}

function asOrganisationTarget(resource: unknown): OrganisationTarget | null {
  return typeof resource === 'object' &&
    resource !== null &&
    typeof (resource as Partial<OrganisationTarget>).organisationId === 'string'
    ? (resource as OrganisationTarget)
    : null;
}
