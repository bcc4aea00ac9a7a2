import { describe, expect, it } from '@jest/globals';
import { CodedError } from './coded-error.js';
import { defineContextErrors, fieldInArguments } from './context-errors.js';

const caseWork = defineContextErrors('case-work', {
  CASE_NOT_FOUND: 'NOT_FOUND',
  CONSENT_NOT_STANDING: 'NOT_FOUND',
  CASE_CLOSED: 'CONFLICT',
});

describe('defineContextErrors', () => {
  it('builds a coded error with the public code of the catalogue and the context code as its reason', () => {
    const error = caseWork.error('CONSENT_NOT_STANDING', 'no standing consent for this purpose', {
      field: 'purpose',
    });
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'purpose: no standing consent for this purpose',
      details: { field: 'purpose', reason: 'CONSENT_NOT_STANDING' },
    });
  });

  it("carries a rule's own reason when one is given", () => {
    expect(caseWork.error('CASE_CLOSED', 'closed', { reason: 'CLOSED_WITH_OUTCOME' }).details.reason).toBe(
      'CLOSED_WITH_OUTCOME',
    );
  });

  it('keeps a message without a field as it is', () => {
    expect(caseWork.error('CASE_CLOSED', 'The case is closed.')).toMatchObject({
      code: 'CONFLICT',
      message: 'The case is closed.',
      details: { reason: 'CASE_CLOSED' },
    });
  });
});

describe('fieldInArguments', () => {
  const input = { input: { caseId: 'c', people: [{ name: 'x' }] } };

  it('places a domain field under the object argument that holds it', () => {
    expect(fieldInArguments('caseId', input)).toBe('input.caseId');
    expect(fieldInArguments('people.0.name', input)).toBe('input.people.0.name');
  });

  it('leaves a field that already names an argument', () => {
    expect(fieldInArguments('input.caseId', input)).toBe('input.caseId');
    expect(fieldInArguments('id', { id: 'c' })).toBe('id');
  });

  it('places a field the caller left out under the only argument', () => {
    expect(fieldInArguments('declineReason', { input: { outcome: 'DECLINED' } })).toBe('input.declineReason');
  });

  it('does not guess between several arguments', () => {
    expect(fieldInArguments('reason', { id: 'c', input: { status: 'X' } })).toBe('reason');
  });
});
