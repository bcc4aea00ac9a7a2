import { describe, expect, it } from '@jest/globals';
import { redact, type FieldCategories } from './field-redactor.js';

interface CaseView {
  id: string;
  fullName: string;
  narrative: string;
  medical: { urgent: boolean };
}

const view: CaseView = {
  id: 'case-1',
  fullName: 'A. Person',
  narrative: 'what happened',
  medical: { urgent: true },
};
const categories: FieldCategories<CaseView> = {
  id: 'OPERATIONAL',
  fullName: 'IDENTITY',
  narrative: 'NARRATIVE',
  medical: 'HEALTH',
};

describe('redact', () => {
  it('nulls the fields whose category is not allowed and keeps the others', () => {
    expect(
      redact(view, categories, {
        OPERATIONAL: 'ALLOW',
        IDENTITY: 'ALLOW',
        NARRATIVE: 'REDACT',
        HEALTH: 'REDACT',
      }),
    ).toEqual({
      id: 'case-1',
      fullName: 'A. Person',
      narrative: null,
      medical: null,
    });
  });

  it('returns a copy and leaves the record alone', () => {
    const copy = redact(view, categories, { OPERATIONAL: 'ALLOW' });
    expect(copy).not.toBe(view);
    expect(view.fullName).toBe('A. Person');
  });

  it('redacts a category the decision does not mention', () => {
    expect(redact(view, categories, { OPERATIONAL: 'ALLOW' })).toEqual({
      id: 'case-1',
      fullName: null,
      narrative: null,
      medical: null,
    });
  });

  it('redacts a field that has no category, such as one added at run time', () => {
    const widened = { ...view, passportNumber: 'X123' } as CaseView;
    expect(redact(widened, categories, { OPERATIONAL: 'ALLOW', IDENTITY: 'ALLOW' })).toEqual({
      id: 'case-1',
      fullName: 'A. Person',
      narrative: null,
      medical: null,
      passportNumber: null,
    });
  });

  it('does not take a category from the prototype chain', () => {
    const tricky = { toString: 'x' } as unknown as { toString: string };
    expect(redact(tricky, {} as FieldCategories<{ toString: string }>, { OPERATIONAL: 'ALLOW' })).toEqual({
      toString: null,
    });
  });
});
