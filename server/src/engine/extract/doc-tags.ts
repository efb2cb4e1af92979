// Reads privacy tags (@personal, @purpose, @retention…) out of a doc comment's text, with the
// offsets of each tag and value so that problems point at the exact place. Used for JSDoc and Prisma ///.
import { table } from '../../../../rules/lib/tables';
import type { DocTag, PrivacyTagName, TextRange } from '../../../../rules/api';
import { PRIVACY_TAG_NAMES } from '../../../../rules/declarations/vocabulary';

/** Tag names that differ only in case or spelling are accepted and normalised (@notpersonal, @not-personal). */
const TAG_ALIASES: Readonly<Record<string, PrivacyTagName>> = table({
  notpersonal: 'notPersonal',
  'not-personal': 'notPersonal',
  not_personal: 'notPersonal',
  purposes: 'purpose',
  legalbasis: 'basis',
  'legal-basis': 'basis',
});

const TAG = /(^|[\s*/])@([A-Za-z][A-Za-z_-]*)/g;

/**
 * Finds the privacy tags in `comment` (the raw text of a `/** … *\/` block or of `///` lines) that
 * starts at `offset` in the file. A tag's value runs to the end of its line.
 */
export function parseDocTags(comment: string, offset: number, owner: DocTag['owner']): DocTag[] {
  const tags: DocTag[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(comment); match; match = TAG.exec(comment)) {
    const rawName = match[2] ?? '';
    const name = normaliseTagName(rawName);
    if (!name) continue;
    const tagStart = match.index + (match[1] ?? '').length;
    const afterName = tagStart + 1 + rawName.length;
    let lineEnd = comment.indexOf('\n', afterName);
    if (lineEnd < 0) lineEnd = comment.length;
    let valueText = comment.slice(afterName, lineEnd);
    // A one-line block ends with */ on the same line; it is not part of the value.
    const close = valueText.indexOf('*/');
    if (close >= 0) valueText = valueText.slice(0, close);
    const leading = valueText.length - valueText.trimStart().length;
    const value = valueText.trim().replace(/\r$/, '').trim();
    const valueStart = afterName + leading;
    const range: TextRange = { start: offset + tagStart, end: offset + valueStart + value.length };
    const valueRange: TextRange = { start: offset + valueStart, end: offset + valueStart + value.length };
    tags.push({ name, value, range: value.length > 0 ? range : { start: offset + tagStart, end: offset + afterName }, valueRange, owner });
  }
  return tags;
}

function normaliseTagName(raw: string): PrivacyTagName | undefined {
  if (PRIVACY_TAG_NAMES.has(raw)) return raw as PrivacyTagName;
  return TAG_ALIASES[raw.toLowerCase()] ?? (PRIVACY_TAG_NAMES.has(raw.toLowerCase()) ? (raw.toLowerCase() as PrivacyTagName) : undefined);
}
