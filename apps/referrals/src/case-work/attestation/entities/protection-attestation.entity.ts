import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttestationStandingReason } from '@passage/schemas';
import type { BindingSubject } from '@passage/shared';

/**
 * A protection attestation. Neither its code nor what its holder verifies with (a document number, a
 * date of birth, a PIN) is stored: only keyed hashes, so reading this table tells nobody which document
 * belongs to a presumed victim.
 */
@Entity({ name: 'protection_attestation' })
export class ProtectionAttestationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash: string;

  /** At least one of the three bindings is set (a check constraint says so). */
  @Column({ name: 'document_binding', type: 'text', nullable: true })
  documentBinding: string | null;

  @Column({ name: 'date_of_birth_binding', type: 'text', nullable: true })
  dateOfBirthBinding: string | null;

  @Column({ name: 'holder_pin_binding', type: 'text', nullable: true })
  holderPinBinding: string | null;

  /** CODE: bound at issue, over the code; ATTESTATION: re-bound later, over this row's id. */
  @Column({ name: 'binding_subject', type: 'text' })
  bindingSubject: BindingSubject;

  @Column({ name: 'issued_by_organisation_id', type: 'uuid' })
  issuedByOrganisationId: string;

  @Column({ name: 'issued_by_name', type: 'text' })
  issuedByName: string;

  @Column({ name: 'issued_by_user_id', type: 'uuid' })
  issuedByUserId: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  /** Set while suspended; cleared when reinstated. */
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason: AttestationStandingReason | null;

  /** Set once, for good. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: AttestationStandingReason | null;
}
