import type { z } from 'zod';

const secretSchemas = new WeakSet<z.ZodType>();

/** Names that are treated as secret even when a schema forgot to say so: masking too much is harmless. */
const SECRET_LOOKING_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIAL)/i;

/**
 * Marks a config field as secret: its value is shown as `***` in validation errors and in
 * {@link describeConfig}. Returns the same schema, so modifiers can be chained before or after:
 * `secret(field.url())` and `secret(field.url()).optional()` both work.
 */
export function secret<T extends z.ZodType>(schema: T): T {
  secretSchemas.add(schema);
  return schema;
}

/**
 * Whether the variable `name`, validated by `schema`, must be masked. Looks through wrappers such as
 * `.optional()`, `.default()` and pipes, because `secret()` may have been applied to an inner schema.
 */
export function isSecretField(name: string, schema: z.ZodType): boolean {
  return SECRET_LOOKING_NAME.test(name) || containsSecret(schema);
}

function containsSecret(schema: z.ZodType): boolean {
  if (secretSchemas.has(schema)) return true;
  // Zod 4 keeps the wrapped schema of optional/default/nullable/readonly/catch in `innerType`, and the
  // input side of a pipe in `in`; both are part of its public `_zod.def` introspection surface.
  const def = schema._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
  return (
    (def.innerType !== undefined && containsSecret(def.innerType)) ||
    (def.in !== undefined && containsSecret(def.in))
  );
}
