import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { STAY_PATHWAY_KINDS, STAY_STEP_KINDS, STAY_STEP_OUTCOMES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { calendarDay } from '../../dtos/repatriation.inputs.js';
import { STAY_STEP_ACTIONS, stayStepsProblem } from '../../rules/stay-pathway-steps.js';
import {
  StayPathwayKindEnum,
  StayStepActionEnum,
  StayStepKindEnum,
  StayStepOutcomeEnum,
} from '../graphql/stay-pathway.enums.js';

const NOTES_MAX = 4_000;

/** Narrative text: trimmed, empty counts as absent, capped. */
const narrative = z
  .string()
  .trim()
  .max(NOTES_MAX, `must have at most ${NOTES_MAX} characters`)
  .nullish()
  .transform((value) => (value ? value : null));

export const StayStepPlanInput = declareInput('StayStepPlanInput', {
  kind: { type: () => StayStepKindEnum, schema: z.enum(STAY_STEP_KINDS) },
  ownerOrganisationId: {
    type: () => ID,
    schema: z.uuid('must be an organisation id'),
    description:
      'From organisationDirectory: a focal point, NGO, service provider (legal aid) or international organisation (UNHCR, IOM) of the country the person is in.',
  },
  dueOn: { type: () => String, schema: calendarDay, description: 'YYYY-MM-DD.' },
});

export const OpenStayPathwayInput = declareInput(
  'OpenStayPathwayInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    kind: { type: () => StayPathwayKindEnum, schema: z.enum(STAY_PATHWAY_KINDS) },
    steps: {
      type: () => [StayStepPlanInput.type],
      schema: z.array(StayStepPlanInput.schema).min(1, 'must list the steps').max(STAY_STEP_KINDS.length),
    },
    reason: {
      type: () => String,
      nullable: true,
      schema: narrative,
      description:
        'Why the pathway is opened. Without a risk assessment that found return unsafe, it is required and the caller must be a supervisor or focal point.',
    },
  },
  {
    description:
      "Needs the person's standing STAY_PATHWAY consent, and either a latest return risk assessment that found return unsafe or a decision role's reason. Lists each step of the pathway's kind exactly once.",
    refine: (schema) =>
      schema.superRefine((input, context) => {
        const problem = stayStepsProblem(
          input.kind,
          input.steps.map((step) => step.kind),
        );
        if (problem) context.addIssue({ code: 'custom', path: ['steps'], message: problem });
      }),
  },
);

export type OpenStayPathwayValue = z.output<typeof OpenStayPathwayInput.schema>;

export const WorkStayPathwayStepInput = declareInput(
  'WorkStayPathwayStepInput',
  {
    pathwayId: { type: () => ID, schema: z.uuid('must be a pathway id') },
    step: { type: () => StayStepKindEnum, schema: z.enum(STAY_STEP_KINDS) },
    action: { type: () => StayStepActionEnum, schema: z.enum(STAY_STEP_ACTIONS) },
    outcome: {
      type: () => StayStepOutcomeEnum,
      nullable: true,
      schema: orNull(z.enum(STAY_STEP_OUTCOMES)),
      description: 'Required to COMPLETE, and only then.',
    },
    notes: {
      type: () => String,
      nullable: true,
      schema: narrative,
      description: 'Narrative. Required to DECLINE (why the owner cannot take the step on).',
    },
    ownerOrganisationId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be an organisation id')),
      description: 'The new owner: required to REASSIGN, and only then.',
    },
    dueOn: {
      type: () => String,
      nullable: true,
      schema: orNull(calendarDay),
      description: 'A new due day, YYYY-MM-DD.',
    },
  },
  {
    description: 'One action on one step of a stay pathway.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
        const issue = (path: string, message: string) =>
          context.addIssue({ code: 'custom', path: [path], message });
        if (input.action === 'COMPLETE' && input.outcome === null)
          issue('outcome', 'is required to COMPLETE');
        if (input.action !== 'COMPLETE' && input.outcome !== null)
          issue('outcome', 'is given only to COMPLETE');
        if (input.action === 'DECLINE' && input.notes === null)
          issue('notes', 'must say why the step is declined');
        if (input.action === 'REASSIGN' && input.ownerOrganisationId === null) {
          issue('ownerOrganisationId', 'is required to REASSIGN');
        }
        if (input.action !== 'REASSIGN' && input.ownerOrganisationId !== null) {
          issue('ownerOrganisationId', 'is given only to REASSIGN');
        }
      }),
  },
);

export type WorkStayPathwayStepValue = z.output<typeof WorkStayPathwayStepInput.schema>;
