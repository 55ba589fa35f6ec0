// The JSON Schema of tarmac.yaml for editors, generated from the zod schema so it cannot drift.
import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the generated schema is committed, relative to the repository root. */
export const JSON_SCHEMA_PATH = 'schema/tarmac.schema.json';

/** The JSON Schema text (with trailing newline) exactly as committed to schema/tarmac.schema.json. */
export function configJsonSchemaText(): string {
  // io 'input': describe what users write (durations as strings, keys with defaults optional).
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'tarmac.yaml' }, null, 2)}\n`;
}
