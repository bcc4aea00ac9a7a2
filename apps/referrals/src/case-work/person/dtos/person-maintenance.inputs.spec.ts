import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { CodedError, parseInput } from '@passage/shared';
import { AddPersonToCaseInput, UpdatePersonInput } from './person-maintenance.inputs.js';

const ids = { caseId: randomUUID(), personId: randomUUID() };

function refusedField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CodedError && error.code === 'BAD_USER_INPUT') return error.details.field;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('UpdatePersonInput', () => {
  const parse = (value: object) => parseInput(UpdatePersonInput.schema, { ...ids, ...value });

  it('keeps what is left out apart from what is cleared', () => {
    const parsed = parse({
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: ' ETD 0042 ',
      contact: null,
    });
    expect(parsed).toMatchObject({
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD 0042',
      contact: null,
      expectedVersion: null,
    });
    expect(parsed.name).toBeUndefined();
    expect(parsed.languages).toBeUndefined();
    expect(parsed.gender).toBeUndefined();
  });

  it('clears free text given empty, and empties a list given null', () => {
    expect(parse({ currentLocation: '  ', languages: null })).toMatchObject({
      currentLocation: null,
      languages: [],
    });
  });

  it('takes Luganda and drops repeated codes', () => {
    expect(parse({ languages: ['lg', 'en', 'lg'] }).languages).toEqual(['lg', 'en']);
    expect(refusedField(() => parse({ languages: ['lug'] }))).toBe('input.languages.0');
  });

  it('refuses to clear what a person always has', () => {
    expect(refusedField(() => parse({ gender: null }))).toBe('input.gender');
    expect(refusedField(() => parse({ ageBand: null }))).toBe('input.ageBand');
    expect(refusedField(() => parse({ doNotContact: null }))).toBe('input.doNotContact');
  });

  it('refuses an update that changes nothing, and malformed values naming the field', () => {
    expect(refusedField(() => parse({}))).toBe('input');
    expect(refusedField(() => parse({ expectedVersion: 3 }))).toBe('input');
    expect(refusedField(() => parse({ dateOfBirth: '1990-02-30' }))).toBe('input.dateOfBirth');
    expect(refusedField(() => parse({ dateOfBirth: '1899-12-31' }))).toBe('input.dateOfBirth');
    expect(refusedField(() => parse({ nationality: 'XX' }))).toBe('input.nationality');
    expect(refusedField(() => parse({ documentNumber: '---' }))).toBe('input.documentNumber');
    expect(refusedField(() => parse({ personId: 'nobody', alias: 'x' }))).toBe('input.personId');
  });
});

describe('AddPersonToCaseInput', () => {
  const child = { gender: 'FEMALE', ageBand: 'UNDER_14', alias: 'Baby N' };

  it('takes a person, the relation and an optional date of birth', () => {
    const parsed = parseInput(AddPersonToCaseInput.schema, {
      caseId: ids.caseId,
      relatedPersonId: ids.personId,
      relationship: 'CHILD',
      person: child,
    });
    expect(parsed).toMatchObject({ relationship: 'CHILD', dateOfBirth: null, person: { alias: 'Baby N' } });
  });

  it('names the field of the person at fault', () => {
    expect(
      refusedField(() =>
        parseInput(AddPersonToCaseInput.schema, {
          caseId: ids.caseId,
          relatedPersonId: ids.personId,
          relationship: 'CHILD',
          person: { ...child, alias: null },
        }),
      ),
    ).toBe('input.person.alias');
    expect(
      refusedField(() =>
        parseInput(AddPersonToCaseInput.schema, {
          caseId: ids.caseId,
          relatedPersonId: ids.personId,
          relationship: 'COUSIN',
          person: child,
        }),
      ),
    ).toBe('input.relationship');
  });
});
