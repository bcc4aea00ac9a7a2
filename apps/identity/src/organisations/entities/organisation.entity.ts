import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from '@passage/schemas';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: OrganisationKind;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ name: 'stationed_in', type: 'char', length: 2, nullable: true })
  stationedIn: string | null;

  @Column({ name: 'node_id', type: 'text' })
  nodeId: string;

  @Column({ name: 'require_mfa', type: 'boolean', default: false })
  requireMfa: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Whether the current entry was published to the organisation directory. */
  @Column({ name: 'listed_in_directory', type: 'boolean', default: false })
  listedInDirectory: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
