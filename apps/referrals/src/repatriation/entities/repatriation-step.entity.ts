import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RepatriationStepKind, RepatriationStepStatus } from '@passage/schemas';

/** One step of a plan; `enteredAt` and `leftAt` bound the time the person waited in it. */
@Entity({ name: 'repatriation_step' })
export class RepatriationStepEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @PrimaryColumn('text')
  kind: RepatriationStepKind;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  /** The owner's country; when another node hosts it, the owner works the step through the exchange. */
  @Column({ name: 'owner_country', type: 'char', length: 2 })
  ownerCountry: string;

  /** Calendar day, `YYYY-MM-DD`. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column('text')
  status: RepatriationStepStatus;

  @Column({ name: 'entered_at', type: 'timestamptz', nullable: true })
  enteredAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
