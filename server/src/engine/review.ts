// Pull-request review, on plain data: what a change introduces (findings, personal fields, flows,
// collection points) by comparing the head's analysis with the base's through content-based keys
// that survive moved lines and reformatting, the coverage before and after, and baselines.
import { createHash } from 'node:crypto';
import type { CollectionPoint, DataElement, DataFlow } from '../../../rules/api';
import { needsDeclarations } from '../../../rules/lib/declarations';
import type { Finding } from './findings';
import type { ScanResult } from './scan';

/**
 * What identifies a finding across revisions: the rule and the element it is about (wherever the
 * element moved), else its fingerprint (rule, file, normalised line text).
 */
export function matchKey(finding: Finding): string {
  return finding.elementId ? `${finding.ruleId}\u0000${finding.elementId}\u0000${finding.category ?? ''}` : `${finding.ruleId}\u0000${finding.fingerprint}`;
}

/** A flow across revisions: the value, the sink and the callee, not the line. */
export function flowKey(flow: DataFlow): string {
  return `${flow.element?.id ?? `~${flow.valueName}`}\u0000${flow.sink.kind}\u0000${flow.sink.recipient}\u0000${flow.sink.callee}`;
}

/** How many of each key a revision has, to take them off one by one. */
function countKeys(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The items whose key is not (or no longer) among `counts`; each counted key accepts one item. */
function beyond<T>(items: readonly T[], counts: Map<string, number>, key: (item: T) => string): T[] {
  return items.filter((item) => {
    const k = key(item);
    const left = counts.get(k) ?? 0;
    if (left === 0) return true;
    counts.set(k, left - 1);
    return false;
  });
}

/** Items of `head` beyond those whose keys `base` has (counted, so a second equal item is new). */
function introduced<T>(head: readonly T[], baseKeys: readonly string[], key: (item: T) => string): T[] {
  return beyond(head, countKeys(baseKeys), key);
}

export interface Coverage {
  readonly fields: number;
  readonly purpose: number;
  readonly retention: number;
}

export function coverageOf(elements: readonly DataElement[]): Coverage {
  const declarable = elements.filter(needsDeclarations);
  const ratio = (n: number): number => (declarable.length === 0 ? 1 : Number((n / declarable.length).toFixed(3)));
  return { fields: declarable.length, purpose: ratio(declarable.filter((e) => e.declared.purposes.length > 0).length), retention: ratio(declarable.filter((e) => e.declared.retention).length) };
}

export interface Review {
  readonly mergeBase: string;
  readonly changedFiles: readonly string[];
  readonly findings: readonly Finding[];
  /** Personal fields the change adds (by id, wherever they are declared). */
  readonly elements: readonly DataElement[];
  /** Ids of personal fields the change removes. */
  readonly removedElements: readonly string[];
  readonly flows: readonly DataFlow[];
  readonly collectionPoints: readonly CollectionPoint[];
  readonly coverageBefore: Coverage;
  readonly coverageAfter: Coverage;
}

function pointKey(point: CollectionPoint): string {
  return `${point.kind}\u0000${point.handler}\u0000${point.method ?? ''}`;
}

function personalOf(result: Pick<ScanResult, 'elements'>): DataElement[] {
  return result.elements.filter((e) => e.classification.personal && !e.declared.notPersonal);
}

/** A key and the file it belongs to (so that a summary of a whole scan can be cut to a scope). */
export type FiledKey = readonly [file: string, key: string];

/**
 * What the comparison needs of the base revision: keys and counts. Small and plain, so that the
 * CLI can keep the summary of a whole-workspace scan in its cache and a later diff scan against
 * that revision can skip analysing it.
 */
export interface RevisionSummary {
  readonly personalIds: readonly string[];
  readonly coverage: Coverage;
  readonly findings: readonly FiledKey[];
  readonly flows: readonly FiledKey[];
  readonly points: readonly FiledKey[];
}

export function summariseRevision(result: ScanResult): RevisionSummary {
  return {
    personalIds: personalOf(result).map((e) => e.id),
    coverage: coverageOf(result.elements),
    findings: result.findings.map((f) => [f.file, matchKey(f)] as const),
    flows: result.flows.map((f) => [f.file, flowKey(f)] as const),
    points: result.collectionPoints.map((p) => [p.file, pointKey(p)] as const),
  };
}

/** A summary cut to the files of a scope (the diff scan's `only`); undefined keeps it whole. */
export function withinScope(summary: RevisionSummary, scope: ReadonlySet<string> | undefined): RevisionSummary {
  if (!scope) return summary;
  const keep = (keys: readonly FiledKey[]): FiledKey[] => keys.filter(([file]) => scope.has(file));
  return { ...summary, findings: keep(summary.findings), flows: keep(summary.flows), points: keep(summary.points) };
}

/** Compares the head's analysis with the base's: both computed over the same scope (`only`). */
export function reviewChange(base: RevisionSummary, head: ScanResult, mergeBase: string, changedFiles: readonly string[]): Review {
  const headPersonal = personalOf(head);
  const baseIds = new Set(base.personalIds);
  const headIds = new Set(headPersonal.map((e) => e.id));
  return {
    mergeBase,
    changedFiles,
    findings: introduced(head.findings, base.findings.map(([, key]) => key), matchKey),
    elements: headPersonal.filter((e) => !baseIds.has(e.id)),
    removedElements: [...baseIds].filter((id) => !headIds.has(id)).sort(),
    flows: introduced(head.flows, base.flows.map(([, key]) => key), flowKey),
    collectionPoints: introduced(head.collectionPoints, base.points.map(([, key]) => key), pointKey),
    coverageBefore: base.coverage,
    coverageAfter: coverageOf(head.elements),
  };
}

/** A file of accepted findings (`--write-baseline`): their match keys, with rule and file for people. */
export interface Baseline {
  readonly version: 1;
  readonly tool: 'privacy-steward';
  readonly findings: readonly { readonly key: string; readonly ruleId: string; readonly file: string; readonly fingerprint: string }[];
}

/** A finding's match key as a baseline stores it (hashed: it may hold field names). */
function baselineKey(finding: Finding): string {
  return createHash('sha256').update(matchKey(finding)).digest('hex').slice(0, 32);
}

export function baselineOf(findings: readonly Finding[]): Baseline {
  return { version: 1, tool: 'privacy-steward', findings: findings.map((f) => ({ key: baselineKey(f), ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint })) };
}

/** The findings a baseline does not accept (each baseline entry accepts one finding). */
export function withoutBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  return beyond(findings, countKeys(baseline.findings.map((f) => f.key)), baselineKey);
}

/**
 * The head's result cut down to what the change introduces, for the reports: its new findings
 * (after the baseline), personal fields, flows and collection points; stats stay the head's.
 */
export function reviewedResult(head: ScanResult, review: Review, findings: readonly Finding[] = review.findings): ScanResult {
  const elementIds = new Set(review.elements.map((e) => e.id));
  const flows = new Set(review.flows);
  const points = new Set(review.collectionPoints);
  const sources = head.sources.map((source) => ({
    ...source,
    model: { ...source.model, elements: source.model.elements.filter((e) => elementIds.has(e.id)) },
    ...(source.flows ? { flows: { ...source.flows, flows: source.flows.flows.filter((f) => flows.has(f)), collectionPoints: source.flows.collectionPoints.filter((p) => points.has(p)) } } : {}),
  }));
  return { ...head, sources, elements: review.elements, flows: review.flows, collectionPoints: review.collectionPoints, findings };
}
