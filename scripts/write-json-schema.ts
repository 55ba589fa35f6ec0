// Writes schema/tarmac.schema.json and README.md's configuration reference from the zod schema (npm run schema).
// src/config/json-schema.test.ts and reference-doc.test.ts fail when the committed files differ from a fresh generation.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText, JSON_SCHEMA_PATH } from '../src/config/json-schema.js';
import { configReferenceMarkdown, replaceReference } from '../src/config/reference-doc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaText = configJsonSchemaText();
writeFileSync(path.join(root, JSON_SCHEMA_PATH), schemaText);
const readmePath = path.join(root, 'README.md');
writeFileSync(
  readmePath,
  replaceReference(readFileSync(readmePath, 'utf8'), configReferenceMarkdown(JSON.parse(schemaText))),
);
process.stdout.write(`wrote ${JSON_SCHEMA_PATH} and the configuration reference in README.md\n`);
