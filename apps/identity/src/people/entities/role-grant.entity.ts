import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@passage/schemas';

export const ROLE_GRANT_STATUSES = ['PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN'] as const;
export type RoleGrantStatus = (typeof ROLE_GRANT_STATUSES)[number];

/** Roles asked for a person by one administrator, waiting for (or decided by) a second party. */
@Entity({ name: 'role_grant' })
export class RoleGrantEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text' })
  status: RoleGrantStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
