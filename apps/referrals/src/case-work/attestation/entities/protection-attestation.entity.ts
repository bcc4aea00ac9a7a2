import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A protection attestation. Neither its code nor the document number is stored: only keyed hashes, so
 * reading this table tells nobody which document belongs to a presumed victim.
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

  @Column({ name: 'document_binding', type: 'text' })
  documentBinding: string;

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

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
