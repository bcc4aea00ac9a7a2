import type { DataCategory } from '@passage/schemas';
import type { FieldAccess } from './policy-reasons.js';

/** The data category of every field of `T`: the compiler insists that none is forgotten. */
export type FieldCategories<T extends object> = { readonly [K in keyof T]-?: DataCategory };

/** `T` with every field possibly replaced by `null`. */
export type Redacted<T extends object> = { [K in keyof T]: T[K] | null };

/**
 * Returns a shallow copy of `record` in which every field whose category the decision does not ALLOW
 * is `null`. Fails closed: a field with no category (one added at run time, say) and a category the
 * decision does not mention are redacted too. Nested objects are kept or dropped whole, by their own
 * field's category.
 */
export function redact<T extends object>(
  record: T,
  fieldCategories: FieldCategories<T>,
  fieldDecision: Partial<Record<DataCategory, FieldAccess>>,
): Redacted<T> {
  const copy: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    const category: DataCategory | undefined = Object.hasOwn(fieldCategories, field)
      ? (fieldCategories as Record<string, DataCategory>)[field]
      : undefined;
    const shown =
      category !== undefined && Object.hasOwn(fieldDecision, category) && fieldDecision[category] === 'ALLOW';
    copy[field] = shown ? value : null;
  }
  return copy as Redacted<T>;
}
