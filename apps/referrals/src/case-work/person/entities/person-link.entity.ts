import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonRelationship } from '@passage/schemas';

/** How two people of one case are related: `personId` is the `relationship` of `relatedPersonId`. */
@Entity({ name: 'case_person_link' })
export class PersonLinkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'related_person_id', type: 'uuid' })
  relatedPersonId: string;

  @Column('text')
  relationship: PersonRelationship;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
