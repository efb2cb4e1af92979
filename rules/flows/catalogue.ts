// The sink catalogue: rules/flows/sinks.json (loggers, trackers, analytics, LLM APIs, email, storage,
// URLs, HTTP) merged with the manifest's recipients, which declare catalogue entries, add SDK modules
// and hosts of their own, and say for which purposes each recipient may receive data.
import type { SinkKind } from '../api';
import type { RecipientDefinition } from '../manifest/types';
import data from './sinks.json';

/** One entry of sinks.json. */
export interface SinkDefinition {
  readonly id: string;
  readonly label: string;
  readonly kind: SinkKind;
  /** A log that ships to a vendor (Datadog logs) is a third party even though it is a log. */
  readonly thirdParty?: boolean;
  /** Module specifiers, `module#Export` for one named export, `@scope/*` for a whole scope. */
  readonly modules?: readonly string[];
  /** Identifiers used without a binding (`console`, `gtag`); `window.` and `globalThis.` are stripped. */
  readonly globals?: readonly string[];
  /** Names of the receiver a method is called on (`logger` in `this.logger.info`). */
  readonly receivers?: readonly string[];
  /** Member paths after the binding (`track`, `chat.completions.create`); `""` calls it; `*` any call. */
  readonly calls?: readonly string[];
  /** Member paths that carry data when assigned (`cookie` in `document.cookie = …`). */
  readonly assignments?: readonly string[];
  /** `new X(…)` counts as the call (`new URL(…)`). */
  readonly constructs?: boolean;
  /** Argument positions that are URLs (checked by personal-data-in-url). */
  readonly url?: readonly number[];
  /** Argument positions that carry the payload; default every argument that is not a URL. */
  readonly payload?: readonly number[];
  /** API hosts of the recipient, for outbound HTTP. */
  readonly hosts?: readonly string[];
}

const THIRD_PARTY_KINDS: ReadonlySet<SinkKind> = new Set(['error-tracker', 'analytics', 'ads', 'llm', 'email', 'sms', 'third-party']);

/** The built-in catalogue, as shipped. */
export const SINK_DEFINITIONS: readonly SinkDefinition[] = (data as { sinks: SinkDefinition[] }).sinks;

/** A manifest recipient that declares a sink, with its id. */
export interface DeclaredRecipient {
  readonly id: string;
  readonly definition: RecipientDefinition;
}

function moduleMatches(pattern: string, module: string, exportName: string | undefined): boolean {
  const [base = '', wanted] = pattern.split('#');
  if (wanted !== undefined && wanted !== exportName) return false;
  if (base.endsWith('/*')) return module.startsWith(base.slice(0, -1));
  return module === base || module.startsWith(`${base}/`);
}

function hostMatches(pattern: string, host: string): boolean {
  return host === pattern || host.endsWith(`.${pattern}`);
}

export class SinkCatalogue {
  readonly definitions: readonly SinkDefinition[];
  private readonly globals = new Map<string, SinkDefinition[]>();
  private readonly receivers = new Map<string, SinkDefinition[]>();
  private readonly withModules: SinkDefinition[] = [];
  private readonly byModule = new Map<string, readonly SinkDefinition[]>();
  /** The last member of every call path (`track`, `create`, `` for a direct call), for a quick test. */
  readonly callNames = new Set<string>();

  constructor(private readonly recipients: Readonly<Record<string, RecipientDefinition>>) {
    const extra: SinkDefinition[] = [];
    // A manifest recipient with SDK modules the catalogue does not know adds a sink of its own.
    for (const [id, recipient] of Object.entries(recipients)) {
      const unknownModules = (recipient.modules ?? []).filter((m) => !SINK_DEFINITIONS.some((d) => (d.modules ?? []).some((p) => moduleMatches(p, m, undefined))));
      if (unknownModules.length > 0) extra.push({ id, label: recipient.label ?? id, kind: 'third-party', modules: unknownModules, calls: ['*'] });
    }
    this.definitions = [...SINK_DEFINITIONS, ...extra];
    for (const definition of this.definitions) {
      for (const call of definition.calls ?? []) this.callNames.add(call.split('.').pop() ?? call);
      for (const name of definition.globals ?? []) this.push(this.globals, name, definition);
      for (const name of definition.receivers ?? []) this.push(this.receivers, name, definition);
      if (definition.modules) this.withModules.push(definition);
    }
  }

  private push(map: Map<string, SinkDefinition[]>, key: string, definition: SinkDefinition): void {
    const list = map.get(key);
    if (list) list.push(definition);
    else map.set(key, [definition]);
  }

  /** Entries reached through an import of `module` (the binding is `exportName`: a name, `default` or `*`). */
  forModule(module: string, exportName: string | undefined): readonly SinkDefinition[] {
    const key = `${module}#${exportName ?? ''}`;
    let found = this.byModule.get(key);
    if (!found) {
      found = this.withModules.filter((d) => (d.modules ?? []).some((p) => moduleMatches(p, module, exportName)));
      this.byModule.set(key, found);
    }
    return found;
  }

  /** Whether some entry reached through this module accepts any call (`openai.chat.completions.create`). */
  acceptsAnyCall(module: string): boolean {
    return this.forModule(module, undefined).some((d) => (d.calls ?? []).includes('*')) || this.forModule(module, 'default').some((d) => (d.calls ?? []).includes('*'));
  }

  forGlobal(name: string): readonly SinkDefinition[] {
    return this.globals.get(name) ?? [];
  }

  isGlobal(name: string): boolean {
    return this.globals.has(name);
  }

  forReceiver(name: string): readonly SinkDefinition[] {
    return this.receivers.get(name) ?? [];
  }

  /** Whether data reaching this entry leaves the organisation. */
  isThirdParty(definition: SinkDefinition): boolean {
    return definition.thirdParty === true || THIRD_PARTY_KINDS.has(definition.kind);
  }

  /** The recipient an API host belongs to: a manifest recipient's host first, then the catalogue's. */
  recipientOfHost(host: string): { id: string; label: string; internal?: boolean } | undefined {
    for (const [id, recipient] of Object.entries(this.recipients)) {
      if ((recipient.hosts ?? []).some((h) => hostMatches(h, host))) return { id, label: recipient.label ?? id, ...(recipient.internal ? { internal: true } : {}) };
    }
    const known = this.definitions.find((d) => (d.hosts ?? []).some((h) => hostMatches(h, host)));
    return known ? { id: known.id, label: known.label } : undefined;
  }

  /**
   * The manifest recipient that declares a sink: the one with the entry's id, or whose modules or
   * hosts match the entry's. Undefined when the manifest does not declare it.
   */
  declaredRecipient(recipientId: string, module?: string): DeclaredRecipient | undefined {
    const own = this.recipients[recipientId];
    if (own) return { id: recipientId, definition: own };
    const definition = this.definitions.find((d) => d.id === recipientId);
    for (const [id, recipient] of Object.entries(this.recipients)) {
      const modules = recipient.modules ?? [];
      if (module !== undefined && modules.some((m) => moduleMatches(m, module, undefined))) return { id, definition: recipient };
      if (definition && modules.some((m) => (definition.modules ?? []).some((p) => moduleMatches(p, m, undefined) || moduleMatches(m, p.split('#')[0] ?? p, undefined)))) return { id, definition: recipient };
      if (definition && (recipient.hosts ?? []).some((h) => (definition.hosts ?? []).some((d) => hostMatches(d, h) || hostMatches(h, d)))) return { id, definition: recipient };
    }
    return undefined;
  }
}
