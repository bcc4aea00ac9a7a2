import { describe, expect, it } from '@jest/globals';
import { CodedError } from '@passage/shared';
import { refuseFutureBirthDate } from '../case-work.errors.js';
import { documentChanged, planPersonChange, type EditablePerson } from './person-changes.js';
import { ageBandOn } from './person-vocabulary.js';

const TODAY = '2026-12-02';

/** A person as mass intake registers one: no document, no date of birth. */
const registered: EditablePerson = {
  name: null,
  alias: 'Tall one',
  nationality: 'UG',
  gender: 'MALE',
  dateOfBirth: null,
  ageBand: '25_34',
  languages: ['lg', 'en'],
  immediateNeeds: ['SHELTER'],
  pregnant: null,
  urgentMedicalNeed: false,
  medicalNotes: null,
  documentType: null,
  documentNumber: null,
  contact: null,
  doNotContact: false,
  narrative: null,
  sexualViolenceDisclosed: null,
  currentLocation: 'Shelter in Vientiane',
};

function refusal(run: () => unknown): { code: string; field?: string; reason?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CodedError) return { code: error.code, ...error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planPersonChange', () => {
  it('lists each changed field before and after, in a fixed order, and leaves the rest alone', () => {
    const { next, changes } = planPersonChange(
      registered,
      { documentNumber: 'ETD-0042', documentType: 'EMERGENCY_TRAVEL_DOCUMENT', currentLocation: null },
      TODAY,
    );
    expect(changes).toEqual([
      { field: 'documentType', from: null, to: 'EMERGENCY_TRAVEL_DOCUMENT' },
      { field: 'documentNumber', from: null, to: 'ETD-0042' },
      { field: 'currentLocation', from: 'Shelter in Vientiane', to: null },
    ]);
    expect(next).toEqual({
      ...registered,
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-0042',
      currentLocation: null,
    });
    expect(documentChanged(changes)).toBe(true);
  });

  it('finds no change when the values are the ones recorded, lists included', () => {
    const { changes } = planPersonChange(registered, { languages: ['lg', 'en'], alias: 'Tall one' }, TODAY);
    expect(changes).toEqual([]);
    expect(documentChanged(changes)).toBe(false);
    expect(planPersonChange(registered, { languages: ['en', 'lg'] }, TODAY).changes).toHaveLength(1);
  });

  it('sets the age band from a date of birth', () => {
    const { next, changes } = planPersonChange(registered, { dateOfBirth: '2010-06-01' }, TODAY);
    expect(next.ageBand).toBe('14_17');
    expect(changes.map((change) => change.field)).toEqual(['dateOfBirth', 'ageBand']);
  });

  it('accepts an age band given with a date of birth only when the date gives that band', () => {
    expect(
      planPersonChange(registered, { dateOfBirth: '1995-01-01', ageBand: '25_34' }, TODAY).next.ageBand,
    ).toBe('25_34');
    expect(
      refusal(() => planPersonChange(registered, { dateOfBirth: '2010-06-01', ageBand: '25_34' }, TODAY)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ageBand',
      reason: 'AGE_BAND_CONTRADICTS_DATE_OF_BIRTH',
    });
  });

  it('refuses an age band that contradicts the recorded date of birth, and takes it once the date is cleared', () => {
    const withDate = { ...registered, dateOfBirth: '1995-01-01' };
    expect(refusal(() => planPersonChange(withDate, { ageBand: '14_17' }, TODAY))).toMatchObject({
      field: 'ageBand',
      reason: 'AGE_BAND_CONTRADICTS_DATE_OF_BIRTH',
    });
    expect(planPersonChange(withDate, { ageBand: '14_17', dateOfBirth: null }, TODAY).next).toMatchObject({
      ageBand: '14_17',
      dateOfBirth: null,
    });
  });

  it('refuses a document number without a type, whether given or left', () => {
    expect(refusal(() => planPersonChange(registered, { documentNumber: 'X1' }, TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'documentType',
      reason: 'DOCUMENT_TYPE_REQUIRED',
    });
    const withDocument = { ...registered, documentType: 'PASSPORT' as const, documentNumber: 'X1' };
    expect(refusal(() => planPersonChange(withDocument, { documentType: null }, TODAY))).toMatchObject({
      reason: 'DOCUMENT_TYPE_REQUIRED',
    });
    expect(
      planPersonChange(withDocument, { documentType: null, documentNumber: null }, TODAY).changes,
    ).toHaveLength(2);
  });

  it('keeps a name or an alias once the person has one', () => {
    expect(refusal(() => planPersonChange(registered, { alias: null }, TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'alias',
      reason: 'NAME_OR_ALIAS_REQUIRED',
    });
    expect(planPersonChange(registered, { alias: null, name: 'A. Person' }, TODAY).next).toMatchObject({
      name: 'A. Person',
      alias: null,
    });
  });
});

describe('ageBandOn', () => {
  it('counts completed years, the birthday included', () => {
    expect(ageBandOn('2012-12-02', '2026-12-02')).toBe('14_17');
    expect(ageBandOn('2012-12-03', '2026-12-02')).toBe('UNDER_14');
    expect(ageBandOn('2008-12-02', '2026-12-02')).toBe('18_24');
    expect(ageBandOn('2008-12-03', '2026-12-02')).toBe('14_17');
    expect(ageBandOn('2001-12-03', '2026-12-02')).toBe('18_24');
    expect(ageBandOn('1991-12-02', '2026-12-02')).toBe('35_49');
    expect(ageBandOn('1976-12-02', '2026-12-02')).toBe('50_PLUS');
    expect(ageBandOn('2026-12-02', '2026-12-02')).toBe('UNDER_14');
  });

  it('reaches a 29 February birthday on 1 March in other years', () => {
    expect(ageBandOn('2008-02-29', '2026-02-28')).toBe('14_17');
    expect(ageBandOn('2008-02-29', '2026-03-01')).toBe('18_24');
  });
});

describe('refuseFutureBirthDate', () => {
  const now = new Date('2026-12-02T11:00:00Z');

  it('takes today anywhere on Earth, so a child born today east of UTC can be recorded', () => {
    expect(() => refuseFutureBirthDate('2026-12-03', now, 'dateOfBirth')).not.toThrow();
    expect(() => refuseFutureBirthDate('2026-12-02', now, 'dateOfBirth')).not.toThrow();
  });

  it('refuses a later date, naming the field', () => {
    expect(refusal(() => refuseFutureBirthDate('2026-12-04', now, 'dateOfBirth'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'dateOfBirth',
      reason: 'DATE_IN_FUTURE',
    });
  });
});
