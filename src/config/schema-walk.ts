// Reads the zod schema itself: which keys an object allows and what a key means, so
// problems can suggest `Did you mean` and explain a key from its description.
import { z } from 'zod';
import { configSchema } from './schema.js';
import type { PathKey } from './path-text.js';

type Walked = { schema: z.ZodType; description: string | undefined };

// Steps through wrappers (default, prefault, optional, pipe input) keeping the outermost description.
function unwrap(schema: z.ZodType): Walked {
  let current = schema;
  let description = schema.description;
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return { schema: current, description };
    }
    description ??= current.description;
  }
}

/** The schema (unwrapped) and description at a document path, or undefined off the schema. */
export function schemaAt(path: readonly PathKey[], root: z.ZodType = configSchema): Walked | undefined {
  let walked = unwrap(root);
  for (const key of path) {
    const { schema } = walked;
    let next: z.ZodType | undefined;
    if (schema instanceof z.ZodObject && typeof key === 'string') next = schema.shape[key] as z.ZodType | undefined;
    else if (schema instanceof z.ZodArray && typeof key === 'number') next = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) next = schema.valueType as z.ZodType;
    if (next === undefined) return undefined;
    walked = unwrap(next);
  }
  return walked;
}

/** Keys allowed in the object at `path`; empty when the path is not an object. */
export function allowedKeys(path: readonly PathKey[], root: z.ZodType = configSchema): string[] {
  const schema = schemaAt(path, root)?.schema;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape).filter((k) => k !== '$schema') : [];
}

/** The description of the key at `path`, from `.describe()` in schema.ts. */
export function describeAt(path: readonly PathKey[], root: z.ZodType = configSchema): string | undefined {
  return schemaAt(path, root)?.description;
}
