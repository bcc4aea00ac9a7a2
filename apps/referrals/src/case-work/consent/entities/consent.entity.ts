import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose } from '@passage/schemas';

/** One consent of one person to one purpose; a withdrawal closes the row, a new grant opens another. */
@Entity({ name: 'case_consent' })
export class ConsentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column('text')
  purpose: ConsentPurpose;

  @Column('text')
  language: string;

  @Column({ name: 'interpreter_used', type: 'boolean' })
  interpreterUsed: boolean;

  @Column({ name: 'interpreter_language', type: 'text', nullable: true })
  interpreterLanguage: string | null;

  @Column({ name: 'granted_by', type: 'uuid' })
  grantedBy: string;

  @Column({ name: 'granted_by_organisation_id', type: 'uuid' })
  grantedByOrganisationId: string;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawn_by_organisation_id', type: 'uuid', nullable: true })
  withdrawnByOrganisationId: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
