// Starts dist/server.js over node IPC and configures the language client: which documents it
// watches, when diagnostics are pulled (privacySteward.run), the snippet command, and a filter that
// leaves the manifest's syntax and schema errors to VS Code's own JSON validation.
import * as vscode from 'vscode';
import { type Diagnostic as LspDiagnostic, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

const SOURCES = '{ts,tsx,mts,cts,js,jsx,mjs,cjs,prisma}';

function runOnType(): boolean {
  return vscode.workspace.getConfiguration('privacySteward').get<string>('run', 'onType') !== 'onSave';
}

/** VS Code validates privacy.manifest.json against our JSON Schema itself (contributes.jsonValidation). */
function shownByVsCode(uri: vscode.Uri, diagnostic: vscode.Diagnostic): boolean {
  if (!uri.path.endsWith('/privacy.manifest.json')) return false;
  const kind = (diagnostic as vscode.Diagnostic & { data?: { kind?: string } }).data?.kind;
  return kind === 'syntax' || kind === 'schema';
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { snippetCommand: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', pattern: '**/*.prisma' },
      { scheme: 'file', pattern: '**/privacy.manifest.json' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/{privacy.manifest.json,*.${SOURCES}}`) },
    diagnosticPullOptions: { onChange: true, onSave: true, filter: (_document, mode) => mode === 'onType' && !runOnType() },
    initializationOptions,
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (report && report.kind === 'full') return { ...report, items: report.items.filter((d) => !shownByVsCode(uri, d)) };
        return report;
      },
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.filter((d) => !shownByVsCode(uri, d))),
    },
  };
  return new LanguageClient('privacySteward', 'Privacy Steward', serverOptions, clientOptions);
}

export type { LspDiagnostic };
