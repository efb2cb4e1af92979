// The rule contract: the data model a rule sees (files, containers, fields, tags, the manifest)
// and what it may report. Types only; rules depend on this module and never on the engine.
import type { CategoryInfo } from './taxonomy/categories';
import type { ResolvedManifest } from './manifest/types';

export type { ResolvedManifest } from './manifest/types';

/** How loudly a finding is shown; `error` fails the CLI. */
export type Severity = 'error' | 'warning' | 'info';

/** A dotted category key such as `contact.email` (see taxonomy/categories.ts). */
export type CategoryKey = string;

/** A half-open range of UTF-16 offsets into a file's text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Replace `[start, end)` with `newText`; `file` (workspace-relative) defaults to the analysed file. */
export interface TextEdit extends TextRange {
  readonly newText: string;
  readonly file?: string;
}

/** `safe` fixes may be applied without review (`--fix`); suggestions need a person to choose. */
export type FixSafety = 'safe' | 'suggestion';

export type SourceLanguage = 'typescript' | 'javascript' | 'prisma';

/** The syntax a field was declared with; shown in hovers and used by fixes. */
export type ElementForm =
  | 'interface'
  | 'type-literal'
  | 'class'
  | 'constructor-parameter'
  | 'zod'
  | 'yup'
  | 'joi'
  | 'mongoose'
  | 'model-define'
  | 'prisma';

/**
 * Where a declaration's doc comment is, or where a new one would go. Fixes use it to add tags
 * next to the code without knowing the syntax that declared the field.
 */
export interface DocAnchor {
  /** `jsdoc` writes `/** … *\/` blocks; `prisma` writes `///` lines. */
  readonly style: 'jsdoc' | 'prisma';
  /** The existing doc comment, if any (the whole `/** … *\/` or the run of `///` lines). */
  readonly comment?: TextRange;
  /** Offset of the first character of the declaration line's content (where a new comment goes). */
  readonly insertAt: number;
  /** Indentation of the declaration's line. */
  readonly indent: string;
  /** The file's line ending. */
  readonly eol: '\n' | '\r\n';
}

/** The privacy tags of DESIGN.md §1. */
export type PrivacyTagName = 'personal' | 'notPersonal' | 'purpose' | 'retention' | 'basis' | 'subject' | 'source' | 'erases' | 'consent';

/** One privacy tag as written in a doc comment. */
export interface DocTag {
  readonly name: PrivacyTagName;
  /** The text after the tag name, trimmed; never logged or reported verbatim. */
  readonly value: string;
  /** The whole tag, `@name value`. */
  readonly range: TextRange;
  /** The value part (empty range right after the name when the value is missing). */
  readonly valueRange: TextRange;
  /** What the comment documents. */
  readonly owner: { readonly kind: 'element' | 'container' | 'function'; readonly id: string };
}

/** A declared value and where it came from. `inherited` when it was written on the container. */
export interface Declared<T> {
  readonly value: T;
  readonly tag: DocTag;
  readonly inherited: boolean;
}

/** The effective declarations of a field: its own tags, else its container's. */
export interface Declarations {
  readonly personal?: Declared<readonly CategoryKey[]>;
  readonly notPersonal?: Declared<string>;
  readonly purposes: readonly Declared<string>[];
  readonly retention?: Declared<string>;
  readonly basis?: Declared<readonly string[]>;
  readonly subject?: Declared<string>;
  readonly source?: Declared<string>;
}

/** One reason behind a classification, in plain words (identifiers and categories only, never values). */
export interface Evidence {
  readonly kind: 'tag' | 'name' | 'container' | 'type' | 'validator' | 'decorator' | 'reference' | 'content' | 'vocabulary' | 'negative';
  readonly detail: string;
}

export interface Classification {
  readonly personal: boolean;
  /** Most specific first; empty when not personal. */
  readonly categories: readonly CategoryKey[];
  /** 0–1: how sure the classifier is that the field holds personal data (or not, when not personal). */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

/**
 * How long a shape lives: `stored` (ORM entity, Prisma model, mongoose schema), `shape` (interface,
 * DTO, validator schema), `transient` (a function parameter's or variable's inline type).
 */
export type DataRole = 'stored' | 'shape' | 'transient';

/** A type, class, schema or model that declares fields. */
export interface DataContainer {
  /** Name used in element ids: the type name, schema variable, model name or a dotted path for nested shapes. */
  readonly name: string;
  readonly form: ElementForm;
  readonly role: DataRole;
  readonly file: string;
  readonly nameRange: TextRange;
  readonly doc: DocAnchor;
  readonly tags: readonly DocTag[];
  /** Why the classifier thinks this container describes a person, or not. */
  readonly context: ContainerContext;
  /** Names of the types it extends or merges. */
  readonly heritage?: readonly string[];
}

/** person: a person record; personal-record: about a person (address, session, invite…); neutral; non-person: an organisation, place or thing. */
export type ContainerContext = 'person' | 'personal-record' | 'neutral' | 'non-person';

/** One declared field with its classification and declarations. */
export interface DataElement {
  /** Stable id, `Container.field` (nested shapes: `Container.parent.field`). */
  readonly id: string;
  readonly container: string;
  readonly field: string;
  readonly file: string;
  readonly form: ElementForm;
  readonly role: DataRole;
  /** The field's name token. */
  readonly nameRange: TextRange;
  /** The whole declaration (decorators and initialiser included). */
  readonly range: TextRange;
  /** A short description of the declared type (`string`, `boolean`, `Address[]`), when one is written. */
  readonly typeText?: string;
  /** The record type this field refers to (`Address` for `address: Address[]`), when it names one. */
  readonly refName?: string;
  readonly classification: Classification;
  readonly declared: Declarations;
  readonly doc: DocAnchor;
}

/** Where personal data can go (DESIGN.md §5, flows). */
export type SinkKind = 'log' | 'error-tracker' | 'analytics' | 'ads' | 'llm' | 'email' | 'sms' | 'client-storage' | 'url' | 'http' | 'third-party';

/** A sink as the catalogue (rules/flows/sinks.json) or the manifest's recipients describe it. */
export interface SinkRef {
  readonly kind: SinkKind;
  /** The catalogue entry or manifest recipient id (`segment`, `console`), or `external-host` for an unknown host. */
  readonly recipient: string;
  /** Human name of the recipient (`Segment`, `the console`). */
  readonly label: string;
  /** The call or assignment target as written, identifiers only (`analytics.track`, `document.cookie`). */
  readonly callee: string;
  /** True when the data leaves the organisation (analytics, LLM APIs, email providers, external hosts). */
  readonly thirdParty: boolean;
  /** The SDK module the call goes through, when it is bound to one (`@segment/analytics-node`). */
  readonly module?: string;
  /** For outbound HTTP to an absolute URL: its host (matched against recipients; never printed). */
  readonly host?: string;
}

/** A personal value reaching a sink: one declared field (or a value whose name says it is personal). */
export interface DataFlow {
  /** The declared field the value was read from; undefined when only its name says it is personal. */
  readonly element?: DataElement;
  /** Name of the value at the sink (`email`, `customer`), for messages. */
  readonly valueName: string;
  /** Categories of the value: the element's, else those its name reads as. */
  readonly categories: readonly CategoryKey[];
  readonly sink: SinkRef;
  /** File of the sink (the file under analysis). */
  readonly file: string;
  /** The expression carrying the value into the sink. */
  readonly range: TextRange;
  /** The whole sink call or assignment (for fixes that wrap an argument). */
  readonly callRange: TextRange;
  /** source field → aliases → sink, in plain identifiers: `Customer.email → contact → logger.info`. */
  readonly path: readonly string[];
  /** How the value was traced to its field: by type (checker or annotation), or by name only. */
  readonly resolution: 'type' | 'name';
  /** The value is the whole record (`logger.info(customer)`), not one field of it. */
  readonly wholeRecord: boolean;
  /** The function the sink is in, and its declared purposes. */
  readonly enclosing?: { readonly name: string; readonly purposes: readonly string[] };
}

/** A function declared for a purpose reading a declared field (for purpose-mismatch). */
export interface PurposeRead {
  readonly element: DataElement;
  readonly function: string;
  readonly purposes: readonly string[];
  /** The purpose tag on the function. */
  readonly tag: DocTag;
  readonly range: TextRange;
}

/** Where personal data enters: an HTTP handler, a server action or a form. */
export interface CollectionPoint {
  /** Stable id: `file#handler`. */
  readonly id: string;
  readonly kind: 'express' | 'fastify' | 'nestjs' | 'next-route' | 'next-server-action' | 'form';
  /** HTTP method when known (`POST`), else undefined. */
  readonly method?: string;
  /** The handler's name (`createCustomer`), or `<kind> handler` when it has none. */
  readonly handler: string;
  readonly file: string;
  readonly range: TextRange;
  /** 1-based line of the handler, for messages. */
  readonly line: number;
  /** Ids of the declared fields it collects (a DTO's, a schema's, or read from the body). */
  readonly elementIds: readonly string[];
  /** Field names read from the request when they resolve to no declaration. */
  readonly fieldNames: readonly string[];
}

/** A function that deletes or anonymises data (`@erases Customer, SocialProfile`). */
export interface Eraser {
  readonly function: string;
  readonly file: string;
  /** The names after @erases: containers, subjects or manifest stores. */
  readonly targets: readonly string[];
}

/** What rules may ask about the whole workspace while they look at one file. */
export interface WorkspaceView {
  /** Every declared field of the workspace, personal or not. */
  readonly elements: readonly DataElement[];
  readonly containers: readonly DataContainer[];
  /** Whether any code of the workspace reads a field of this name (property access, destructuring, select). */
  isRead(field: string): boolean;
  readonly erasers: readonly Eraser[];
  /** Collection points that collect a field. */
  collectionPointsOf(elementId: string): readonly CollectionPoint[];
  /** The container an element belongs to. */
  containerOf(element: DataElement): DataContainer | undefined;
  /**
   * Something a rule derives from the whole workspace, computed once per analysis and shared by
   * every file (key it by the rule id).
   */
  cached<T>(key: string, compute: () => T): T;
}

/** A finding a rule reports; the engine adds position, severity, message and fingerprint. */
export interface Report<MessageId extends string> {
  readonly at: TextRange;
  readonly messageId: MessageId;
  /** Template data: identifiers, categories, counts. Never string literals or values from the code. */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly category?: CategoryKey;
  /** The element the finding is about; it keys the fingerprint so it survives moved lines. */
  readonly element?: DataElement;
  /** A fix that may be applied without review; only when `meta.fixable` is `safe`. */
  readonly fix?: FixProposal;
  readonly suggestions?: readonly FixProposal[];
}

export interface FixProposal {
  /** Short imperative title shown in the editor, e.g. "Declare purpose: order.fulfilment". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RuleMeta<MessageId extends string> {
  /** kebab-case, equals the file name; stable forever. */
  readonly id: string;
  /** One imperative sentence; the first line of the rule's doc. */
  readonly summary: string;
  readonly defaultSeverity: Severity;
  /** What the rule protects (DESIGN.md §5). */
  readonly group: 'declaration' | 'consistency' | 'flows' | 'minimisation';
  /** Message templates with {{placeholders}}: what and why in one sentence. */
  readonly messages: Readonly<Record<MessageId, string>>;
  /** The strongest fix the rule may offer. */
  readonly fixable?: FixSafety;
}

/** What a rule sees of the file under analysis. */
export interface AnalysedFile {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly language: SourceLanguage;
}

/** The category vocabulary, built-in plus the manifest's additions. */
export interface Taxonomy {
  get(key: CategoryKey): CategoryInfo | undefined;
  has(key: CategoryKey): boolean;
  /** True for GDPR Art. 9 categories and their children. */
  isSpecial(key: CategoryKey): boolean;
  /** True for GDPR Art. 10 (criminal convictions and offences). */
  isCriminal(key: CategoryKey): boolean;
  /** `contact.email` → [`contact.email`, `contact`]. */
  lineage(key: CategoryKey): readonly CategoryKey[];
  all(): readonly CategoryInfo[];
}

export interface RuleContext<MessageId extends string> {
  readonly file: AnalysedFile;
  readonly manifest: ResolvedManifest;
  readonly taxonomy: Taxonomy;
  /** The rest of the workspace, as last analysed. */
  readonly workspace: WorkspaceView;
  report(report: Report<MessageId>): void;
}

/** Hooks the runner calls while it walks a file's data model. */
export interface RuleVisitors {
  /** Once per declared field, personal or not. */
  element?(element: DataElement): void;
  /** Once per container. */
  container?(container: DataContainer): void;
  /** Once per privacy tag in any doc comment of the file. */
  tag?(tag: DocTag): void;
  /** Once per personal value reaching a sink in this file. */
  flow?(flow: DataFlow): void;
  /** Once per declared field read by a function of this file that declares @purpose. */
  purposeRead?(read: PurposeRead): void;
  /** After everything above: for rules that report on groups (all the fields of a type). */
  fileEnd?(): void;
}

export interface RuleModule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): RuleVisitors;
}
