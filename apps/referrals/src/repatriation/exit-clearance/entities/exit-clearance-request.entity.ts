import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExitClearanceStatus } from '@passage/schemas';

/**
 * A minimal request to an immigration authority. Apart from the plan it belongs to (never shown to the
 * addressee), it holds only what immigration needs to clear a departure.
 */
@Entity({ name: 'exit_clearance_request' })
export class ExitClearanceRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'addressed_to_organisation_id', type: 'uuid' })
  addressedToOrganisationId: string;

  /** Null once erased (see `personalDataErasedAt`). */
  @Column({ name: 'travel_document_number', type: 'text', nullable: true })
  travelDocumentNumber: string | null;

  /** Null once erased (see `personalDataErasedAt`). */
  @Column({ name: 'name_on_travel_document', type: 'text', nullable: true })
  nameOnTravelDocument: string | null;

  /** The attestation code, sealed; null once the request is answered or withdrawn. */
  @Column({ name: 'attestation_code_sealed', type: 'text', nullable: true })
  attestationCodeSealed: string | null;

  @Column({ name: 'attestation_code_key_id', type: 'text', nullable: true })
  attestationCodeKeyId: string | null;

  /** Calendar day, `YYYY-MM-DD`. */
  @Column({ name: 'requested_departure_on', type: 'date' })
  requestedDepartureOn: string;

  @Column('text')
  status: ExitClearanceStatus;

  @Column({ name: 'fine_waived', type: 'boolean', nullable: true })
  fineWaived: boolean | null;

  @Column({ name: 'response_reference', type: 'text', nullable: true })
  responseReference: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  /**
   * When the personal fields were erased: at once when the request is withdrawn, a retention period
   * after it was answered. An erased request is never listed to immigration again.
   */
  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
}
