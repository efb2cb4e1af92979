// Entry point of dist/server.js (--stdio or node IPC): wires the LSP connection to the engine's
// LiveWorkspace through small handlers — documents, diagnostics, code actions, hover, completion,
// the inventory and the commands. The only module that registers handlers on the connection.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type ClientCapabilities,
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  type InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../../../rules';
import { STARTER_MANIFEST } from '../../../rules/manifest/defaults';
import { LineIndex, type Logger } from '../engine';
import type { DataElement } from '../../../rules/api';
import { DocumentAnalyzer } from './analysis';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { completionsAt } from './completion';
import { pathToUri, toDiagnostic, toRange, uriToPath } from './convert';
import { type FlowLine, hoverAt } from './hover';
import { buildInventory, statusOf } from './inventory';
import { INVENTORY_REQUEST, type InitializationOptions, PIA_REQUEST, PIA_SAVE_REQUEST, type PiaParams, type PiaResult, type PiaSaveParams, SERVER_COMMANDS, STATUS_NOTIFICATION } from './protocol';
import { piaCodeLenses, piaFor } from './pia';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { Workspaces } from './workspaces';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let options: InitializationOptions = {};
let debug = false;
let ready = false;
const roots: string[] = [];

const logger: Logger = {
  error: (m) => connection.console.error(m),
  warn: (m) => connection.console.warn(m),
  info: (m) => connection.console.info(m),
  debug: (m) => {
    if (debug) connection.console.log(m);
  },
};

const workspaces = new Workspaces(RULES, logger);
const settingsCache = new Map<string, Promise<Settings>>();

/** Settings for a document's folder, fetched once per folder until the configuration changes. */
function settingsFor(uri: string): Promise<Settings> {
  if (!capabilities.workspace?.configuration) return Promise.resolve(DEFAULT_SETTINGS);
  const root = workspaces.locate(uri)?.workspace.root ?? '';
  let cached = settingsCache.get(root);
  if (!cached) {
    cached = connection.workspace.getConfiguration({ scopeUri: root ? pathToUri(root) : uri, section: 'privacySteward' }).then(
      (raw: unknown) => {
        const { settings, problems } = readSettings(raw);
        for (const problem of problems) logger.warn(problem);
        return settings;
      },
      () => DEFAULT_SETTINGS,
    );
    settingsCache.set(root, cached);
  }
  return cached;
}

let analyzer: DocumentAnalyzer | undefined;

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  options = (params.initializationOptions ?? {}) as InitializationOptions;
  debug = params.trace === 'verbose';
  for (const folder of params.workspaceFolders ?? []) {
    const root = uriToPath(folder.uri);
    if (root) roots.push(root);
  }
  if (roots.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) roots.push(root);
  }
  // Registered now so that documents opened before the workspace pass find their folder.
  for (const root of roots) workspaces.add(root);
  analyzer = new DocumentAnalyzer({
    connection,
    documents,
    workspaces,
    settingsFor,
    logger,
    debounceMs: typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : 200,
    pull: capabilities.textDocument?.diagnostic !== undefined,
    onManifestEdited: (workspace, manifestUri) => {
      workspace.classifyAll();
      analyzer?.invalidateAll(manifestUri);
      statusSoon();
    },
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      diagnosticProvider: { identifier: 'privacy-steward', interFileDependencies: true, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['@', ' ', ':', ','], resolveProvider: false },
      executeCommandProvider: { commands: [SERVER_COMMANDS.scanWorkspace, SERVER_COMMANDS.createManifest] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'privacy-steward' },
  };
});

function sendStatus(state?: 'loading' | 'error', message?: string): void {
  const status = state ? { state, personal: 0, undeclared: 0, ...(message ? { message } : {}) } : statusOf(buildInventory(workspaces, ready));
  void connection.sendNotification(STATUS_NOTIFICATION, status);
}

/** The workspace pass: reads and classifies every file of every folder, with $/progress. */
async function loadWorkspaces(): Promise<void> {
  ready = false;
  sendStatus('loading');
  const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Privacy Steward', 0, 'Reading the workspace…', false);
  try {
    for (const root of roots) {
      const settings = await settingsFor(pathToUri(path.join(root, 'x')));
      const workspace = workspaces.reset(root, settings.manifest || undefined);
      await workspace.loadAll({ onProgress: (done, total) => progress?.report(total > 0 ? Math.round((100 * done) / total) : 0, `${done} of ${total} files`) });
    }
    progress?.done();
    ready = true;
    sendStatus();
  } catch (error) {
    progress?.done();
    logger.error(`workspace pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendStatus('error', 'The workspace could not be read; see the Privacy Steward log.');
  }
  analyzer?.invalidateAll();
}

connection.onInitialized(() => {
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  }
  void loadWorkspaces();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  void loadWorkspaces();
});

// Documents: the analyzer reads their current text and version.
documents.onDidOpen((event) => analyzer?.schedule(event.document, 'open'));
documents.onDidChangeContent((event) => analyzer?.schedule(event.document, 'change'));
documents.onDidSave((event) => analyzer?.schedule(event.document, 'save'));
documents.onDidClose((event) => {
  analyzer?.closed(event.document.uri);
  const located = workspaces.locate(event.document.uri);
  const manifestOf = workspaces.manifestOf(event.document.uri);
  if (manifestOf) {
    manifestOf.loadManifest();
    manifestOf.classifyAll();
    analyzer?.invalidateAll();
  } else if (located && located.workspace.has(located.relative)) {
    // Back to what is on disk.
    void located.workspace.setFromDisk(located.relative);
  }
});

let statusTimer: NodeJS.Timeout | undefined;
/** The status bar counts follow edits, at most twice a second. */
function statusSoon(): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => sendStatus(), 500);
}

connection.languages.diagnostics.on(async (params, token) => {
  const items = analyzer ? await analyzer.pullDiagnostics(params.textDocument.uri, token) : [];
  statusSoon();
  return { kind: DocumentDiagnosticReportKind.Full, items: [...items] };
});

connection.onDidChangeWatchedFiles(async (params) => {
  let manifestChanged = false;
  for (const change of params.changes) {
    const manifestOf = workspaces.manifestOf(change.uri);
    if (manifestOf) {
      if (!documents.get(change.uri)) manifestOf.loadManifest();
      manifestChanged = true;
      continue;
    }
    if (documents.get(change.uri)) continue; // the editor's text wins over the disk's
    const located = workspaces.locate(change.uri);
    if (!located || !located.workspace.isAnalysable(located.relative)) continue;
    if (change.type === FileChangeType.Deleted) located.workspace.remove(located.relative);
    else await located.workspace.setFromDisk(located.relative);
  }
  if (manifestChanged) for (const workspace of workspaces.all()) workspace.classifyAll();
  analyzer?.invalidateAll();
  statusSoon();
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const cached = document ? analyzer?.cached(document.uri, document.version) : undefined;
  if (!document || !cached) return [];
  return codeActions(
    {
      document,
      cached,
      workspaces,
      openDocument: (uri) => documents.get(uri),
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      snippetCommand: options.snippetCommand === true,
    },
    params,
  );
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const cached = document ? await analyzer?.current(document) : undefined;
  if (!document || !cached) return null;
  const workspace = cached.located.workspace;
  const flowsOf = (element: DataElement): FlowLine[] => {
    const lines = new Map<string, LineIndex>();
    return workspace
      .allFlows()
      .filter((flow) => flow.element?.id === element.id && flow.element.file === element.file)
      .map((flow) => {
        let index = lines.get(flow.file);
        if (!index) lines.set(flow.file, (index = new LineIndex(workspace.textOf(flow.file) ?? '')));
        return { flow, location: `${flow.file}:${index.positionAt(flow.range.start).line}` };
      });
  };
  return hoverAt(cached.analysis.model, document.offsetAt(params.position), workspace.manifest, workspace.taxonomy, flowsOf) ?? null;
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  const located = document ? workspaces.locate(document.uri) : undefined;
  if (!document || !located) return [];
  const workspace = located.workspace;
  const personalTypes = [...new Set(workspace.elements().filter((e) => e.classification.personal).map((e) => e.container.split('.')[0] ?? e.container))].sort();
  return completionsAt({
    text: document.getText(),
    offset: document.offsetAt(params.position),
    manifest: workspace.manifest,
    taxonomy: workspace.taxonomy,
    personalTypes,
    toRange: (start, end) => toRange(document, start, end),
  });
});

connection.onRequest(INVENTORY_REQUEST, () => buildInventory(workspaces, ready));

/** The folder a PIA request is about: the one named, else the first. */
function piaRoot(params: PiaParams): string | undefined {
  const named = params.root ? uriToPath(params.root) : undefined;
  return named ?? roots[0];
}

async function piaRequest(params: PiaParams, answers?: PiaSaveParams['answers']): Promise<PiaResult | null> {
  const root = piaRoot(params);
  if (!root) return null;
  const settings = await settingsFor(pathToUri(path.join(root, 'x')));
  try {
    return await piaFor(root, settings.manifest ? path.resolve(root, settings.manifest) : undefined, answers, logger);
  } catch (error) {
    logger.error(`privacy impact assessment failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  }
}

connection.onRequest(PIA_REQUEST, (params: PiaParams) => piaRequest(params));
connection.onRequest(PIA_SAVE_REQUEST, (params: PiaSaveParams) => piaRequest(params, params.answers));

connection.onCodeLens(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const cached = document ? await analyzer?.current(document) : undefined;
  if (!document || !cached) return [];
  return piaCodeLenses(cached.analysis.model, document, cached.located.workspace.root);
});

connection.onExecuteCommand(async (params) => {
  if (params.command === SERVER_COMMANDS.scanWorkspace) {
    await loadWorkspaces();
    // Diagnostics for every file, open or not, so that the Problems panel shows the workspace.
    for (const workspace of workspaces.all()) {
      for (const element of new Set(workspace.elements().map((e) => e.file))) {
        const uri = workspaces.uriOf(workspace, element);
        if (documents.get(uri)) continue;
        const analysis = workspace.analyse(element);
        const text = workspace.textOf(element) ?? '';
        const document = TextDocument.create(uri, 'plaintext', 0, text);
        await connection.sendDiagnostics({ uri, diagnostics: analysis.findings.filter((f) => f.file === element).map((f) => toDiagnostic(f, document)) });
      }
    }
    const inventory = buildInventory(workspaces, ready);
    return { personal: inventory.personal, undeclared: inventory.undeclared };
  }
  if (params.command === SERVER_COMMANDS.createManifest) {
    const root = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : roots[0];
    if (!root) return null;
    const file = path.join(root, 'privacy.manifest.json');
    if (fs.existsSync(file)) return { created: false, uri: pathToUri(file) };
    const uri = pathToUri(file);
    const text = `${JSON.stringify(STARTER_MANIFEST, null, 2)}\n`;
    const result = await connection.workspace.applyEdit({
      label: 'Create privacy.manifest.json',
      edit: { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] }] },
    });
    return { created: result.applied, uri };
  }
  return null;
});

documents.listen(connection);
connection.listen();
