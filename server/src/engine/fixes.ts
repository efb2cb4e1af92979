// Applies fixes as plain text edits, shared by the CLI (--fix) and the editor (fix all): each fix is
// all-or-nothing, fixes are taken in order of position, and one overlapping an earlier one waits for
// the next pass.
import type { TextEdit } from '../../../rules/api';
import type { Fix } from './findings';

export interface FixResult {
  readonly output: string;
  readonly applied: readonly Fix[];
  /** Fixes that overlapped one already taken; the caller re-analyses and tries again. */
  readonly skipped: readonly Fix[];
}

/** Applies the edits of `fixes` that target `file` (edits with another `file` are ignored). */
export function applyFixes(text: string, fixes: readonly Fix[], file?: string): FixResult {
  const local = (edit: TextEdit): boolean => edit.file === undefined || edit.file === file;
  const ordered = fixes
    .map((fix) => ({ fix, edits: fix.edits.filter(local).slice().sort((a, b) => a.start - b.start || a.end - b.end) }))
    .filter((entry) => entry.edits.length > 0)
    .sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0));
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const overlaps = (edit: TextEdit): boolean =>
    taken.some((other) => (edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end) || (edit.start === edit.end && edit.start === other.start));
  for (const entry of ordered) {
    if (entry.edits.some(overlaps)) {
      skipped.push(entry.fix);
      continue;
    }
    taken.push(...entry.edits);
    applied.push(entry.fix);
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = text;
  for (const edit of taken) output = output.slice(0, edit.start) + edit.newText + output.slice(edit.end);
  return { output, applied, skipped };
}
