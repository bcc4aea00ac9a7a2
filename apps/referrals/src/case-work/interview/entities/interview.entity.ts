import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InterviewTopic, InterviewerGender } from '../interview-vocabulary.js';

/** One interview with one person: who asked, in which language, with which interpreter, about what. */
@Entity({ name: 'case_interview' })
export class InterviewEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'interviewer_user_id', type: 'uuid' })
  interviewerUserId: string;

  @Column({ name: 'interviewer_organisation_id', type: 'uuid' })
  interviewerOrganisationId: string;

  @Column({ name: 'interviewer_gender', type: 'text' })
  interviewerGender: InterviewerGender;

  @Column({ name: 'specialist_interviewer', type: 'boolean' })
  specialistInterviewer: boolean;

  @Column('text')
  language: string;

  @Column({ name: 'interpreter_used', type: 'boolean' })
  interpreterUsed: boolean;

  @Column({ name: 'interpreter_language', type: 'text', nullable: true })
  interpreterLanguage: string | null;

  @Column({ type: 'text', array: true })
  topics: InterviewTopic[];

  @Column({ name: 'conducted_at', type: 'timestamptz' })
  conductedAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
