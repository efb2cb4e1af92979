// Findings: the plain, serialisable result of analysis (what the CLI prints and the LSP turns into
// diagnostics), their rendered messages, positions and content-based fingerprints.
import { createHash } from 'node:crypto';
import type { FixSafety, Severity, TextEdit, TextRange } from '../../../rules/api';
import type { LineIndex } from './text/line-index';

/** Engine problems that are not rules: they share the finding shape so every adapter shows them. */
export const ENGINE_PROBLEM_IDS = ['internal-error', 'invalid-manifest', 'syntax-error', 'unreadable-file', 'skipped-file', 'invalid-suppression'] as const;
export type EngineProblemId = (typeof ENGINE_PROBLEM_IDS)[number];

export interface Fix {
  readonly title: string;
  readonly safety: FixSafety;
  /** Edits to apply together; an edit without `file` is for the finding's file. */
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId?: string;
  readonly message: string;
  /** Workspace-relative, forward slashes. */
  readonly file: string;
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly category?: string;
  readonly elementId?: string;
  /** Stable across unrelated edits and moved lines (rule, file, element or normalised line text). */
  readonly fingerprint: string;
  readonly fix?: Fix;
  readonly suggestions: readonly Fix[];
}

/** Fills {{placeholders}} from data; unknown placeholders are left visible so that tests catch them. */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? String(data[key]) : whole));
}

/**
 * A fingerprint from what the finding is about, not where: the element id when there is one,
 * else the reported code without its whitespace (so moving or reformatting it keeps the
 * fingerprint), plus an occurrence index.
 */
export function fingerprintOf(parts: { ruleId: string; file: string; key: string; occurrence: number }): string {
  return createHash('sha256').update(`${parts.ruleId}\u0000${parts.file}\u0000${parts.key}\u0000${parts.occurrence}`).digest('hex').slice(0, 32);
}

export interface FindingInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId?: string;
  readonly message: string;
  readonly file: string;
  readonly range: TextRange;
  readonly category?: string;
  readonly elementId?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

/** Gives findings positions and fingerprints; counts occurrences so that equal keys stay distinct. */
export class FindingFactory {
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly lines: LineIndex) {}

  create(input: FindingInput): Finding {
    const start = this.lines.positionAt(input.range.start);
    const end = this.lines.positionAt(Math.max(input.range.end, input.range.start));
    const reported = input.range.end > input.range.start ? this.lines.slice(input.range.start, input.range.end) : this.lines.lineText(start.line);
    const key = `${input.elementId ?? reported.replace(/\s+/g, '')}\u0000${input.messageId ?? ''}\u0000${input.category ?? ''}`;
    const counter = `${input.ruleId}\u0000${key}`;
    const occurrence = this.occurrences.get(counter) ?? 0;
    this.occurrences.set(counter, occurrence + 1);
    return {
      ruleId: input.ruleId,
      severity: input.severity,
      ...(input.messageId ? { messageId: input.messageId } : {}),
      message: input.message,
      file: input.file,
      range: input.range,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(input.category ? { category: input.category } : {}),
      ...(input.elementId ? { elementId: input.elementId } : {}),
      fingerprint: fingerprintOf({ ruleId: input.ruleId, file: input.file, key, occurrence }),
      ...(input.fix ? { fix: input.fix } : {}),
      suggestions: input.suggestions ?? [],
    };
  }
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start !== b.range.start) return a.range.start - b.range.start;
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
