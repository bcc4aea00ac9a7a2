import { describe, expect, it } from '@jest/globals';
import { checkPasswordPolicy } from '../credentials/index.js';
import { DEFAULT_DEMO_PASSWORD, DEMO_ORGANISATIONS, DEMO_PERSONAS } from './demo-personas.js';

describe('demo personas', () => {
  it('can all be created with the documented demo password under the password policy', () => {
    for (const persona of DEMO_PERSONAS) {
      const organisation = DEMO_ORGANISATIONS.find((candidate) => candidate.name === persona.organisation);
      expect(organisation).toBeDefined();
      expect(
        checkPasswordPolicy(DEFAULT_DEMO_PASSWORD, { ...persona, organisationName: organisation?.name }),
      ).toEqual([]);
    }
  });
});
