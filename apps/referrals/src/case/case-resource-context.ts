import type { ConsentPurpose } from '@passage/schemas';
import type { ResourceContext } from '@passage/shared';
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
 * The policy's view of one person's record: the case's ownership and jurisdiction, that person's standing
 * consents and whether they are a child. Reads of a person's fields are decided against this, so one
 * person's consent never opens another person's data in a shared case.
 */
export function personResourceContext(
  caseFacts: CaseFacts,
  person: PersonFacts,
  standingConsents: readonly ConsentPurpose[],
): ResourceContext {
  return withMinor(
    {
      ownerOrganisationId: caseFacts.ownerOrganisationId,
      ownerCountry: caseFacts.ownerCountry,
      jurisdictionCountry: caseFacts.jurisdictionCountry,
      // Accepted referrals and handoffs add team members; this issue has none yet.
      team: [],
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
      team: [],
      consents: consents ?? [],
    },
    persons.length === 0 ? null : subjectIsMinor,
  );
}

/** Leaves `subjectIsMinor` unset for an unknown age, as the policy expects. */
function withMinor(context: ResourceContext, minor: boolean | null): ResourceContext {
  return minor === null ? context : { ...context, subjectIsMinor: minor };
}
