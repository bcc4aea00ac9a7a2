import type { DataCategory } from '@passage/schemas';

/** What an interview went through, so that the next agency does not ask the same things again. */
export const INTERVIEW_TOPICS = [
  'ACT',
  'MEANS',
  'PURPOSE',
  'SEXUAL_VIOLENCE',
  'HEALTH',
  'FAMILY',
  'DEBT',
  'DOCUMENTS',
  'RETURN',
  'NEEDS',
] as const;
export type InterviewTopic = (typeof INTERVIEW_TOPICS)[number];

export const INTERVIEWER_GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'] as const;
export type InterviewerGender = (typeof INTERVIEWER_GENDERS)[number];

/**
 * Knowing that a topic was covered already says something: "sexual violence was discussed" is itself
 * sexual-violence data. Such topics are shown only to those who may see that category.
 */
export const TOPIC_CATEGORIES: Readonly<Record<InterviewTopic, DataCategory>> = {
  ACT: 'OPERATIONAL',
  MEANS: 'OPERATIONAL',
  PURPOSE: 'OPERATIONAL',
  SEXUAL_VIOLENCE: 'SEXUAL_VIOLENCE',
  HEALTH: 'HEALTH',
  FAMILY: 'OPERATIONAL',
  DEBT: 'OPERATIONAL',
  DOCUMENTS: 'OPERATIONAL',
  RETURN: 'OPERATIONAL',
  NEEDS: 'OPERATIONAL',
};

/** The topics of `topics` whose category is visible. */
export function visibleTopics(
  topics: readonly InterviewTopic[],
  visible: ReadonlySet<DataCategory>,
): InterviewTopic[] {
  return topics.filter((topic) => visible.has(TOPIC_CATEGORIES[topic]));
}

/** An interview as far as the sexual-violence warning is concerned. */
export interface InterviewerFacts {
  interviewerGender: InterviewerGender;
  specialistInterviewer: boolean;
}

/**
 * Whether a person who disclosed sexual violence still waits for a female or specialist interviewer:
 * true when it was disclosed (on the record or as an interview topic) and no interview recorded one.
 */
export function needsFemaleOrSpecialistInterviewer(
  disclosed: boolean,
  interviews: readonly (InterviewerFacts & { topics: readonly InterviewTopic[] })[],
): boolean {
  const sexualViolenceRaised =
    disclosed || interviews.some((interview) => interview.topics.includes('SEXUAL_VIOLENCE'));
  if (!sexualViolenceRaised) return false;
  return !interviews.some(
    (interview) => interview.interviewerGender === 'FEMALE' || interview.specialistInterviewer,
  );
}
