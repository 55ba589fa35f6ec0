// The dev half's report for iterating on rules (`npm run bench:triage -- --dev`): per category and every case that
// is not right, with its top verdict. Only ever given dev cases: the test half's answers stay unread. Pure.
import { CATEGORIES } from './corpus-case.js';
import { rates, ratesByCategory, type Rates, type Scored } from './score.js';

function line(label: string, r: Rates): string {
  const p = (n: number) => `${((100 * n) / r.cases).toFixed(1)}%`.padStart(6);
  return `${label.padEnd(26)} ${String(r.cases).padStart(3)}  top-1 ${p(r.right)}  confident wrong ${p(r.confidentWrong)}  unclassified ${p(r.unclassified)}`;
}

/** Lines for the terminal: overall, per category, then each wrong or unclassified case. */
export function devReport(dev: readonly Scored[]): string {
  const out = [line('dev overall', rates(dev)), ''];
  for (const [category, r] of ratesByCategory(dev, CATEGORIES)) out.push(line(category, r));
  out.push('', 'not right:');
  for (const s of dev.filter((x) => x.outcome !== 'right'))
    out.push(
      `  ${s.outcome.padEnd(12)} ${s.category.padEnd(26)} ${s.id.padEnd(40)} ${s.top ? `${s.top.ruleId} ${Math.round(100 * s.top.confidence)}%` : ''}`,
    );
  return out.join('\n');
}
