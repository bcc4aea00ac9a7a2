import { z } from 'zod';
import { DATA_CATEGORIES } from '../../access/data-categories.js';
import { defineEvent } from '../event-definition.js';

/** Node-internal events of cross-border handoffs: ids, countries, states and categories only. */
const HANDOFFS = 'handoffs';

export const handoffStatusChangedV1 = defineEvent({
  type: 'handoff.status-changed',
  version: 1,
  aggregateType: 'handoff',
  stream: HANDOFFS,
  description:
    'A handoff was offered, received, accepted, declined or erased after consent was withdrawn (on either side).',
  schema: z.object({
    handoffId: z.uuid(),
    side: z.enum(['SENDER', 'RECEIVER']),
    status: z.enum(['OFFERED', 'ACCEPTED', 'DECLINED', 'CONSENT_WITHDRAWN']),
    counterpartCountry: z.string().regex(/^[A-Z]{2}$/),
    sharedCategories: z.array(z.enum(DATA_CATEGORIES)),
  }),
});
