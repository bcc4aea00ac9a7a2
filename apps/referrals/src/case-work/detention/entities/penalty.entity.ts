import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PenaltyKind, PenaltyStatus } from '@passage/schemas';

/** A fine, entry ban, blacklisting or charge a person faces, and where it stands. */
@Entity({ name: 'person_penalty' })
export class PenaltyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column('text')
  kind: PenaltyKind;

  /** The country that imposed it. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column('text')
  authority: string;

  /** What it is for: the offence charged, the ground of the ban, what the fine punishes. */
  @Column('text')
  description: string;

  @Column({ name: 'imposed_at', type: 'timestamptz' })
  imposedAt: Date;

  @Column('text')
  status: PenaltyStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  /** A fine's amount, as the exact decimal Postgres returns (never a float). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount: string | null;

  /** ISO 4217 code of the fine's currency. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** Until when a ban or blacklisting runs; null when it has no end (or none is known). */
  @Column({ type: 'timestamptz', nullable: true })
  until: Date | null;

  /** The notice the last change of status followed, when it did. */
  @Column({ name: 'non_punishment_notice_id', type: 'uuid', nullable: true })
  nonPunishmentNoticeId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
