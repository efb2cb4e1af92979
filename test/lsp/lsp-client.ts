// A minimal LSP client for protocol tests: spawns dist/server.js --stdio, speaks JSON-RPC through
// vscode-languageserver-protocol, answers the server's requests (progress, registration, applyEdit)
// and records what it publishes.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export const uriOf = (file: string): string => pathToFileURL(file).href;

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: unknown[] = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  refreshes = 0;
  private readonly process: ChildProcess;
  private readonly waiters: (() => void)[] = [];

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      this.wake();
    });
    this.connection.onNotification('privacySteward/status', (params: unknown) => {
      this.notifications.push({ method: 'privacySteward/status', params });
      this.wake();
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.applied.push(params.edit);
      this.wake();
      return { applied: true };
    });
    this.connection.listen();
  }

  /** The server's process id (for its RSS). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `check` returns a value, re-checking after every message; rejects after `ms`. */
  async waitFor<T>(what: string, check: () => T | undefined, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async initialize(root: string, capabilities: ClientCapabilities, initializationOptions: object = { debounceMs: 0 }): Promise<InitializeResult> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
      capabilities,
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The status notification that says the workspace pass is done. */
  ready(): Promise<unknown> {
    return this.waitFor('the workspace pass', () => this.notifications.find((n) => n.method === 'privacySteward/status' && (n.params as { state: string }).state === 'ready'));
  }

  open(file: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version, text } });
  }

  change(file: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
  }

  /** The latest diagnostics published for a file, once there are some for `version` (if given). */
  diagnostics(file: string, version?: number, check: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    return this.waitFor(`diagnostics for ${path.basename(file)}${version !== undefined ? ` v${version}` : ''}`, () => {
      const last = [...this.published].reverse().find((p) => p.uri === uri);
      if (!last || (version !== undefined && last.version !== version) || !check(last.diagnostics)) return undefined;
      return last.diagnostics;
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
