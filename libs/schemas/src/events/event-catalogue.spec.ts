import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { EVENT_CATALOGUE, eventStreams, findEventDefinition } from './event-catalogue.js';

describe('event catalogue', () => {
  it('keys every definition by its own type and version', () => {
    for (const [key, definition] of Object.entries(EVENT_CATALOGUE)) {
      expect(key).toBe(`${definition.type}@v${definition.version}`);
      expect(findEventDefinition(definition.type, definition.version)).toBe(definition);
    }
    expect(findEventDefinition('exchange.envelope-rejected', 99)).toBeUndefined();
  });

  it('names streams that are valid topic suffixes', () => {
    for (const stream of eventStreams()) expect(stream).toMatch(/^[a-z][a-z0-9-]{0,62}$/);
  });

  // A contract change shows up here in review: consumers on other nodes parse with these schemas.
  it.each(Object.keys(EVENT_CATALOGUE))('keeps the published JSON schema of %s', (key) => {
    const definition = EVENT_CATALOGUE[key as keyof typeof EVENT_CATALOGUE];
    expect({
      type: definition.type,
      version: definition.version,
      aggregateType: definition.aggregateType,
      stream: definition.stream,
      // What a consumer accepts (io: input): no additionalProperties where unknown fields are ignored.
      payload: z.toJSONSchema(definition.schema, { io: 'input' }),
    }).toMatchSnapshot();
  });
});
