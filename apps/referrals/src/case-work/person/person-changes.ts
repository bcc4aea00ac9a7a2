import { caseWorkErrors } from '../case-work.errors.js';
import type { PersonEntity } from './entities/person.entity.js';
import { ageBandOn, type AgeBand } from './person-vocabulary.js';

/** The fields of a person that maintenance may change, in the order a revision lists them. */
export const EDITABLE_PERSON_FIELDS = [
  'name',
  'alias',
  'nationality',
  'gender',
  'dateOfBirth',
  'ageBand',
  'languages',
  'immediateNeeds',
  'pregnant',
  'urgentMedicalNeed',
  'medicalNotes',
  'documentType',
  'documentNumber',
  'contact',
  'doNotContact',
  'narrative',
  'sexualViolenceDisclosed',
  'currentLocation',
] as const satisfies readonly (keyof PersonEntity)[];
export type EditablePersonField = (typeof EDITABLE_PERSON_FIELDS)[number];

export type EditablePerson = Pick<PersonEntity, EditablePersonField>;

/** What an update asks for: a field left out (undefined) stays as it is; null clears it. */
export type PersonPatch = { [K in EditablePersonField]?: EditablePerson[K] };

export type PersonFieldValue = EditablePerson[EditablePersonField];

/** One field of a revision: its value before and after the change. */
export interface PersonFieldChange {
  field: EditablePersonField;
  from: PersonFieldValue;
  to: PersonFieldValue;
}

/** The person after a patch, and what differs from before (empty when the patch changes nothing). */
export interface PlannedPersonChange {
  next: EditablePerson;
  changes: PersonFieldChange[];
}

/**
 * Applies `patch` to `current` on the calendar date `today` (ISO), keeping the record coherent: the age
 * band follows a recorded date of birth, a document number has a type, and a person keeps a name or an
 * alias once given one. Throws the coded error naming the field at fault; changes nothing itself.
 */
export function planPersonChange(
  current: EditablePerson,
  patch: PersonPatch,
  today: string,
): PlannedPersonChange {
  const next: EditablePerson = { ...pick(current) };
  const given = EDITABLE_PERSON_FIELDS.filter((field) => patch[field] !== undefined);
  for (const field of given) (next as Record<EditablePersonField, PersonFieldValue>)[field] = patch[field]!;

  if (next.dateOfBirth !== null && (given.includes('dateOfBirth') || given.includes('ageBand'))) {
    next.ageBand = settledAgeBand(next.dateOfBirth, patch.ageBand, today, 'ageBand');
  }
  if (next.documentNumber !== null && next.documentType === null) {
    throw caseWorkErrors.error('DOCUMENT_TYPE_REQUIRED', 'is required with a document number', {
      field: 'documentType',
    });
  }
  if ((given.includes('name') || given.includes('alias')) && next.name === null && next.alias === null) {
    throw caseWorkErrors.error('NAME_OR_ALIAS_REQUIRED', 'a name or an alias is required', {
      field: 'alias',
    });
  }
  const changes = EDITABLE_PERSON_FIELDS.filter((field) => !sameValue(current[field], next[field])).map(
    (field) => ({ field, from: current[field], to: next[field] }),
  );
  return { next, changes };
}

/**
 * The age band a date of birth gives on `today`; a band given with it (or against a recorded one) must
 * be that band, so the two never disagree.
 */
export function settledAgeBand(
  dateOfBirth: string,
  given: AgeBand | undefined,
  today: string,
  field: string,
): AgeBand {
  const derived = ageBandOn(dateOfBirth, today);
  if (given !== undefined && given !== derived) {
    throw caseWorkErrors.error(
      'AGE_BAND_CONTRADICTS_DATE_OF_BIRTH',
      `contradicts the date of birth, which gives ${derived}; change or clear dateOfBirth instead`,
      { field },
    );
  }
  return derived;
}

/** Whether a change of document must reach what is bound to it (a protection attestation). */
export function documentChanged(changes: readonly PersonFieldChange[]): boolean {
  return changes.some((change) => change.field === 'documentType' || change.field === 'documentNumber');
}

function pick(person: EditablePerson): EditablePerson {
  return Object.fromEntries(EDITABLE_PERSON_FIELDS.map((field) => [field, person[field]])) as EditablePerson;
}

function sameValue(left: PersonFieldValue, right: PersonFieldValue): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((value, index) => value === right[index]);
  }
  return left === right;
}
