import type { ResourceContext, TeamMembership } from '@passage/shared';

/**
 * The policy's view of a repatriation plan: the person's own record (ownership, jurisdiction, that
 * person's consents and age), plus the organisations the plan gives work to. The plan's owner and every
 * step owner hold the plan as team members with operational facts only (status, dates, owners): an
 * embassy issuing the travel document or an origin NGO receiving the person learns nothing of the case
 * through the plan unless a referral or handoff shared it. Immigration is never a member; its only door
 * is the exit-clearance request addressed to it.
 */
export function planResourceContext(
  personContext: ResourceContext,
  plan: { ownerOrganisationId: string },
  steps: readonly { ownerOrganisationId: string }[],
): ResourceContext {
  const members = new Set([plan.ownerOrganisationId, ...steps.map((step) => step.ownerOrganisationId)]);
  members.delete(personContext.ownerOrganisationId);
  const team: TeamMembership[] = [...personContext.team];
  for (const organisationId of members) {
    if (team.some((member) => member.organisationId === organisationId)) continue;
    team.push({ organisationId, via: 'REFERRAL', sharedCategories: ['OPERATIONAL'] });
  }
  return { ...personContext, team };
}
