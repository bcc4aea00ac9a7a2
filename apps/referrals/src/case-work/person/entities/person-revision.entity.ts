import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonFieldChange } from '../person-changes.js';

/** The change that made version `version` of a person: each changed field, before and after. */
@Entity({ name: 'case_person_revision' })
export class PersonRevisionEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column('jsonb')
  changes: PersonFieldChange[];

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_by_organisation_id', type: 'uuid' })
  changedByOrganisationId: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
