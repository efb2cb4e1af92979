// Conversions between the engine's plain data and LSP types: offsets ⇄ positions, findings ⇄
// diagnostics, fixes ⇄ workspace edits. Pure functions; the only place both vocabularies meet.
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CreateFile,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type OptionalVersionedTextDocumentIdentifier,
  type Range,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../../rules/api';
import type { Finding, Fix } from '../engine';

export const DIAGNOSTIC_SOURCE = 'privacy-steward';

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function pathToUri(absolute: string): string {
  return pathToFileURL(absolute).href;
}

/** A range of offsets in `document` as an LSP range. */
export function toRange(document: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** The data a diagnostic carries so that code actions can find their finding again. */
export interface DiagnosticData {
  readonly fingerprint: string;
  /** For manifest problems: syntax, schema or reference (editors with JSON Schema support show the first two themselves). */
  readonly kind?: string;
}

export function toDiagnostic(finding: Finding, document: Pick<TextDocument, 'positionAt'>): Diagnostic {
  const data: DiagnosticData = { fingerprint: finding.fingerprint, ...(finding.ruleId === 'invalid-manifest' && finding.messageId ? { kind: finding.messageId } : {}) };
  return {
    range: toRange(document, finding.range.start, finding.range.end),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.message,
    data,
    ...(finding.ruleId === 'skipped-file' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

/** A position-based range from a 1-based line/column finding (for files that are not open). */
export function findingRange(finding: Finding): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

export interface EditTarget {
  readonly uri: string;
  /** The open document's version, or null for a file on disk. */
  readonly version: number | null;
  readonly document: Pick<TextDocument, 'positionAt'>;
  /** The file does not exist yet: create it first. */
  readonly create?: boolean;
}

/**
 * A workspace edit for a fix. `targetOf` maps an edit's file (undefined: the finding's own file)
 * to the document it applies to; edits for unknown files are dropped.
 */
export function toWorkspaceEdit(fix: Pick<Fix, 'edits'>, targetOf: (file: string | undefined) => EditTarget | undefined, documentChanges: boolean): WorkspaceEdit | undefined {
  const byUri = new Map<string, { target: EditTarget; edits: LspTextEdit[] }>();
  for (const edit of fix.edits as readonly TextEdit[]) {
    const target = targetOf(edit.file);
    if (!target) return undefined;
    const entry = byUri.get(target.uri) ?? { target, edits: [] };
    entry.edits.push({ range: toRange(target.document, edit.start, edit.end), newText: edit.newText });
    byUri.set(target.uri, entry);
  }
  if (byUri.size === 0) return undefined;
  if (!documentChanges) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [uri, { edits }] of byUri) changes[uri] = edits;
    return { changes };
  }
  const operations: (TextDocumentEdit | CreateFile)[] = [];
  for (const [uri, { target, edits }] of byUri) {
    if (target.create) operations.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    const textDocument: OptionalVersionedTextDocumentIdentifier = { uri, version: target.version };
    operations.push({ textDocument, edits });
  }
  return { documentChanges: operations };
}
