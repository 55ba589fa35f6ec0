// Cross-field rules for images: names and dependsOn, and weights against build.capacity.
import type { Finding } from '../finding.js';
import { checkNamedList } from './references.js';
import { entries, isRawMap } from './raw.js';
import type { RuleContext, RuleOutput } from './raw.js';

const DEFAULT_CAPACITY = 2;

/** Duplicate names, unknown or cyclic dependsOn (errors); weights above capacity (warnings). */
export function checkImages(ctx: RuleContext): RuleOutput {
  const errors = checkNamedList(ctx.data, {
    listKey: 'images',
    refKey: 'dependsOn',
    noun: 'Image',
    duplicateHint: 'Image names must be unique; rename one of them.',
    cycleHint:
      'Each image is built FROM the images in its `dependsOn`, so the chain must end; remove one of these entries.',
  });
  return { errors, warnings: heavyImages(ctx.data) };
}

function heavyImages(data: unknown): Finding[] {
  const build = isRawMap(data) ? data.build : undefined;
  const configured = isRawMap(build) ? build.capacity : undefined;
  const capacity = typeof configured === 'number' ? configured : DEFAULT_CAPACITY;
  return entries(data, 'images').flatMap(({ index, item }) => {
    const weight = item.weight;
    if (typeof weight !== 'number' || weight <= capacity) return [];
    return [
      {
        path: ['images', index, 'weight'],
        message: `Weight ${weight} is above build.capacity ${capacity}; this build will run alone`,
        hint: `Nothing else builds while it runs. Lower the weight to ${capacity} or raise build.capacity if it can share the engine.`,
      },
    ];
  });
}
