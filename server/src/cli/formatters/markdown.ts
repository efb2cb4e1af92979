// The pull-request summary (GitHub-flavoured Markdown, for a PR comment or a CI job summary): a
// headline, whether the PIA needs an update, then new personal fields by category, new recipients
// and sinks, and findings by severity with file links, the long parts folded and capped.
import type { DataFlow, SinkKind, Taxonomy } from '../../../../rules/api';
import type { Coverage, Finding, Review, ScanResult } from '../../engine';
import { coverageOf, summariseInventory } from '../../engine';
import { sinkWord } from './sink-words';

/** Rows shown per list before "and N more": keeps a comment far below GitHub's 65,536 characters. */
const MAX_ROWS = 25;

export interface PiaNotice {
  /** `stale`: the committed PIA does not cover the code; `missing`: there is none and the code has personal data. */
  readonly state: 'current' | 'stale' | 'missing';
  /** What it lacks, in a few words each. */
  readonly reasons: readonly string[];
  /** The folder to commit, relative to the root. */
  readonly folder: string;
}

export interface MarkdownOptions {
  readonly taxonomy: Taxonomy;
  /** The change under review; without it the summary covers the whole workspace. */
  readonly review?: Review;
  readonly baseRef?: string;
  /** Base URL for file links: `<linkBase>/<path>#L<line>`. */
  readonly linkBase?: string;
  /** Path of the workspace root inside the repository, for links ('' at the top). */
  readonly linkPrefix?: string;
  readonly pia?: PiaNotice;
  /** Findings a baseline accepted (not shown). */
  readonly baselined?: number;
  /** Line of an offset in a file (flows carry offsets). */
  readonly lineOf: (file: string, offset: number) => { line: number } | undefined;
}

const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;
const SEVERITY_ICONS = { error: '🔴', warning: '🟡', info: 'ℹ️' } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Table cells: no pipes or line breaks; backticks kept for code names. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

function coverageLine(before: Coverage | undefined, after: Coverage): string {
  const arrow = (b: number | undefined, a: number): string => (b === undefined || b === a ? percent(a) : `${percent(b)} → ${percent(a)}${a < b ? ' ⬇️' : ''}`);
  return `purpose ${arrow(before?.purpose, after.purpose)}, retention ${arrow(before?.retention, after.retention)} of ${plural(after.fields, 'personal field')}`;
}

function link(file: string, line: number, options: MarkdownOptions): string {
  const label = `${file}:${line}`;
  if (!options.linkBase) return `\`${label}\``;
  const repoPath = options.linkPrefix ? `${options.linkPrefix}/${file}` : file;
  return `[${label}](${options.linkBase}/${repoPath.split('/').map(encodeURIComponent).join('/')}#L${line})`;
}

function more(total: number, shown: number): string[] {
  return total > shown ? [``, `…and ${total - shown} more (the SARIF report or \`--format text\` lists them all).`] : [];
}

function folded(summary: string, body: readonly string[], open = false): string[] {
  return [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

function fieldsSection(result: ScanResult, options: MarkdownOptions): string[] {
  const personal = result.elements.filter((e) => e.classification.personal);
  if (personal.length === 0) return [];
  const byCategory = new Map<string, string[]>();
  for (const element of personal) {
    const category = element.classification.categories[0] ?? 'other';
    byCategory.set(category, [...(byCategory.get(category) ?? []), `\`${element.id}\``]);
  }
  const rows = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const special = (category: string): string => (options.taxonomy.isSpecial(category) || options.taxonomy.isCriminal(category) ? ' ⚠️ special' : '');
  const shown = rows.slice(0, MAX_ROWS);
  const body = ['| Category | Fields |', '| --- | --- |', ...shown.map(([category, ids]) => `| \`${category}\`${special(category)} | ${cell(ids.slice(0, 12).join(', '))}${ids.length > 12 ? ` and ${ids.length - 12} more` : ''} |`), ...more(rows.length, shown.length)];
  const categories = `${rows.length} ${rows.length === 1 ? 'category' : 'categories'}`;
  return folded(`${options.review ? 'New personal data' : 'Personal data'}: ${plural(personal.length, 'field')} in ${categories}`, body, options.review !== undefined);
}

function flowsSection(flows: readonly DataFlow[], options: MarkdownOptions): string[] {
  if (flows.length === 0) return [];
  const groups = new Map<string, { label: string; kind: SinkKind; thirdParty: boolean; values: Set<string>; first: DataFlow }>();
  for (const flow of flows) {
    const key = flow.sink.thirdParty ? `recipient:${flow.sink.recipient}` : `sink:${flow.sink.kind}`;
    const group = groups.get(key) ?? { label: flow.sink.thirdParty ? flow.sink.label : sinkWord(flow.sink.kind), kind: flow.sink.kind, thirdParty: flow.sink.thirdParty, values: new Set<string>(), first: flow };
    group.values.add(flow.element?.id ?? flow.valueName);
    groups.set(key, group);
  }
  const rows = [...groups.values()].sort((a, b) => Number(b.thirdParty) - Number(a.thirdParty) || b.values.size - a.values.size);
  const recipients = rows.filter((r) => r.thirdParty).length;
  const shown = rows.slice(0, MAX_ROWS);
  const body = [
    '| Goes to | Personal values | First at |',
    '| --- | --- | --- |',
    ...shown.map((r) => `| ${cell(r.label)}${r.thirdParty ? ` (third party: ${sinkWord(r.kind)})` : ''} | ${cell([...r.values].slice(0, 8).map((v) => `\`${v}\``).join(', '))}${r.values.size > 8 ? ` and ${r.values.size - 8} more` : ''} | ${link(r.first.file, options.lineOf(r.first.file, r.first.range.start)?.line ?? 1, options)} |`),
    ...more(rows.length, shown.length),
  ];
  const title = `${options.review ? 'New flows' : 'Where it goes'}: ${plural(flows.length, 'personal value')} into ${plural(rows.length - recipients, 'sink')}${recipients > 0 ? ` and ${plural(recipients, 'third-party recipient')}` : ''}`;
  return folded(title, body, options.review !== undefined && recipients > 0);
}

function collectionSection(result: ScanResult, options: MarkdownOptions): string[] {
  const points = result.collectionPoints.filter((p) => p.elementIds.length > 0 || p.fieldNames.length > 0);
  if (points.length === 0) return [];
  const shown = points.slice(0, MAX_ROWS);
  const body = shown.map((p) => `- ${p.method ? `\`${p.method}\` ` : ''}\`${cell(p.handler)}\` (${p.kind}) at ${link(p.file, p.line, options)}: ${cell([...p.elementIds, ...p.fieldNames.filter((n) => !p.elementIds.some((id) => id.endsWith(`.${n}`)))].slice(0, 10).map((v) => `\`${v}\``).join(', '))}`);
  return folded(`${options.review ? 'New collection points' : 'Collection points'}: ${points.length}`, [...body, ...more(points.length, shown.length)]);
}

function findingsSection(findings: readonly Finding[], options: MarkdownOptions): string[] {
  const out: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    const shown = list.slice(0, MAX_ROWS);
    const body = ['| Where | Rule | Message |', '| --- | --- | --- |', ...shown.map((f) => `| ${link(f.file, f.line, options)} | \`${f.ruleId}\` | ${cell(f.message)} |`), ...more(list.length, shown.length)];
    out.push(...folded(`${SEVERITY_ICONS[severity]} ${SEVERITY_TITLES[severity]} (${list.length})`, body, severity === 'error'));
  }
  return out;
}

function piaSection(pia: PiaNotice | undefined): string[] {
  if (!pia || pia.state === 'current') return [];
  if (pia.state === 'missing') return [`> [!NOTE]`, `> This change adds personal data and no privacy impact assessment is committed. \`privacy-steward pia\` writes one into \`${pia.folder}/\` from the code.`, ''];
  return [`> [!WARNING]`, `> **The privacy impact assessment needs an update**: ${pia.reasons.join('; ')}. Run \`privacy-steward pia\`, review the stale answers and commit \`${pia.folder}/\`.`, ''];
}

export function formatMarkdown(result: ScanResult, options: MarkdownOptions): string {
  const { review } = options;
  const findings = result.findings;
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  const fields = summariseInventory(result.elements).personalFields;
  const headline = [
    findings.length === 0 ? `✅ no ${review ? 'new ' : ''}findings` : `**${plural(findings.length, review ? 'new finding' : 'finding')}** (${[count('error') > 0 ? plural(count('error'), 'error') : '', count('warning') > 0 ? plural(count('warning'), 'warning') : '', count('info') > 0 ? `${count('info')} info` : ''].filter(Boolean).join(', ')})`,
    `**${plural(fields, review ? 'new personal field' : 'personal field')}**`,
    ...(review && review.removedElements.length > 0 ? [`${plural(review.removedElements.length, 'personal field')} removed`] : []),
  ];
  const scope = review
    ? `Changes against \`${options.baseRef ?? 'the base'}\` (merge base \`${review.mergeBase.slice(0, 7)}\`): ${plural(review.changedFiles.length, 'file')} changed.`
    : `Whole workspace: ${result.stats.analysed} of ${plural(result.stats.files, 'file')} analysed.`;
  const coverage = review ? coverageLine(review.coverageBefore, review.coverageAfter) : coverageLine(undefined, coverageOf(result.elements));
  const lines = [
    '## Privacy Steward',
    '',
    `${headline.join(' · ')}  `,
    `${scope} Declaration coverage: ${coverage}.${options.baselined ? ` ${plural(options.baselined, 'finding')} accepted by the baseline.` : ''}`,
    '',
    ...piaSection(options.pia),
    ...fieldsSection(result, options),
    ...flowsSection(result.flows, options),
    ...collectionSection(result, options),
    ...findingsSection(findings, options),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
