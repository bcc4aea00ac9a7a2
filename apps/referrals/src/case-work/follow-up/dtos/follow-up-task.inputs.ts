import { GraphQLISODateTime, ID } from '@nestjs/graphql';
import { z } from 'zod';
import { declareInput, orNull } from '@passage/shared';

/** What was done, why not, or why handed on: a caseworker's account, required and capped. */
const note = (missing: string) =>
  z.string().trim().min(1, missing).max(4_000, 'must have at most 4000 characters');

const taskId = { type: () => ID, schema: z.uuid('must be a follow-up task id') };
const when = (description: string) => ({
  type: () => GraphQLISODateTime,
  schema: z.date('must be a date and time'),
  description,
});

export const CompleteFollowUpTaskInput = declareInput(
  'CompleteFollowUpTaskInput',
  {
    taskId,
    outcome: { type: () => String, schema: note('must say what was done'), description: 'What was done.' },
    completedAt: when('When it was done; not in the future.'),
    detentionId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be a detention id')),
      description: 'For a release task: the detention the person was released from.',
    },
    nonPunishmentNoticeId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be a non-punishment notice id')),
      description: 'For a notice task: the notice sent.',
    },
  },
  {
    description: 'Completes a follow-up task assigned to the caller (or, for a coordinator, of its country).',
  },
);
export type CompleteFollowUpTask = z.output<typeof CompleteFollowUpTaskInput.schema>;

export const DeclineFollowUpTaskInput = declareInput(
  'DeclineFollowUpTaskInput',
  {
    taskId,
    reason: {
      type: () => String,
      schema: note('must say why the task will not be done'),
      description: 'Why it will not be done (the person was never detained, refused a lawyer…).',
    },
    declinedAt: when('When it was decided; not in the future.'),
  },
  { description: 'Declines a follow-up task, with the reason.' },
);
export type DeclineFollowUpTask = z.output<typeof DeclineFollowUpTaskInput.schema>;

export const ReassignFollowUpTaskInput = declareInput(
  'ReassignFollowUpTaskInput',
  {
    taskId,
    assigneeOrganisationId: {
      type: () => ID,
      schema: z.uuid('must be an organisation id'),
      description:
        "The organisation to work the task: one of the directory that may see the person's legal data on this case (the owner, a team member it was shared with, the coordinator).",
    },
    assigneeUserId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be a user id')),
      description: 'A named person of that organisation, if any.',
    },
    note: {
      type: () => String,
      schema: note('must say why the task is handed on'),
      description: 'Why the task is handed on, and what the new assignee should know.',
    },
    reassignedAt: when('When it was handed on; not in the future.'),
  },
  { description: 'Hands an open follow-up task to another organisation, or to a named person of one.' },
);
export type ReassignFollowUpTask = z.output<typeof ReassignFollowUpTaskInput.schema>;
