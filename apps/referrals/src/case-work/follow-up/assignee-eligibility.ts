import type { OrganisationKind } from '@passage/schemas';
import { decide, decideFields, type Actor, type ResourceContext } from '@passage/shared';

/** An organisation as the regional directory lists it. */
export interface ListedOrganisation {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
  stationedIn: string | null;
  active: boolean;
}

/**
 * Why `organisation` cannot take a follow-up task, or null when it can. It can when a caseworker of it
 * would be allowed to work the task as its assignee and would see the person's LEGAL data when reading
 * the case: an assignee must be able to find the task and act on it. The policy answers both, asked as
 * that caseworker would ask, so assignment can never reach further than need to know (a shelter the
 * person was referred to without legal data cannot be given the legal-aid task; the embassy owning the
 * case cannot either, until the person consents to consular contact).
 *
 * @param taskContext the task's record as the policy sees it (its jurisdiction)
 * @param personContext the person's record on the case, as `case.read` sees it
 */
export function whyNotAssignable(
  organisation: ListedOrganisation | null,
  taskContext: ResourceContext,
  personContext: ResourceContext,
  now: Date,
): string | null {
  if (!organisation) return 'is not an organisation of the directory';
  if (!organisation.active) return `${organisation.name} no longer takes part`;
  const caseworker: Actor = {
    userId: `caseworker-of-${organisation.organisationId}`,
    organisationId: organisation.organisationId,
    organisationKind: organisation.kind,
    country: organisation.country ?? '',
    stationedIn: organisation.stationedIn,
    nodeId: '',
    roles: ['CASEWORKER'],
  };
  const asAssignee = { ...taskContext, addressedToOrganisationId: organisation.organisationId };
  if (!decide(caseworker, 'follow-up.work', asAssignee, now).allowed) {
    return `${organisation.name} (${organisation.kind}) cannot work follow-up tasks`;
  }
  if (decideFields(caseworker, 'case.read', personContext, ['LEGAL'], now).LEGAL !== 'ALLOW') {
    return `${organisation.name} may not see this person's legal data on the case`;
  }
  return null;
}
