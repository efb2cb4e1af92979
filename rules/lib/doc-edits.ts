// Text edits that declare things next to the code: add a tag to a field's or type's doc comment
// (creating the comment when there is none, keeping indentation and line endings), or replace a
// tag's value. Pure functions of the file text; nothing is mutated.
import type { DocAnchor, TextEdit, TextRange } from '../api';

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** Adds `@name value` to a JSDoc block, turning a one-line block into a multi-line one. */
function addToJsDoc(text: string, anchor: DocAnchor, comment: TextRange, line: string): TextEdit {
  const body = text.slice(comment.start, comment.end);
  const eol = anchor.eol;
  if (!body.includes('\n')) {
    const inner = body.slice(3, -2).trim();
    if (!startsLine(text, comment.start)) {
      return { start: comment.start, end: comment.end, newText: `/** ${inner ? `${inner} ` : ''}${line} */` };
    }
    const indent = indentOf(text, comment.start);
    const lines = [`/**`, ...(inner ? [`${indent} * ${inner}`] : []), `${indent} * ${line}`, `${indent} */`];
    return { start: comment.start, end: comment.end, newText: lines.join(eol) };
  }
  const indent = indentOf(text, comment.start);
  const closeAt = comment.end - 2;
  const lastLineStart = lineStartOf(text, closeAt);
  if (/^[ \t]*$/.test(text.slice(lastLineStart, closeAt))) {
    return { start: lastLineStart, end: lastLineStart, newText: `${indent} * ${line}${eol}` };
  }
  return { start: closeAt, end: comment.end, newText: `${eol}${indent} * ${line}${eol}${indent} */` };
}

/**
 * The edit that declares `@name value` on the declaration behind `anchor`, in `text` (the file).
 * JSDoc: into the existing block or a new `/** … *\/`; Prisma: a new `///` line.
 */
export function addTagEdit(text: string, anchor: DocAnchor, name: string, value: string): TextEdit {
  const line = value.length > 0 ? `@${name} ${value}` : `@${name}`;
  if (anchor.style === 'prisma') {
    if (anchor.comment) return { start: anchor.comment.end, end: anchor.comment.end, newText: `${anchor.eol}${anchor.indent}/// ${line}` };
    return { start: anchor.insertAt, end: anchor.insertAt, newText: `/// ${line}${anchor.eol}${anchor.indent}` };
  }
  if (anchor.comment) return addToJsDoc(text, anchor, anchor.comment, line);
  if (startsLine(text, anchor.insertAt)) return { start: anchor.insertAt, end: anchor.insertAt, newText: `/** ${line} */${anchor.eol}${anchor.indent}` };
  return { start: anchor.insertAt, end: anchor.insertAt, newText: `/** ${line} */ ` };
}

/** Replaces a tag's value (the range from DocTag.valueRange, or part of it). */
export function replaceValueEdit(range: TextRange, value: string): TextEdit {
  return { start: range.start, end: range.end, newText: value };
}

/** Where each entry of a list value (`a, b c`) sits in the file: for per-entry findings. */
export function listEntries(value: string, valueRange: TextRange): { value: string; range: TextRange }[] {
  const entries: { value: string; range: TextRange }[] = [];
  const pattern = /[^,\s]+/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    entries.push({ value: match[0], range: { start: valueRange.start + match.index, end: valueRange.start + match.index + match[0].length } });
  }
  return entries;
}
