// Analyses open documents for diagnostics: debounced, computed for the document's current version
// only, cached by (uri, version) for code actions and hovers, and never shown when the document
// moved on meanwhile. Serves pull requests and pushes to clients that cannot pull.
import { type CancellationToken, type Connection, type Diagnostic, LSPErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Logger } from '../engine';
import type { FileAnalysis, LiveWorkspace } from '../engine/live-workspace';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';
import type { Located, Workspaces } from './workspaces';

export interface CachedAnalysis {
  readonly version: number;
  /** The workspace generation it was computed in; invalidateAll starts a new one. */
  readonly generation: number;
  readonly located: Located;
  readonly analysis: FileAnalysis;
  readonly diagnostics: readonly Diagnostic[];
}

/** Thrown inside analysis when the document changed; the result is dropped. */
class StaleError extends Error {}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DocumentAnalyzer {
  private readonly cache = new Map<string, CachedAnalysis>();
  private generation = 0;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: {
      readonly connection: Connection;
      readonly documents: TextDocuments<TextDocument>;
      readonly workspaces: Workspaces;
      readonly settingsFor: (uri: string) => Promise<Settings>;
      readonly logger: Logger;
      readonly debounceMs: number;
      /** The client pulls diagnostics; otherwise the server publishes them. */
      readonly pull: boolean;
      /** The open manifest's text changed: the workspace must be classified again. */
      readonly onManifestEdited: (workspace: LiveWorkspace, manifestUri: string) => void;
    },
  ) {}

  /**
   * The analysis of a document at exactly this version, if there is one. It may predate the last
   * invalidation (a workspace pass, a manifest edit): its edits still fit the text, so code actions
   * keep working until the new analysis replaces it.
   */
  cached(uri: string, version: number): CachedAnalysis | undefined {
    const entry = this.cache.get(uri);
    return entry && entry.version === version ? entry : undefined;
  }

  /** The cached analysis only when it is current: same version, same workspace generation. */
  private fresh(uri: string, version: number): CachedAnalysis | undefined {
    const entry = this.cached(uri, version);
    return entry && entry.generation === this.generation ? entry : undefined;
  }

  /** Analyses the document at its current version; throws StaleError when it changes meanwhile. */
  private async analyse(document: TextDocument, token?: CancellationToken): Promise<CachedAnalysis> {
    const version = document.version;
    const generation = this.generation;
    const hit = this.fresh(document.uri, version);
    if (hit) return hit;
    const check = (): void => {
      if (token?.isCancellationRequested || this.deps.documents.get(document.uri)?.version !== version) throw new StaleError();
    };
    const located = this.deps.workspaces.locate(document.uri);
    if (!located) throw new StaleError();
    const started = performance.now();
    const manifestWorkspace = this.deps.workspaces.manifestOf(document.uri);
    let analysis: FileAnalysis;
    if (manifestWorkspace) {
      const text = document.getText();
      const changed = manifestWorkspace.manifest.text !== text;
      manifestWorkspace.loadManifest(text);
      if (changed) this.deps.onManifestEdited(manifestWorkspace, document.uri);
      analysis = { path: located.relative, findings: manifestWorkspace.manifestFindings, model: undefined };
    } else if (located.workspace.isAnalysable(located.relative)) {
      await located.workspace.setText(located.relative, document.getText(), true);
      // Let pending messages (a newer edit, a cancellation) in before the rules run.
      await nextTurn();
      check();
      analysis = located.workspace.analyse(located.relative);
    } else {
      analysis = { path: located.relative, findings: [], model: undefined };
    }
    check();
    const diagnostics = analysis.findings.filter((f: Finding) => f.file === located.relative).map((f) => toDiagnostic(f, document));
    const entry: CachedAnalysis = { version, generation, located, analysis, diagnostics };
    this.cache.set(document.uri, entry);
    this.deps.logger.debug(`analysed ${located.relative} v${version} in ${Math.round(performance.now() - started)} ms: ${diagnostics.length} diagnostics`);
    return entry;
  }

  /** The analysis of the document's current version, computed now if there is none (for hovers). */
  async current(document: TextDocument): Promise<CachedAnalysis | undefined> {
    try {
      return await this.analyse(document);
    } catch (error) {
      if (error instanceof StaleError) return undefined;
      throw error;
    }
  }

  /** Handler of textDocument/diagnostic (pull). */
  async pullDiagnostics(uri: string, token: CancellationToken): Promise<readonly Diagnostic[]> {
    const document = this.deps.documents.get(uri);
    if (!document) return [];
    if (!(await this.deps.settingsFor(uri)).enable) return [];
    const version = document.version;
    if (!this.fresh(uri, version)) {
      await this.delay(token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    }
    try {
      return (await this.analyse(document, token)).diagnostics;
    } catch (error) {
      if (error instanceof StaleError) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
      throw error;
    }
  }

  private delay(token?: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      if (this.deps.debounceMs <= 0) return resolve();
      const timer = setTimeout(resolve, this.deps.debounceMs);
      token?.onCancellationRequested(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Push mode: a document changed (or opened); analyse it after the debounce. */
  schedule(document: TextDocument, reason: 'change' | 'open' | 'save'): void {
    if (this.deps.pull) return;
    const existing = this.timers.get(document.uri);
    if (existing) clearTimeout(existing);
    const delay = reason === 'change' ? this.deps.debounceMs : 0;
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.publish(document.uri, reason);
      }, delay),
    );
  }

  private async publish(uri: string, reason: 'change' | 'open' | 'save'): Promise<void> {
    const document = this.deps.documents.get(uri);
    if (!document) return;
    const settings = await this.deps.settingsFor(uri);
    if (!settings.enable) {
      await this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (settings.run === 'onSave' && reason === 'change') return;
    try {
      const entry = await this.analyse(document);
      await this.deps.connection.sendDiagnostics({ uri, version: entry.version, diagnostics: [...entry.diagnostics] });
    } catch (error) {
      if (error instanceof StaleError) return; // a newer version is on its way
      this.deps.logger.error(`analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** A document closed: forget its analysis; push clients get their diagnostics cleared. */
  closed(uri: string): void {
    this.cache.delete(uri);
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.deps.pull) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Everything may have changed (manifest, settings, a workspace pass): analyse open documents again. */
  invalidateAll(except?: string): void {
    this.generation++;
    // The except document (the manifest being edited) is current: carry it into the new generation.
    const kept = except ? this.cache.get(except) : undefined;
    if (except && kept) this.cache.set(except, { ...kept, generation: this.generation });
    if (this.deps.pull) {
      void this.deps.connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const document of this.deps.documents.all()) if (document.uri !== except) this.schedule(document, 'open');
    }
  }
}
