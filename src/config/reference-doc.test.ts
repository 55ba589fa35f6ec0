import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from './json-schema.js';
import { configReferenceMarkdown, REFERENCE_END, REFERENCE_START } from './reference-doc.js';

describe('README configuration reference', () => {
  const section = configReferenceMarkdown(JSON.parse(configJsonSchemaText()));

  it('lists nested keys with types and defaults', () => {
    expect(section).toContain('| `images[].weight` | integer |  | `1` |');
    expect(section).toContain('| `timeouts.build` | duration |');
    expect(section).toContain('| `cluster.reuse` | `healthy` \\| `never` |');
    expect(section).toContain('| `name` | string | yes |');
  });

  it('is what README.md contains (run `npm run schema` after changing the schema)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const committed = readme.slice(
      readme.indexOf(REFERENCE_START),
      readme.indexOf(REFERENCE_END) + REFERENCE_END.length,
    );
    expect(committed).toBe(section);
  });
});
