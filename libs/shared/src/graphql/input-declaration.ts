import { Field, InputType, type FieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import type { ArgumentMetadata, PipeTransform, Type } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../errors/parse-input.js';

/** One field of an input: how GraphQL types it and how the edge validates it, side by side. */
export interface InputFieldDeclaration<TSchema extends z.ZodType = z.ZodType> {
  /** The GraphQL type, as a thunk: `() => ID`, `() => [ConsentPurposeEnum]`, `() => String`. */
  type: ReturnTypeFunc;
  schema: TSchema;
  /** Whether GraphQL lets the field be left out or null; the schema still decides what is valid. */
  nullable?: boolean;
  /** The default GraphQL fills in when the field is left out (`othersCount: Int! = 0`). */
  defaultValue?: unknown;
  description?: string;
}

type FieldSchemas<TFields extends Record<string, InputFieldDeclaration>> = {
  [K in keyof TFields]: TFields[K]['schema'];
};

/** An input declared once: its GraphQL input type, its validation schema, and the pipe that applies it. */
export interface DeclaredInput<TSchema extends z.ZodType> {
  /** The GraphQL input type, for `@Args('input', { type: () => declared.type }, declared.pipe)`. */
  readonly type: Type<z.input<TSchema>>;
  readonly schema: TSchema;
  /**
   * Validates the argument before the resolver runs, with the coded error `parseInput` raises; fields at
   * fault are named under the argument (`input.people.0.nationality`, `filter.country`).
   */
  readonly pipe: PipeTransform<unknown, z.output<TSchema>>;
}

/**
 * Declares an operation's input once. The GraphQL input type is built from the same declaration as the
 * schema that validates it, so the two cannot drift apart: a field added to one is in the other.
 *
 * @param name the GraphQL name of the input type (`RecordConsentInput`)
 * @param fields each field's GraphQL type and schema, in the order the schema lists them
 * @param options the type's description, and rules across fields (`refine` gets the object schema)
 */
export function declareInput<
  TFields extends Record<string, InputFieldDeclaration>,
  TSchema extends z.ZodType = z.ZodObject<FieldSchemas<TFields>>,
>(
  name: string,
  fields: TFields,
  options: {
    description?: string;
    refine?: (schema: z.ZodObject<FieldSchemas<TFields>>) => TSchema;
  } = {},
): DeclaredInput<TSchema> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field.schema]),
  ) as FieldSchemas<TFields>;
  const object = z.object(shape);
  const schema = (options.refine ? options.refine(object) : object) as TSchema;

  // A named class per input: Nest's schema builder keys input types by their class.
  const inputClass = { [name]: class {} }[name] as Type<z.input<TSchema>>;
  for (const [key, field] of Object.entries(fields)) {
    const fieldOptions: FieldOptions = {
      nullable: field.nullable ?? false,
      ...(field.defaultValue !== undefined ? { defaultValue: field.defaultValue } : {}),
      ...(field.description ? { description: field.description } : {}),
    } as FieldOptions;
    Field(field.type, fieldOptions)(inputClass.prototype, key);
  }
  InputType(name, options.description ? { description: options.description } : {})(inputClass);

  return {
    type: inputClass,
    schema,
    pipe: {
      transform: (value: unknown, metadata?: ArgumentMetadata) =>
        parseInput(schema, value, typeof metadata?.data === 'string' ? metadata.data : 'input'),
    },
  };
}

/**
 * An optional field whose absence is stored as null: accepts the value, null or nothing, and always gives
 * the value or null, so services never have to tell `undefined` from `null`.
 */
export function orNull<TSchema extends z.ZodType>(schema: TSchema) {
  return schema.nullish().transform((value) => value ?? null);
}
