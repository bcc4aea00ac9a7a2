import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import {
  RESCUE_OUTCOMES,
  RESCUE_REQUEST_STATUSES,
} from '../../exchange-messages/rescue-request-messages.v1.js';

/** Node-internal events of rescue requests: ids, states and times, never names or places. */
const RESCUE_REQUESTS = 'rescue-requests';
const country = z.string().regex(/^[A-Z]{2}$/);

export const rescueRequestSubmittedV1 = defineEvent({
  type: 'rescue-request.submitted',
  version: 1,
  aggregateType: 'rescue-request',
  stream: RESCUE_REQUESTS,
  description: 'An organisation on this node sent a rescue request to the focal point of a country.',
  schema: z.object({
    requestId: z.uuid(),
    requesterOrganisationId: z.uuid(),
    jurisdictionCountry: country,
    peopleListed: z.number().int(),
    othersCount: z.number().int(),
  }),
});

export const rescueRequestReceivedV1 = defineEvent({
  type: 'rescue-request.received',
  version: 1,
  aggregateType: 'rescue-request',
  stream: RESCUE_REQUESTS,
  description: 'A rescue request arrived for a country this node hosts and was grouped with its compound.',
  schema: z.object({
    requestId: z.uuid(),
    jurisdictionCountry: country,
    compoundId: z.uuid(),
    requesterCountry: country,
  }),
});

export const rescueRequestStatusChangedV1 = defineEvent({
  type: 'rescue-request.status-changed',
  version: 1,
  aggregateType: 'rescue-request',
  stream: RESCUE_REQUESTS,
  description: 'A rescue request moved to another state (on either copy).',
  schema: z.object({
    requestId: z.uuid(),
    copy: z.enum(['REQUESTER', 'JURISDICTION']),
    from: z.enum(RESCUE_REQUEST_STATUSES),
    to: z.enum(RESCUE_REQUEST_STATUSES),
    outcome: z.enum(RESCUE_OUTCOMES).nullable(),
  }),
});

export const rescueRequestEscalatedV1 = defineEvent({
  type: 'rescue-request.escalated',
  version: 1,
  aggregateType: 'rescue-request',
  stream: RESCUE_REQUESTS,
  description:
    "A request passed its due time; the country's coordinators are told and the requester sees it.",
  schema: z.object({
    requestId: z.uuid(),
    jurisdictionCountry: country,
    status: z.enum(RESCUE_REQUEST_STATUSES),
    dueAt: z.iso.datetime({ offset: true }),
  }),
});
