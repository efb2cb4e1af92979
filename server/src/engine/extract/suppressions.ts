// Finds `// privacy-steward-ignore <rule>[, <rule>] -- <reason>` comments (TypeScript, JavaScript and
// Prisma alike). A suppression without a reason is reported instead of honoured.
import type { FileProblem, Suppression } from '../model';
import type { LineIndex } from '../text/line-index';

const MARKER = 'privacy-steward-ignore';
const PATTERN = /(?:\/\/|\/\*)\s*privacy-steward-ignore\b([^\n*]*?)(?:\*\/|$)/gm;

export function findSuppressions(text: string, lines: LineIndex): { suppressions: Suppression[]; problems: FileProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: FileProblem[] = [];
  if (!text.includes(MARKER)) return { suppressions, problems };
  PATTERN.lastIndex = 0;
  for (let match = PATTERN.exec(text); match; match = PATTERN.exec(text)) {
    const body = (match[1] ?? '').replace(/\r$/, '');
    const [rulePart = '', ...reasonParts] = body.split('--');
    const rules = rulePart
      .split(/[,\s]+/)
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    const hasReason = reasonParts.join('--').trim().length > 0;
    const range = { start: match.index, end: match.index + match[0].length };
    const line = lines.positionAt(match.index).line;
    if (rules.length === 0) {
      problems.push({ kind: 'invalid-suppression', severity: 'warning', range, message: 'privacy-steward-ignore names no rule; write "// privacy-steward-ignore <rule> -- <reason>".' });
      continue;
    }
    if (!hasReason) {
      problems.push({ kind: 'invalid-suppression', severity: 'warning', range, message: `privacy-steward-ignore ${rules.join(', ')} gives no reason, so it is not applied; add "-- <reason>".` });
      continue;
    }
    suppressions.push({ line, rules, hasReason, range });
  }
  return { suppressions, problems };
}
