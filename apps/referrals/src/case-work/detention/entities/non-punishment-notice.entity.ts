import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoticeEffect } from '@passage/schemas';

/**
 * A notice invoking the non-punishment principle, sent to an authority (prosecutor, immigration, court)
 * so that the person is not detained, fined or prosecuted for what they were made to do, and what came of it.
 */
@Entity({ name: 'non_punishment_notice' })
export class NonPunishmentNoticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The country of the authority it was sent to. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ name: 'to_authority', type: 'text' })
  toAuthority: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column('text')
  effect: NoticeEffect;

  /** What the authority did or said, in the caseworker's words. */
  @Column({ name: 'effect_note', type: 'text', nullable: true })
  effectNote: string | null;

  @Column({ name: 'effect_at', type: 'timestamptz', nullable: true })
  effectAt: Date | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
