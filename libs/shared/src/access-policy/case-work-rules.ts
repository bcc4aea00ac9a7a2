import type { ConsentPurpose, OrganisationKind, Role } from '@passage/schemas';
import type { CaseWorkAction } from './access-actions.js';

/**
 * How an actor can stand to a record. The policy checks them in the order a rule lists them, and the
 * first that holds names the allow reason.
 */
export type RecordRelation =
  /** The actor's organisation owns the record. */
  | 'OWNER'
  /** The actor's organisation holds an accepted referral or handoff for the record. */
  | 'TEAM'
  /** The actor is a national referral coordinator of the record's jurisdiction. */
  | 'JURISDICTION_COORDINATOR'
  /** The actor is police of the record's jurisdiction and the record was given to them (owner, team or grant). */
  | 'JURISDICTION_POLICE'
  /** The actor personally holds an unexpired grant to live rescue data (rescue actions only). */
  | 'RESCUE_GRANT'
  /**
   * The record is a pending referral, handoff or exit clearance addressed to the actor's organisation,
   * or a follow-up task assigned to it.
   */
  | 'ADDRESSEE'
  /** The actor is the oversight body of the record's jurisdiction. */
  | 'COUNTRY_OVERSIGHT';

/** `ANY`: any role will do; otherwise the actor needs at least one of the listed roles. */
export type RoleRequirement = 'ANY' | readonly Role[];

/** The rule for one case-work action. */
export interface CaseWorkRule {
  /** Organisation kinds that may ever perform the action. */
  readonly kinds: readonly OrganisationKind[];
  /** Roles needed; `OVERSIGHT` actors are checked against {@link OVERSIGHT_ROLES} instead. */
  readonly roles: RoleRequirement;
  /** `NONE` for actions that touch no existing record; otherwise the relations that give need to know. */
  readonly relations: 'NONE' | readonly RecordRelation[];
  /** The purpose the survivor must have consented to, checked once need to know is established. */
  readonly consent?: ConsentPurpose;
  /** `audit.read` without a record: the oversight body reads its own country's audit trail. */
  readonly oversightWithoutRecord?: true;
}

/** Kinds that work with survivors' cases. */
export const FRONTLINE_KINDS = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'LAW_ENFORCEMENT',
  'NGO',
  'SHELTER',
  'SERVICE_PROVIDER',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/** Kinds that open and own cases (shelters and service providers work on referred cases). */
const CASE_OWNER_KINDS = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'LAW_ENFORCEMENT',
  'NGO',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/** Kinds that send and receive cross-border handoffs. */
export const HANDOFF_KINDS = [
  'NRM_COORDINATOR',
  'NGO',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/** Kinds that plan returns and own their steps (all but exit clearance, which immigration answers). */
export const REPATRIATION_KINDS = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'NGO',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/**
 * Kinds that open stay pathways and own their steps: the focal point, NGOs, legal-aid and other service
 * providers, UNHCR and IOM. Never an embassy (the state the person may need protection from must not
 * learn of an asylum claim), never police, never immigration.
 */
export const STAY_PATHWAY_WORKER_KINDS = [
  'NRM_COORDINATOR',
  'NGO',
  'SERVICE_PROVIDER',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/** Roles that do case work. An administrator or a data protection officer alone does none. */
export const CASE_ROLES = [
  'CASEWORKER',
  'SUPERVISOR',
  'FOCAL_POINT',
  'CONSULAR_OFFICER',
  'INVESTIGATOR',
] as const satisfies readonly Role[];

/** Roles that take formal decisions (identification, attestation, repatriation approval). */
export const DECISION_ROLES = ['SUPERVISOR', 'FOCAL_POINT'] as const satisfies readonly Role[];

/** Roles that, inside an oversight body, do its work (audits, complaints, statistics). */
export const OVERSIGHT_ROLES = [
  'DATA_PROTECTION_OFFICER',
  'SUPERVISOR',
  'CASEWORKER',
] as const satisfies readonly Role[];

/** The case-work rule table. The ADR (docs/adr/007-access-policy.md) explains every line. */
export const CASE_WORK_RULES: Readonly<Record<CaseWorkAction, CaseWorkRule>> = {
  'rescue-request.submit': {
    kinds: ['EMBASSY', 'NRM_COORDINATOR', 'NGO', 'INTERNATIONAL_ORGANISATION'],
    roles: CASE_ROLES,
    relations: 'NONE',
  },
  'rescue-request.read': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR', 'RESCUE_GRANT'],
  },
  'rescue-request.update-status': {
    kinds: ['NRM_COORDINATOR', 'LAW_ENFORCEMENT'],
    roles: CASE_ROLES,
    relations: ['JURISDICTION_COORDINATOR', 'JURISDICTION_POLICE'],
  },
  'compound.read': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR', 'RESCUE_GRANT'],
  },
  'case.open': { kinds: CASE_OWNER_KINDS, roles: CASE_ROLES, relations: 'NONE' },
  'case.read': {
    kinds: [...FRONTLINE_KINDS, 'OVERSIGHT'],
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR', 'COUNTRY_OVERSIGHT'],
  },
  'case.update': { kinds: CASE_OWNER_KINDS, roles: CASE_ROLES, relations: ['OWNER'] },
  // Closing and reopening: the owner, or the coordinator of the country, who keeps the national mechanism's
  // cases moving when an owner no longer can.
  'case.close': {
    kinds: CASE_OWNER_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'JURISDICTION_COORDINATOR'],
  },
  'case.reopen': {
    kinds: CASE_OWNER_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'JURISDICTION_COORDINATOR'],
  },
  // The coordinator records what it may see (a travel document for an attestation, operational facts);
  // which fields each may change is decided by the categories it sees (docs/adr/018).
  'person.update': {
    kinds: CASE_OWNER_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'JURISDICTION_COORDINATOR'],
  },
  // A person joins a case through its owner, who registers their identity.
  'person.add': { kinds: CASE_OWNER_KINDS, roles: CASE_ROLES, relations: ['OWNER'] },
  'mass-intake.register': {
    kinds: ['NRM_COORDINATOR', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'],
    roles: CASE_ROLES,
    relations: 'NONE',
  },
  'consent.record': {
    kinds: CASE_OWNER_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'JURISDICTION_COORDINATOR'],
  },
  'consent.withdraw': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR'],
  },
  'interview.record': { kinds: FRONTLINE_KINDS, roles: CASE_ROLES, relations: ['OWNER', 'TEAM'] },
  'screening.record': {
    kinds: [
      'NRM_COORDINATOR',
      'LAW_ENFORCEMENT',
      'NGO',
      'SHELTER',
      'SERVICE_PROVIDER',
      'INTERNATIONAL_ORGANISATION',
    ],
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM'],
  },
  'identification.decide': {
    kinds: ['NRM_COORDINATOR', 'LAW_ENFORCEMENT'],
    roles: DECISION_ROLES,
    relations: ['JURISDICTION_COORDINATOR', 'JURISDICTION_POLICE'],
  },
  // A follow-up task is worked by the organisation it is assigned to (the record's addressee) or by the
  // coordinator of the deciding jurisdiction, which answers for every task its decisions opened. The
  // service also requires that the worker sees the person's LEGAL data: a task says the person is
  // protected.
  'follow-up.work': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['ADDRESSEE', 'JURISDICTION_COORDINATOR'],
  },
  // Detention, fines, bans, charges and non-punishment notices (LEGAL data): whoever works with the
  // person on the case, and the coordinator who must get them out. The service requires LEGAL visible.
  'detention.record': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR'],
  },
  'attestation.issue': {
    kinds: ['NRM_COORDINATOR'],
    roles: DECISION_ROLES,
    relations: ['JURISDICTION_COORDINATOR'],
  },
  // Suspending, reinstating or revoking an attestation is the issuer's authority, not more widely held.
  'attestation.revoke': {
    kinds: ['NRM_COORDINATOR'],
    roles: DECISION_ROLES,
    relations: ['JURISDICTION_COORDINATOR'],
  },
  'attestation.verify': { kinds: [...FRONTLINE_KINDS, 'OVERSIGHT'], roles: 'ANY', relations: 'NONE' },
  'referral.create': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM'],
    consent: 'SERVICES_REFERRAL',
  },
  'referral.respond': { kinds: FRONTLINE_KINDS, roles: CASE_ROLES, relations: ['ADDRESSEE'] },
  'handoff.offer': {
    kinds: HANDOFF_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER'],
    consent: 'CROSS_BORDER_HANDOFF',
  },
  'handoff.respond': { kinds: HANDOFF_KINDS, roles: CASE_ROLES, relations: ['ADDRESSEE'] },
  'repatriation.plan': {
    kinds: REPATRIATION_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM'],
    consent: 'RETURN',
  },
  'repatriation.approve': {
    kinds: ['NRM_COORDINATOR'],
    roles: DECISION_ROLES,
    relations: ['JURISDICTION_COORDINATOR'],
    consent: 'RETURN',
  },
  // A stay pathway (permit, asylum, resettlement) is as sensitive as the case gets: need to know only,
  // on its own consent; see docs/adr/021-pathways-beyond-standard-return.md.
  'stay-pathway.plan': {
    kinds: STAY_PATHWAY_WORKER_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM'],
    consent: 'STAY_PATHWAY',
  },
  // Opening one without an assessment that found return unsafe, on a supervisor's or focal point's reason.
  'stay-pathway.decide': {
    kinds: STAY_PATHWAY_WORKER_KINDS,
    roles: DECISION_ROLES,
    relations: ['OWNER', 'TEAM'],
    consent: 'STAY_PATHWAY',
  },
  'exit-clearance.read': {
    kinds: FRONTLINE_KINDS,
    roles: CASE_ROLES,
    relations: ['OWNER', 'TEAM', 'JURISDICTION_COORDINATOR'],
  },
  // Only the addressed immigration organisation answers an exit clearance; see the firewall branch.
  'exit-clearance.respond': { kinds: [], roles: CASE_ROLES, relations: ['ADDRESSEE'] },
  'statistics.read': {
    kinds: [...FRONTLINE_KINDS, 'OVERSIGHT'],
    roles: [...CASE_ROLES, 'DATA_PROTECTION_OFFICER'],
    relations: 'NONE',
  },
  'export.create': {
    kinds: CASE_OWNER_KINDS,
    roles: ['SUPERVISOR', 'FOCAL_POINT', 'DATA_PROTECTION_OFFICER'],
    relations: ['OWNER'],
  },
  // Who takes part and where: what a caseworker needs to address a referral, handoff or plan step.
  // Immigration is not told who works with survivors.
  'directory.read': { kinds: [...FRONTLINE_KINDS, 'OVERSIGHT'], roles: CASE_ROLES, relations: 'NONE' },
  'audit.read': {
    kinds: [...FRONTLINE_KINDS, 'OVERSIGHT'],
    roles: ['DATA_PROTECTION_OFFICER', 'SUPERVISOR'],
    relations: ['OWNER', 'COUNTRY_OVERSIGHT'],
    oversightWithoutRecord: true,
  },
};
