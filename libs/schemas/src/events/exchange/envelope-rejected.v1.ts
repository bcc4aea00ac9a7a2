import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * A sealed envelope arrived in one of this node's mailboxes and was refused before any business code saw
 * it (bad signature, unknown sender, replay…). Oversight watches these: a burst can mean a compromised
 * key or someone probing the exchange. Carries routing metadata only, never payload content.
 */
export const exchangeEnvelopeRejectedV1 = defineEvent({
  type: 'exchange.envelope-rejected',
  version: 1,
  aggregateType: 'exchange-mailbox',
  stream: 'exchange-security',
  description: 'An inbound cross-border envelope was rejected to the dead-letter topic.',
  schema: z.object({
    mailboxCountry: z.string().regex(/^[A-Z]{2}$/),
    messageId: z.uuid().nullable(),
    claimedSenderCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    messageType: z.string().max(100).nullable(),
    reasonCode: z.string().min(1).max(64),
    deadLetterTopic: z.string().min(1),
  }),
});
