import { z } from 'zod';
import {
  STAY_PATHWAY_BASES,
  STAY_PATHWAY_KINDS,
  STAY_STEP_KINDS,
  STAY_STEP_OUTCOMES,
  STAY_STEP_STATUSES,
} from '../../reference/stay-pathway-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import {
  CASE_AGGREGATE,
  CASE_WORK_STREAM,
  countryCodeSchema,
  instantSchema,
} from '../case-work/case-work-stream.js';

/**
 * Stay pathways, the alternative to a return that is not safe. Like every case-work event they carry
 * ids, codes and times: the pathway's kind is a code, as an identification decision's status is; the
 * reason a supervisor gave and the notes on a step stay on the node.
 */
const day = z.iso.date();

export const stayPathwayOpenedV1 = defineEvent({
  type: 'case.stay-pathway-opened',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A stay pathway (temporary permit, asylum or refugee status, resettlement) was opened for a person, with its step owners and the basis it rests on.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    pathwayId: z.uuid(),
    kind: z.enum(STAY_PATHWAY_KINDS),
    jurisdictionCountry: countryCodeSchema,
    basis: z.enum(STAY_PATHWAY_BASES),
    /** The assessment that found return unsafe; null when a decision role's reason is the basis. */
    riskAssessmentId: z.uuid().nullable(),
    ownerOrganisationId: z.uuid(),
    steps: z.array(z.object({ kind: z.enum(STAY_STEP_KINDS), ownerOrganisationId: z.uuid(), dueOn: day })),
    openedBy: z.uuid(),
    openedAt: instantSchema,
  }),
});

export const stayPathwayStepChangedV1 = defineEvent({
  type: 'case.stay-pathway-step-changed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A step of a stay pathway was started, completed with an outcome, declined by its owner, or given to another owner.',
  schema: z.object({
    caseId: z.uuid(),
    pathwayId: z.uuid(),
    step: z.enum(STAY_STEP_KINDS),
    from: z.enum(STAY_STEP_STATUSES),
    to: z.enum(STAY_STEP_STATUSES),
    outcome: z.enum(STAY_STEP_OUTCOMES).nullable(),
    ownerOrganisationId: z.uuid(),
    enteredAt: instantSchema.nullable(),
    leftAt: instantSchema.nullable(),
    changedByOrganisationId: z.uuid(),
    changedBy: z.uuid(),
    changedAt: instantSchema,
  }),
});

export const stayPathwayClosedV1 = defineEvent({
  type: 'case.stay-pathway-closed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A decision settled a stay pathway: the person may stay (or is resettled), or was refused.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    pathwayId: z.uuid(),
    kind: z.enum(STAY_PATHWAY_KINDS),
    status: z.enum(['GRANTED', 'REFUSED']),
    closedAt: instantSchema,
  }),
});
