// Text edits to privacy.manifest.json computed with jsonc-parser, so that an existing manifest keeps
// its formatting: add a purpose, a retention policy or an event.
import { modify } from 'jsonc-parser';
import type { ResolvedManifest, TextEdit } from '../api';

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** Sets the value at a JSON path of the manifest; undefined when the workspace has no manifest file. */
export function setManifestValue(manifest: ResolvedManifest, path: readonly string[], value: unknown): TextEdit[] | undefined {
  if (!manifest.present || manifest.path === undefined || manifest.text === undefined) return undefined;
  const eol = manifest.text.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(manifest.text, [...path], value, { formattingOptions: { ...FORMAT, eol } });
  const file = manifest.path;
  return edits.map((edit) => ({ start: edit.offset, end: edit.offset + edit.length, newText: edit.content, file }));
}

/** Adds `section.id = value` to the manifest; undefined when the workspace has no manifest file. */
export function addManifestEntry(manifest: ResolvedManifest, section: 'purposes' | 'retentionPolicies' | 'events' | 'recipients', id: string, value: Record<string, unknown>): TextEdit[] | undefined {
  return setManifestValue(manifest, [section, id], value);
}
