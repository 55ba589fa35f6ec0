import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText, JSON_SCHEMA_PATH } from './json-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: unknown;
};

// Paths of object properties in the JSON Schema that carry no description.
function undescribed(schema: JsonSchema, at: string): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, child]) => [
    ...(child.description ? [] : [`${at}.${key}`]),
    ...undescribed(child, `${at}.${key}`),
  ]);
  return schema.items ? [...own, ...undescribed(schema.items, `${at}[]`)] : own;
}

describe('schema/tarmac.schema.json', () => {
  it('is what scripts/write-json-schema.ts generates now (run `npm run schema` after changing schema.ts)', () => {
    expect(readFileSync(path.join(ROOT, JSON_SCHEMA_PATH), 'utf8')).toBe(configJsonSchemaText());
  });

  it('describes every key, so editors can explain it', () => {
    const schema = JSON.parse(configJsonSchemaText()) as JsonSchema;
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'images', 'deploy', 'timeouts', 'test']),
    );
    expect(undescribed(schema, '')).toEqual([]);
  });

  it('rejects unknown keys at every level, like the loader', () => {
    const schema = JSON.parse(configJsonSchemaText()) as JsonSchema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.images?.items?.additionalProperties).toBe(false);
  });
});
