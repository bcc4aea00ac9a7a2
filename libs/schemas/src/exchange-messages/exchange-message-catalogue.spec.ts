import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { EXCHANGE_MESSAGE_CATALOGUE, findExchangeMessageDefinition } from './exchange-message-catalogue.js';

describe('exchange message catalogue', () => {
  it('keys every definition by its own type and version', () => {
    for (const [key, definition] of Object.entries(EXCHANGE_MESSAGE_CATALOGUE)) {
      expect(key).toBe(`${definition.type}@v${definition.version}`);
      expect(findExchangeMessageDefinition(definition.type, definition.version)).toBe(definition);
    }
    expect(findExchangeMessageDefinition('handoff.offered', 99)).toBeUndefined();
  });

  it('names each type as dotted lower-case words, as the envelope header requires', () => {
    for (const definition of Object.values(EXCHANGE_MESSAGE_CATALOGUE)) {
      expect(definition.type).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    }
  });

  // A contract change shows up here in review: nodes of other countries parse with these schemas.
  it.each(Object.keys(EXCHANGE_MESSAGE_CATALOGUE))('keeps the published JSON schema of %s', (key) => {
    const definition = EXCHANGE_MESSAGE_CATALOGUE[key as keyof typeof EXCHANGE_MESSAGE_CATALOGUE];
    expect({
      type: definition.type,
      version: definition.version,
      // What a consumer accepts (io: input): no additionalProperties where unknown fields are ignored.
      payload: z.toJSONSchema(definition.schema, { io: 'input' }),
    }).toMatchSnapshot();
  });
});
