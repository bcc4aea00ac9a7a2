import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgeBand, DocumentType, Gender, ImmediateNeed } from '../person-vocabulary.js';

/** A person in a case. There is no passport or phone column that must be filled: many have neither. */
@Entity({ name: 'case_person' })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  alias: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  nationality: string | null;

  @Column('text')
  gender: Gender;

  /** ISO calendar date (YYYY-MM-DD); null when only the age band is known. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ name: 'age_band', type: 'text' })
  ageBand: AgeBand;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ name: 'immediate_needs', type: 'text', array: true })
  immediateNeeds: ImmediateNeed[];

  @Column({ type: 'boolean', nullable: true })
  pregnant: boolean | null;

  @Column({ name: 'urgent_medical_need', type: 'boolean' })
  urgentMedicalNeed: boolean;

  @Column({ name: 'medical_notes', type: 'text', nullable: true })
  medicalNotes: string | null;

  @Column({ name: 'document_type', type: 'text', nullable: true })
  documentType: DocumentType | null;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber: string | null;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ type: 'text', nullable: true })
  narrative: string | null;

  @Column({ name: 'sexual_violence_disclosed', type: 'boolean', nullable: true })
  sexualViolenceDisclosed: boolean | null;

  @Column({ name: 'current_location', type: 'text', nullable: true })
  currentLocation: string | null;

  /** Nothing may be sent through the recorded contact (a monitored phone, a trafficker nearby). */
  @Column({ name: 'do_not_contact', type: 'boolean' })
  doNotContact: boolean;

  /** 1 as registered; each change adds one, with a revision row saying what changed. */
  @Column('integer')
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
