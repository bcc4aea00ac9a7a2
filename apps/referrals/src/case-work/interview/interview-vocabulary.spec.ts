import { describe, expect, it } from '@jest/globals';
import { needsFemaleOrSpecialistInterviewer, visibleTopics } from './interview-vocabulary.js';

const interview = (
  overrides: Partial<Parameters<typeof needsFemaleOrSpecialistInterviewer>[1][number]> = {},
) => ({
  interviewerGender: 'MALE' as const,
  specialistInterviewer: false,
  topics: ['ACT' as const],
  ...overrides,
});

describe('sexual-violence interviewer warning', () => {
  it('warns when sexual violence was disclosed and nobody female or specialist interviewed', () => {
    expect(needsFemaleOrSpecialistInterviewer(true, [])).toBe(true);
    expect(needsFemaleOrSpecialistInterviewer(true, [interview()])).toBe(true);
  });

  it('warns when an interview raised the topic even without a recorded disclosure', () => {
    expect(needsFemaleOrSpecialistInterviewer(false, [interview({ topics: ['SEXUAL_VIOLENCE'] })])).toBe(
      true,
    );
  });

  it('is satisfied by a female or a specialist interviewer', () => {
    expect(
      needsFemaleOrSpecialistInterviewer(true, [interview(), interview({ interviewerGender: 'FEMALE' })]),
    ).toBe(false);
    expect(needsFemaleOrSpecialistInterviewer(true, [interview({ specialistInterviewer: true })])).toBe(
      false,
    );
  });

  it('stays silent without any sign of sexual violence', () => {
    expect(needsFemaleOrSpecialistInterviewer(false, [interview()])).toBe(false);
  });
});

describe('visible topics', () => {
  it('hides sexual-violence and health topics from those who may not see the category', () => {
    const topics = ['ACT', 'SEXUAL_VIOLENCE', 'HEALTH', 'RETURN'] as const;
    expect(visibleTopics(topics, new Set(['OPERATIONAL']))).toEqual(['ACT', 'RETURN']);
    expect(visibleTopics(topics, new Set(['OPERATIONAL', 'HEALTH']))).toEqual(['ACT', 'HEALTH', 'RETURN']);
  });
});
