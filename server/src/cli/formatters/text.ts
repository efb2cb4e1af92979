// Human-readable report in the style of ESLint's "stylish": findings grouped by file, a count line,
// manifest problems as file:line:column lines, then the personal-data inventory with coverage and
// where the data goes (sinks and third-party recipients).
import type { SinkKind } from '../../../../rules/api';
import type { Finding, ScanResult } from '../../engine';
import { summariseFlows, summariseInventory } from '../../engine/inventory';
import { sinkWord } from './sink-words';

export interface Colours {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly underline: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ANSI: Colours = { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
const identity = (s: string): string => s;
export const PLAIN: Colours = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity, underline: identity };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`;
}

function severityLabel(finding: Finding, c: Colours): string {
  if (finding.severity === 'error') return c.red('error');
  if (finding.severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

export interface TextOptions {
  /** A line above the report (the diff scan says what it compared). */
  readonly heading?: string;
  /** The result holds only what a change introduces: the inventory says "new". */
  readonly review?: boolean;
}

export function formatText(result: ScanResult, c: Colours, options: TextOptions = {}): string {
  const out: string[] = [];
  if (options.heading) out.push(c.bold(options.heading), '');
  const manifestProblems = result.findings.filter((f) => f.ruleId === 'invalid-manifest');
  for (const f of manifestProblems) out.push(`${f.file}:${f.line}:${f.column}: ${c.red('error')} ${f.message}`);
  if (manifestProblems.length > 0) out.push('');

  const others = result.findings.filter((f) => f.ruleId !== 'invalid-manifest');
  const byFile = new Map<string, Finding[]>();
  for (const f of others) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(c.underline(file));
    const rows = findings.map((f) => [`${f.line}:${f.column}`, severityLabel(f, c), f.message, c.dim(f.ruleId)] as const);
    const width = Math.max(...rows.map((r) => r[0].length));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    for (const [position, severity, message, rule] of rows) {
      const pad = ' '.repeat(severityWidth - severity.replace(/\u001b\[\d+m/g, '').length);
      out.push(`  ${c.dim(position.padStart(width))}  ${severity}${pad}  ${message}  ${rule}`);
    }
    out.push('');
  }

  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const infos = result.findings.filter((f) => f.severity === 'info').length;
  const total = errors + warnings + infos;
  if (total === 0) out.push(c.bold('✔ No problems found.'));
  else {
    const mark = errors > 0 ? c.red('✖') : c.yellow('⚠');
    out.push(c.bold(`${mark} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''})`));
    const fixable = result.findings.filter((f) => f.fix).length;
    if (fixable > 0) out.push(c.dim(`  ${plural(fixable, 'problem')} can be fixed with the --fix option.`));
  }
  if (result.stats.suppressed > 0) out.push(c.dim(`  ${plural(result.stats.suppressed, 'finding')} silenced by privacy-steward-ignore comments.`));
  out.push('');

  const inventory = summariseInventory(result.elements);
  out.push(c.bold(`${options.review ? 'New personal data' : 'Personal data'}: ${plural(inventory.personalFields, 'field')} in ${plural(inventory.files, 'file')} (${result.stats.analysed} of ${result.stats.files} files analysed)`));
  if (inventory.personalFields > 0) {
    const categoryWidth = Math.max(8, ...inventory.byCategory.map((r) => r.category.length));
    out.push(c.dim(`  ${'category'.padEnd(categoryWidth)}  fields  purpose  retention`));
    for (const row of inventory.byCategory) {
      out.push(`  ${row.category.padEnd(categoryWidth)}  ${String(row.fields).padStart(6)}  ${percent(row.withPurpose, row.fields).padStart(7)}  ${percent(row.withRetention, row.fields).padStart(9)}`);
    }
    out.push(
      c.bold(`  ${'all'.padEnd(categoryWidth)}  ${String(inventory.personalFields).padStart(6)}  ${percent(inventory.withPurpose, inventory.personalFields).padStart(7)}  ${percent(inventory.withRetention, inventory.personalFields).padStart(9)}`),
    );
  }
  const flows = summariseFlows(result.flows, result.collectionPoints);
  if (flows.flows > 0 || flows.collectionPoints > 0) {
    const kinds = Object.entries(flows.byKind).map(([kind, n]) => `${sinkWord(kind as SinkKind)} ${n}`).join(', ');
    out.push('', c.bold(`${options.review ? 'New flows' : 'Where it goes'}: ${plural(flows.flows, 'personal value')} reach sinks${kinds ? ` (${kinds})` : ''}; ${plural(flows.collectionPoints, 'collection point')}`));
    for (const r of flows.recipients) out.push(`  ${r.label.padEnd(24)}  ${sinkWord(r.kind)}, ${plural(r.fields.length, 'field')}`);
  }
  return `${out.join('\n')}\n`;
}
