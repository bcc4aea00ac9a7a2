import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpTaskKind, FollowUpTaskStatus } from '../identification-vocabulary.js';

/** Something that must happen because a person is protected (one of each kind per jurisdiction). */
@Entity({ name: 'case_follow_up_task' })
export class FollowUpTaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column('text')
  kind: FollowUpTaskKind;

  @Column('text')
  status: FollowUpTaskStatus;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
