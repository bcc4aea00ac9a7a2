import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StayStepKind, StayStepOutcome, StayStepStatus } from '@passage/schemas';

/** One step of a stay pathway; `enteredAt` and `leftAt` bound the time the person waited in it. */
@Entity({ name: 'stay_pathway_step' })
export class StayPathwayStepEntity {
  @PrimaryColumn({ name: 'pathway_id', type: 'uuid' })
  pathwayId: string;

  @PrimaryColumn('text')
  kind: StayStepKind;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  /** Calendar day, `YYYY-MM-DD`. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column('text')
  status: StayStepStatus;

  @Column({ type: 'text', nullable: true })
  outcome: StayStepOutcome | null;

  /** What was said with the step's last completion or decline (narrative). */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz', nullable: true })
  enteredAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
