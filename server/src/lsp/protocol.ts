// Privacy Steward's own LSP methods, commands and payloads: defined once here and shared by the
// server and the VS Code client. Everything else is standard LSP.

/** The assessment's data-flow diagram, as the webview draws it. */
export type { Diagram } from '../engine/pia/diagram';

/** Request: the personal-data inventory of the workspace, grouped by category. */
export const INVENTORY_REQUEST = 'privacySteward/inventory';
/** Notification from the server: analysis state and counts, for the status bar and the view. */
export const STATUS_NOTIFICATION = 'privacySteward/status';

/** Request: the privacy impact assessment of a workspace folder, regenerated from the code (nothing is written). */
export const PIA_REQUEST = 'privacySteward/pia';
/** Request: the assessment with people's answers applied; the client writes the returned files. */
export const PIA_SAVE_REQUEST = 'privacySteward/piaSave';

export interface PiaParams {
  /** The workspace folder (file URI); the first folder when absent. */
  readonly root?: string;
}

export interface PiaSaveParams extends PiaParams {
  readonly answers: readonly { readonly id: string; readonly text: string; readonly by?: string }[];
}

export interface PiaResult {
  /** The assessment (pia.json's content). */
  readonly document: unknown;
  /** File URIs and texts to write: pia.json, PIA.md, the OTM threat model. */
  readonly files: readonly { readonly uri: string; readonly text: string }[];
  /** The committed files already say this. */
  readonly upToDate: boolean;
  /** A problem with the committed files (broken pia.json, PIA.md edited outside its blocks). */
  readonly problem?: string;
}

/** The client command code lenses name: opens the assessment at a record's part. */
export const OPEN_PIA_COMMAND = 'privacySteward.openPia';

/** Commands the server executes (workspace/executeCommand). */
export const SERVER_COMMANDS = {
  scanWorkspace: 'privacySteward.server.scanWorkspace',
  createManifest: 'privacySteward.server.createManifest',
} as const;

/** A client command the server's code actions may name: insert a snippet (the reason of @notPersonal). */
export const APPLY_SNIPPET_COMMAND = 'privacySteward.applySnippet';

export interface SnippetArguments {
  readonly uri: string;
  readonly version: number;
  /** Zero-based line and character where the snippet goes (replacing [start, end)). */
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly snippet: string;
}

/** initializationOptions the client may send. */
export interface InitializationOptions {
  /** Milliseconds to wait after an edit before analysing (default 200). */
  readonly debounceMs?: number;
  /** The client implements APPLY_SNIPPET_COMMAND. */
  readonly snippetCommand?: boolean;
}

export interface InventoryItem {
  readonly id: string;
  readonly container: string;
  readonly field: string;
  readonly categories: readonly string[];
  readonly uri: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly purposes: readonly string[];
  readonly retention: string | null;
  /** Both a purpose and a retention are declared. */
  readonly declared: boolean;
}

export interface InventoryCategory {
  readonly category: string;
  readonly label: string;
  readonly items: readonly InventoryItem[];
}

/** One place a third party receives a field (or a value named like one). */
export interface RecipientFlow {
  /** The field's id, or the value's name when it traces to no declaration. */
  readonly value: string;
  readonly callee: string;
  readonly uri: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

export interface InventoryRecipient {
  readonly recipient: string;
  readonly label: string;
  readonly kind: string;
  /** Declared in the manifest's recipients. */
  readonly declared: boolean;
  readonly flows: readonly RecipientFlow[];
}

export interface InventoryResult {
  readonly ready: boolean;
  readonly categories: readonly InventoryCategory[];
  /** Third parties that receive personal data, with where. */
  readonly recipients: readonly InventoryRecipient[];
  readonly personal: number;
  readonly undeclared: number;
}

export interface StatusParams {
  readonly state: 'loading' | 'ready' | 'error' | 'disabled';
  readonly personal: number;
  /** Personal fields without a purpose or a retention. */
  readonly undeclared: number;
  readonly message?: string;
}
