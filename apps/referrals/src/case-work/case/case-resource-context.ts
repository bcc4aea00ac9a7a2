import type { EntityManager } from 'typeorm';
import type { ConsentPurpose, DataCategory } from '@passage/schemas';
import type { ResourceContext, TeamAccessRoute, TeamMembership } from '@passage/shared';
import { minorFromAgeBand, type AgeBand } from '../person/person-vocabulary.js';

/** What the policy needs from a case record. */
export interface CaseFacts {
  ownerOrganisationId: string;
  ownerCountry: string;
  jurisdictionCountry: string;
}

/** What the policy needs from one person of the case. */
export interface PersonFacts {
  id: string;
  ageBand: AgeBand;
}

/**
 * An organisation working on the case through an accepted referral (or handoff), for one person of it
 * or, with `personId` null, for everyone in the case.
 */
export interface CaseTeamMember {
  personId: string | null;
  organisationId: string;
  via: TeamAccessRoute;
  sharedCategories: readonly DataCategory[];
}

/**
 * The case's team: providers with an ACCEPTED or IN_PROGRESS referral. Pending, declined, withdrawn
 * and completed referrals give no access. Read fresh with every load, like the consents.
 */
export async function loadCaseTeam(manager: EntityManager, caseId: string): Promise<CaseTeamMember[]> {
  const rows = (await manager.query(
    `SELECT person_id, to_organisation_id, shared_categories FROM referral
      WHERE case_id = $1 AND status IN ('ACCEPTED', 'IN_PROGRESS') ORDER BY created_at, id`,
    [caseId],
  )) as { person_id: string; to_organisation_id: string; shared_categories: DataCategory[] }[];
  return rows.map((row) => ({
    personId: row.person_id,
    organisationId: row.to_organisation_id,
    via: 'REFERRAL' as const,
    sharedCategories: row.shared_categories,
  }));
}

/**
 * The policy's view of one person's record: the case's ownership and jurisdiction, that person's standing
 * consents and whether they are a child. Reads of a person's fields are decided against this, so one
 * person's consent never opens another person's data in a shared case.
 */
export function personResourceContext(
  caseFacts: CaseFacts,
  person: PersonFacts,
  standingConsents: readonly ConsentPurpose[],
  team: readonly CaseTeamMember[] = [],
): ResourceContext {
  return withMinor(
    {
      ownerOrganisationId: caseFacts.ownerOrganisationId,
      ownerCountry: caseFacts.ownerCountry,
      jurisdictionCountry: caseFacts.jurisdictionCountry,
      // A member referred for someone else in the case sees this person's operational facts only, so the
      // case stays readable as a whole without one person's referral opening another's data.
      team: memberships(
        team.map((member) =>
          member.personId === null || member.personId === person.id
            ? member
            : { ...member, sharedCategories: [] },
        ),
      ),
      consents: [...standingConsents],
    },
    minorFromAgeBand(person.ageBand),
  );
}

/**
 * The policy's view of the case as a whole. A purpose counts only when every person in the case grants
 * it, and the case counts as a child's as soon as one person is or may be a child: whatever is decided
 * for the whole case must hold for each person in it.
 */
export function caseResourceContext(
  caseFacts: CaseFacts,
  persons: readonly PersonFacts[],
  consentsByPerson: ReadonlyMap<string, readonly ConsentPurpose[]>,
  team: readonly CaseTeamMember[] = [],
): ResourceContext {
  let consents: ConsentPurpose[] | null = null;
  for (const person of persons) {
    const granted = consentsByPerson.get(person.id) ?? [];
    consents = consents === null ? [...granted] : consents.filter((purpose) => granted.includes(purpose));
  }
  const minors = persons.map((person) => minorFromAgeBand(person.ageBand));
  const subjectIsMinor = minors.includes(true)
    ? true
    : minors.every((minor) => minor === false)
      ? false
      : null;
  return withMinor(
    {
      ownerOrganisationId: caseFacts.ownerOrganisationId,
      ownerCountry: caseFacts.ownerCountry,
      jurisdictionCountry: caseFacts.jurisdictionCountry,
      team: memberships(team),
      consents: consents ?? [],
    },
    persons.length === 0 ? null : subjectIsMinor,
  );
}

/** One membership per organisation and route, carrying every category its referrals shared. */
function memberships(team: readonly CaseTeamMember[]): TeamMembership[] {
  const merged = new Map<
    string,
    { organisationId: string; via: TeamAccessRoute; shared: Set<DataCategory> }
  >();
  for (const member of team) {
    const key = `${member.organisationId}|${member.via}`;
    const entry = merged.get(key) ?? {
      organisationId: member.organisationId,
      via: member.via,
      shared: new Set(),
    };
    for (const category of member.sharedCategories) entry.shared.add(category);
    merged.set(key, entry);
  }
  return [...merged.values()].map((entry) => ({
    organisationId: entry.organisationId,
    via: entry.via,
    sharedCategories: [...entry.shared],
  }));
}

/** Leaves `subjectIsMinor` unset for an unknown age, as the policy expects. */
function withMinor(context: ResourceContext, minor: boolean | null): ResourceContext {
  return minor === null ? context : { ...context, subjectIsMinor: minor };
}
