import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReleaseBasis } from '@passage/schemas';

/** One stretch of detention of one person: where, by whom, since when, and how it ended. */
@Entity({ name: 'person_detention' })
export class DetentionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The detaining country, whose decisions protect the person there. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** The facility (an immigration detention centre, a police station, a prison). */
  @Column('text')
  facility: string;

  /** Where it is (town, district), when the facility's name does not say. */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  /** The authority that holds the person (immigration police, a court…), as named by the caseworker. */
  @Column('text')
  authority: string;

  @Column({ name: 'detained_since', type: 'timestamptz' })
  detainedSince: Date;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'release_basis', type: 'text', nullable: true })
  releaseBasis: ReleaseBasis | null;

  /** The non-punishment notice the release followed, when it did. */
  @Column({ name: 'release_notice_id', type: 'uuid', nullable: true })
  releaseNoticeId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
