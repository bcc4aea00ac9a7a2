import { describe, expect, it } from '@jest/globals';
import { PERSON_CATEGORIES, PERSON_FIELD_CATEGORIES, categoriesOf, personalFields } from './person-fields.js';
import { minorFromAgeBand } from './person-vocabulary.js';

describe('person fields', () => {
  it('tags the most sensitive fields with the most restricted categories', () => {
    expect(PERSON_FIELD_CATEGORIES.sexualViolenceDisclosed).toBe('SEXUAL_VIOLENCE');
    expect(PERSON_FIELD_CATEGORIES.medicalNotes).toBe('HEALTH');
    expect(PERSON_FIELD_CATEGORIES.pregnant).toBe('HEALTH');
    expect(PERSON_FIELD_CATEGORIES.documentNumber).toBe('LEGAL');
    expect(PERSON_FIELD_CATEGORIES.narrative).toBe('NARRATIVE');
    expect(PERSON_FIELD_CATEGORIES.urgentMedicalNeed).toBe('OPERATIONAL');
  });

  it('covers every category a person can hold', () => {
    expect([...PERSON_CATEGORIES].sort()).toEqual(
      [
        'CONTACT',
        'HEALTH',
        'IDENTITY',
        'LEGAL',
        'LOCATION',
        'NARRATIVE',
        'OPERATIONAL',
        'SEXUAL_VIOLENCE',
      ].sort(),
    );
  });

  it('audits personal fields only, with their categories', () => {
    expect(personalFields(['id', 'name', 'caseId', 'narrative', 'createdAt'])).toEqual(['name', 'narrative']);
    expect(categoriesOf(['name', 'alias', 'contact'])).toEqual(['IDENTITY', 'CONTACT']);
  });

  it('reads an unknown age as neither child nor adult', () => {
    expect(minorFromAgeBand('UNDER_14')).toBe(true);
    expect(minorFromAgeBand('14_17')).toBe(true);
    expect(minorFromAgeBand('18_24')).toBe(false);
    expect(minorFromAgeBand('UNKNOWN')).toBeNull();
  });
});
