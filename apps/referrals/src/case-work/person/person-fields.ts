import type { DataCategory } from '@passage/schemas';
import type { FieldCategories } from '@passage/shared';
import type { AgeBand, DocumentType, Gender, ImmediateNeed } from './person-vocabulary.js';

/** A person as the service reads it, before the policy decides which fields the caller sees. */
export interface PersonView {
  id: string;
  caseId: string;
  name: string | null;
  alias: string | null;
  nationality: string | null;
  gender: Gender;
  /** ISO calendar date, when known. */
  dateOfBirth: string | null;
  ageBand: AgeBand;
  minor: boolean | null;
  languages: string[];
  immediateNeeds: ImmediateNeed[];
  pregnant: boolean | null;
  urgentMedicalNeed: boolean;
  medicalNotes: string | null;
  documentType: DocumentType | null;
  documentNumber: string | null;
  contact: string | null;
  narrative: string | null;
  sexualViolenceDisclosed: boolean | null;
  currentLocation: string | null;
  doNotContact: boolean;
  version: number;
  createdAt: Date;
}

/**
 * The one place that says which data category every field of a person holds. Redaction, the audit
 * trail and the GraphQL descriptions all read it; the compiler refuses a field without a category.
 * Medical urgency is operational on purpose: whoever arranges transport or a shelter place must know it
 * even where health details stay hidden; so is do-not-contact, a safety instruction for everyone on the
 * case that says nothing about the person.
 */
export const PERSON_FIELD_CATEGORIES = {
  id: 'OPERATIONAL',
  caseId: 'OPERATIONAL',
  name: 'IDENTITY',
  alias: 'IDENTITY',
  nationality: 'IDENTITY',
  gender: 'IDENTITY',
  dateOfBirth: 'IDENTITY',
  ageBand: 'OPERATIONAL',
  minor: 'OPERATIONAL',
  languages: 'OPERATIONAL',
  immediateNeeds: 'OPERATIONAL',
  pregnant: 'HEALTH',
  urgentMedicalNeed: 'OPERATIONAL',
  medicalNotes: 'HEALTH',
  documentType: 'LEGAL',
  documentNumber: 'LEGAL',
  contact: 'CONTACT',
  narrative: 'NARRATIVE',
  sexualViolenceDisclosed: 'SEXUAL_VIOLENCE',
  currentLocation: 'LOCATION',
  doNotContact: 'OPERATIONAL',
  version: 'OPERATIONAL',
  createdAt: 'OPERATIONAL',
} as const satisfies FieldCategories<PersonView>;

export type PersonField = keyof PersonView;

/** Fields that hold personal data (everything but the record's own ids, version and timestamps). */
const NOT_PERSONAL: ReadonlySet<PersonField> = new Set(['id', 'caseId', 'version', 'createdAt']);

/** The personal fields among `fields`, for the audit trail. */
export function personalFields(fields: Iterable<PersonField>): PersonField[] {
  return [...fields].filter((field) => !NOT_PERSONAL.has(field));
}

/** The distinct categories of `fields`, in catalogue order of first appearance. */
export function categoriesOf(fields: Iterable<PersonField>): DataCategory[] {
  return [...new Set([...fields].map((field) => PERSON_FIELD_CATEGORIES[field]))];
}

/** Every category a person record holds. */
export const PERSON_CATEGORIES: readonly DataCategory[] = categoriesOf(
  Object.keys(PERSON_FIELD_CATEGORIES) as PersonField[],
);

/** The fields of `fields` whose category is in `visible`. */
export function fieldsIn(fields: Iterable<PersonField>, visible: ReadonlySet<DataCategory>): PersonField[] {
  return [...fields].filter((field) => visible.has(PERSON_FIELD_CATEGORIES[field]));
}

/** What the audit entry of a change records: the personal fields written, as `people.<field>`, and their categories. */
export function writtenPersonFields(fields: Iterable<PersonField>): {
  fields: string[];
  categories: DataCategory[];
} {
  const personal = personalFields(fields);
  return { fields: personal.map((field) => `people.${field}`), categories: categoriesOf(personal) };
}
