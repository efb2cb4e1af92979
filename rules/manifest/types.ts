// The workspace manifest as rules see it: privacy.manifest.json after validation, with
// built-in defaults filled in. The JSON Schema beside this file is the source of truth for its shape.
import type { LawfulBasis } from '../declarations/bases';

export type RuleSeveritySetting = 'off' | 'info' | 'warning' | 'error';

export interface PurposeDefinition {
  readonly label: string;
  readonly description?: string;
  readonly bases?: readonly LawfulBasis[];
  readonly essential?: boolean;
  readonly consentKey?: string;
  readonly defaultFor?: readonly string[];
}

export interface RetentionPolicyDefinition {
  readonly label?: string;
  readonly retention: string;
  readonly phases?: readonly { readonly phase: 'active' | 'archive'; readonly retention: string }[];
  readonly disposal?: 'delete' | 'anonymise' | 'pseudonymise';
  readonly justification?: string;
  readonly mustNotOutlive?: readonly string[];
  readonly defaultFor?: readonly string[];
}

export interface CategoryOverride {
  readonly label?: string;
  readonly description?: string;
  readonly legal?: 'ordinary' | 'special' | 'criminal';
  readonly maxRetention?: string;
}

export interface RecipientDefinition {
  readonly label?: string;
  readonly modules?: readonly string[];
  readonly hosts?: readonly string[];
  readonly purposes?: readonly string[];
  readonly country?: string;
  readonly dpa?: boolean;
  /** Our own service: its hosts are first-party. */
  readonly internal?: boolean;
}

export interface FlowSettings {
  /** The redaction helper the redact fix wraps values in. */
  readonly redactor?: { readonly name: string; readonly import?: string };
  /** Functions whose result holds no personal data. */
  readonly sanitizers?: readonly string[];
}

export interface StoreDefinition {
  readonly label?: string;
  readonly kind?: string;
  readonly retentionPolicy?: string;
}

export interface Vocabulary {
  readonly personTypes?: readonly string[];
  readonly nonPersonTypes?: readonly string[];
  readonly personalFields?: Readonly<Record<string, string>>;
  readonly notPersonalFields?: readonly string[];
  readonly subjects?: readonly string[];
}

/** privacy.manifest.json as written (every section optional). */
export interface ManifestDocument {
  readonly version?: 1;
  readonly purposes?: Readonly<Record<string, PurposeDefinition>>;
  readonly retentionPolicies?: Readonly<Record<string, RetentionPolicyDefinition>>;
  readonly categories?: Readonly<Record<string, CategoryOverride>>;
  readonly events?: Readonly<Record<string, { readonly label?: string; readonly description?: string }>>;
  readonly recipients?: Readonly<Record<string, RecipientDefinition>>;
  readonly stores?: Readonly<Record<string, StoreDefinition>>;
  readonly vocabulary?: Vocabulary;
  readonly flows?: FlowSettings;
  readonly ignore?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSeveritySetting>>;
  readonly pia?: PiaSettings;
}

/** Where the privacy impact assessment lives and who owns it. */
export interface PiaSettings {
  /** Folder of PIA.md and pia.json, relative to the workspace (default `privacy`). */
  readonly folder?: string;
  readonly activities?: readonly string[];
  readonly owners?: readonly string[];
  readonly reviewers?: readonly string[];
}

/** The manifest after loading: what was written, or the built-in starter set when there is none. */
export interface ResolvedManifest {
  /** Workspace-relative path of the manifest file, when one exists. */
  readonly path?: string;
  /** The manifest file's text, for fixes that edit it. */
  readonly text?: string;
  /** False when the workspace has no manifest and built-in defaults apply. */
  readonly present: boolean;
  readonly purposes: Readonly<Record<string, PurposeDefinition>>;
  readonly retentionPolicies: Readonly<Record<string, RetentionPolicyDefinition>>;
  readonly categories: Readonly<Record<string, CategoryOverride>>;
  readonly events: Readonly<Record<string, { readonly label?: string; readonly description?: string }>>;
  readonly recipients: Readonly<Record<string, RecipientDefinition>>;
  readonly stores: Readonly<Record<string, StoreDefinition>>;
  readonly vocabulary: Vocabulary;
  readonly flows: FlowSettings;
  readonly pia: PiaSettings;
  readonly ignore: readonly string[];
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
}
