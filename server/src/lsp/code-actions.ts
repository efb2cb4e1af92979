// Code actions for a document at its current version, built only from the cached analysis (no new
// analysis here): each finding's safe fix (preferred) and suggestions, "Mark as not personal data",
// "Ignore on this line", "Create privacy.manifest.json", and source.fixAll.privacySteward.
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataElement, TextEdit } from '../../../rules/api';
import { addTagEdit } from '../../../rules/lib/doc-edits';
import { applyFixes, type Finding, type Fix } from '../engine';
import type { CachedAnalysis } from './analysis';
import { type EditTarget, toDiagnostic, toRange, toWorkspaceEdit } from './convert';
import { APPLY_SNIPPET_COMMAND, SERVER_COMMANDS, type SnippetArguments } from './protocol';
import type { Workspaces } from './workspaces';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.privacySteward`;

/** Rules about a field's declarations: the field may also simply not be personal data. */
const DECLARATION_RULES = new Set(['missing-purpose', 'missing-retention', 'special-category-without-basis', 'public-data-without-basis']);
const MANIFEST_RULES = new Set(['missing-purpose', 'missing-retention', 'unknown-purpose', 'invalid-retention']);

export interface ActionContext {
  readonly document: TextDocument;
  readonly cached: CachedAnalysis;
  readonly workspaces: Workspaces;
  readonly openDocument: (uri: string) => TextDocument | undefined;
  readonly documentChanges: boolean;
  readonly snippetCommand: boolean;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Where the edits of a fix go: this document, or the manifest (open in the editor or on disk). */
function targets(context: ActionContext): (file: string | undefined) => EditTarget | undefined {
  const { document, cached } = context;
  const workspace = cached.located.workspace;
  return (file) => {
    if (file === undefined || file === cached.located.relative) return { uri: document.uri, version: document.version, document };
    if (file !== workspace.relative(workspace.manifestPath)) return undefined;
    const uri = context.workspaces.uriOf(workspace, file);
    const open = context.openDocument(uri);
    if (open) return { uri, version: open.version, document: open };
    const text = workspace.manifest.text;
    if (text === undefined) return undefined;
    return { uri, version: null, document: TextDocument.create(uri, 'json', 0, text) };
  };
}

function fixAction(context: ActionContext, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction | undefined {
  const edit = toWorkspaceEdit(fix, targets(context), context.documentChanges);
  if (!edit) return undefined;
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit };
}

/** Escapes text for a snippet, so that only our placeholder is one. */
function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** An insertion with a placeholder word the person fills in: a snippet when the client can, else plain text. */
function placeholderAction(context: ActionContext, title: string, edit: TextEdit, placeholder: string, diagnostic: Diagnostic): CodeAction {
  const range = toRange(context.document, edit.start, edit.end);
  if (context.snippetCommand) {
    const marker = '\u0000';
    const snippet = snippetEscape(edit.newText.replace(placeholder, marker)).replace(marker, `\${1:${placeholder}}`);
    const args: SnippetArguments = { uri: context.document.uri, version: context.document.version, range, snippet };
    const command: Command = { title, command: APPLY_SNIPPET_COMMAND, arguments: [args] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command };
  }
  const workspaceEdit = toWorkspaceEdit({ edits: [edit] }, targets(context), context.documentChanges);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(workspaceEdit ? { edit: workspaceEdit } : {}) };
}

/** `// privacy-steward-ignore <rule> -- reason` above the element (its doc comment and decorators included) or the finding. */
function ignoreEdit(context: ActionContext, finding: Finding, element: DataElement | undefined): TextEdit {
  const text = context.document.getText();
  const anchor = element ? (element.doc.comment?.start ?? element.range.start) : finding.range.start;
  const position = context.document.positionAt(anchor);
  const lineStart = context.document.offsetAt({ line: position.line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}// privacy-steward-ignore ${finding.ruleId} -- reason${eol}` };
}

function actionsFor(context: ActionContext, finding: Finding): CodeAction[] {
  const { document, cached } = context;
  const diagnostic = toDiagnostic(finding, document);
  const actions: CodeAction[] = [];
  if (finding.fix) {
    const action = fixAction(context, finding.fix, diagnostic, true);
    if (action) actions.push(action);
  }
  for (const suggestion of finding.suggestions) {
    const action = fixAction(context, suggestion, diagnostic, false);
    if (action) actions.push(action);
  }
  const element = finding.elementId ? cached.analysis.model?.elements.find((e) => e.id === finding.elementId) : undefined;
  if (element && DECLARATION_RULES.has(finding.ruleId)) {
    const edit = addTagEdit(document.getText(), element.doc, 'notPersonal', 'reason');
    actions.push(placeholderAction(context, `Mark ${element.id} as not personal data`, edit, 'reason', diagnostic));
  }
  if (!cached.located.workspace.manifest.present && MANIFEST_RULES.has(finding.ruleId)) {
    actions.push({ title: 'Create privacy.manifest.json', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Create privacy.manifest.json', command: SERVER_COMMANDS.createManifest, arguments: [cached.located.workspace.root] } });
  }
  if (finding.ruleId !== 'internal-error' && !finding.ruleId.startsWith('invalid-manifest')) {
    actions.push(placeholderAction(context, `Ignore ${finding.ruleId} here`, ignoreEdit(context, finding, element), 'reason', diagnostic));
  }
  return actions;
}

/** Every safe fix of the document as one edit, for source.fixAll (e.g. editor.codeActionsOnSave). */
function fixAll(context: ActionContext): CodeAction | undefined {
  const fixes = context.cached.analysis.findings.filter((f) => f.file === context.cached.located.relative && f.fix).map((f) => f.fix as Fix);
  if (fixes.length === 0) return undefined;
  const { applied } = applyFixes(context.document.getText(), fixes, context.cached.located.relative);
  const local = applied.flatMap((fix) => fix.edits.filter((e) => e.file === undefined || e.file === context.cached.located.relative));
  const edit = toWorkspaceEdit({ edits: local }, targets(context), context.documentChanges);
  return edit ? { title: 'Fix all Privacy Steward problems', kind: FIX_ALL_KIND, edit } : undefined;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(context: ActionContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const fingerprints = new Set(params.context.diagnostics.map((d) => (d.data as { fingerprint?: string } | undefined)?.fingerprint).filter((f): f is string => f !== undefined));
    for (const finding of context.cached.analysis.findings) {
      if (finding.file !== context.cached.located.relative) continue;
      const range = toRange(context.document, finding.range.start, finding.range.end);
      if (fingerprints.has(finding.fingerprint) || (fingerprints.size === 0 && overlaps(range, params.range))) actions.push(...actionsFor(context, finding));
    }
  }
  if (wants(only, FIX_ALL_KIND) && (only !== undefined || actions.length > 0)) {
    const all = fixAll(context);
    if (all) actions.push(all);
  }
  return actions;
}
