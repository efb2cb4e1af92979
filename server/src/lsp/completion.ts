// Completion inside privacy tags, in JSDoc blocks and Prisma `///` comments: tag names after `@`,
// then values from the manifest (purposes, policies, events, consent keys) and the taxonomy.
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver';
import type { PrivacyTagName, ResolvedManifest, Taxonomy } from '../../../rules/api';
import { ART6_BASES, ART9_CONDITIONS, ART10_AUTHORISATIONS } from '../../../rules/declarations/bases';
import { BUILT_IN_SUBJECTS, DATA_SOURCES } from '../../../rules/declarations/vocabulary';

const TAGS: readonly { name: PrivacyTagName; detail: string }[] = [
  { name: 'personal', detail: 'holds personal data of these categories' },
  { name: 'notPersonal', detail: 'not personal data; give the reason' },
  { name: 'purpose', detail: 'why it is collected (a manifest purpose)' },
  { name: 'retention', detail: 'how long it is kept' },
  { name: 'basis', detail: 'the lawful basis (and Art. 9 condition)' },
  { name: 'subject', detail: 'whose data the type holds' },
  { name: 'source', detail: 'where the data comes from' },
  { name: 'erases', detail: 'this function deletes that data' },
  { name: 'consent', detail: 'this function runs only after that consent' },
];

export interface CompletionContext {
  /** The document text and the cursor offset. */
  readonly text: string;
  readonly offset: number;
  readonly manifest: ResolvedManifest;
  readonly taxonomy: Taxonomy;
  /** Names of the workspace's types that hold personal data (for @erases). */
  readonly personalTypes: readonly string[];
  readonly toRange: (start: number, end: number) => Range;
}

/** Whether `offset` is inside a doc comment: a `/** … *\/` block or a `///` line. */
function inDocComment(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  if (/^\s*\/\/\//.test(text.slice(lineStart, offset))) return true;
  const open = text.lastIndexOf('/**', offset);
  if (open < 0) return false;
  const close = text.indexOf('*/', open);
  return close < 0 || close >= offset;
}

function item(label: string, kind: CompletionItemKind, detail: string | undefined, range: Range, sortText?: string): CompletionItem {
  return { label, kind, ...(detail ? { detail } : {}), textEdit: { range, newText: label }, ...(sortText ? { sortText } : {}) };
}

function valueItems(tag: string, context: CompletionContext, range: Range): CompletionItem[] {
  const { manifest, taxonomy } = context;
  switch (tag) {
    case 'purpose':
      return Object.entries(manifest.purposes).map(([id, p]) => item(id, CompletionItemKind.EnumMember, p.label, range));
    case 'retention':
      return [
        ...Object.entries(manifest.retentionPolicies).map(([id, p]) => item(`policy:${id}`, CompletionItemKind.EnumMember, `${p.label ?? 'policy'}: ${p.retention}`, range, `0${id}`)),
        ...['P30D', 'P90D', 'P1Y', 'P2Y', 'P7Y'].map((d) => item(d, CompletionItemKind.Value, 'ISO 8601 duration from collection', range, `1${d}`)),
        ...Object.keys(manifest.events).map((e) => item(`P1Y after ${e}`, CompletionItemKind.Value, 'a duration after an event', range, `2${e}`)),
        item('transient', CompletionItemKind.Keyword, 'never stored', range, '3'),
        item('session', CompletionItemKind.Keyword, 'kept for the session', range, '3'),
        item('indefinite because ', CompletionItemKind.Keyword, 'no end (always a warning); give the reason', range, '4'),
      ];
    case 'basis':
      return [...ART6_BASES, ...ART9_CONDITIONS, ...ART10_AUTHORISATIONS].map((b, i) =>
        item(b, CompletionItemKind.EnumMember, b.startsWith('art9.') ? 'GDPR Art. 9(2) condition' : b.startsWith('art10.') ? 'GDPR Art. 10 authorisation' : 'GDPR Art. 6 lawful basis', range, String(i).padStart(2, '0')),
      );
    case 'personal':
      return taxonomy.all().map((c) => item(c.key, CompletionItemKind.EnumMember, c.label, range));
    case 'subject':
      return [...BUILT_IN_SUBJECTS, ...(manifest.vocabulary.subjects ?? [])].map((s) => item(s, CompletionItemKind.EnumMember, 'data subject', range));
    case 'source':
      return DATA_SOURCES.map((s) => item(s, CompletionItemKind.EnumMember, 'data source', range));
    case 'consent':
      return [...new Set(Object.values(manifest.purposes).flatMap((p) => (p.consentKey ? [p.consentKey] : [])))].map((k) => item(k, CompletionItemKind.EnumMember, 'consent key', range));
    case 'erases':
      return context.personalTypes.map((t) => item(t, CompletionItemKind.Class, 'type with personal data', range));
    default:
      return [];
  }
}

export function completionsAt(context: CompletionContext): CompletionItem[] {
  const { text, offset } = context;
  if (!inDocComment(text, offset)) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const tagName = /(^|[\s*/])@([A-Za-z]*)$/.exec(before);
  if (tagName) {
    const partial = tagName[2] ?? '';
    const range = context.toRange(offset - partial.length, offset);
    return TAGS.map((t) => item(t.name, CompletionItemKind.Keyword, t.detail, range));
  }
  const value = /(?:^|[\s*/])@(\w+)\s+(?:[^@\n]*[,\s])?([^,\s@]*)$/.exec(before);
  if (!value) return [];
  const partial = value[2] ?? '';
  return valueItems(value[1] ?? '', context, context.toRange(offset - partial.length, offset));
}
