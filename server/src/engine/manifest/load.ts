// Loads privacy.manifest.json: parses it with positions, validates it against the JSON Schema in
// rules/manifest, checks the references inside it, and keeps every valid part of a partly broken
// manifest so that one typo does not discard the rest. Problems carry line/column and a JSON path.
import { closest } from '../../../../rules/lib/declarations';
import { table } from '../../../../rules/lib/tables';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TextRange } from '../../../../rules/api';
import { BUILT_IN_EVENTS, STARTER_MANIFEST } from '../../../../rules/manifest/defaults';
import schema from '../../../../rules/manifest/privacy.manifest.schema.json';
import type { ManifestDocument, ResolvedManifest } from '../../../../rules/manifest/types';
import { JsonDocument, type JsonPath, formatJsonPath, pointerToPath } from './json-document';
import { checkReferences } from './references';
import compiledValidator from './validate-manifest.generated';

export const MANIFEST_FILE_NAME = 'privacy.manifest.json';

export interface ManifestProblem {
  /** syntax: not JSON; schema: against the JSON Schema; reference: ids and expressions inside it. */
  readonly kind: 'syntax' | 'schema' | 'reference';
  readonly message: string;
  /** `$.purposes.marketing.bases[0]`. */
  readonly jsonPath: string;
  readonly range: TextRange;
}

export interface LoadedManifest {
  readonly manifest: ResolvedManifest;
  readonly problems: readonly ManifestProblem[];
}

/** The schema compiled ahead of time (npm run build:generated): compiling it took most of a load. */
const validator = compiledValidator as unknown as ValidateFunction;
function validate(value: unknown): ErrorObject[] {
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** The manifest a workspace without privacy.manifest.json gets. */
export function defaultManifest(): ResolvedManifest {
  return resolve(STARTER_MANIFEST, undefined, false);
}

function resolve(doc: ManifestDocument, path: string | undefined, present: boolean, text?: string): ResolvedManifest {
  return {
    ...(path !== undefined ? { path } : {}),
    ...(text !== undefined ? { text } : {}),
    present,
    // Ids come from user code (@purpose constructor): the sections must not answer from Object.prototype.
    purposes: table(doc.purposes ?? {}),
    retentionPolicies: table(doc.retentionPolicies ?? {}),
    categories: table(doc.categories ?? {}),
    events: table({ ...BUILT_IN_EVENTS, ...(doc.events ?? {}) }),
    recipients: table(doc.recipients ?? {}),
    stores: table(doc.stores ?? {}),
    vocabulary: { ...(doc.vocabulary ?? {}), personalFields: table(doc.vocabulary?.personalFields ?? {}) },
    flows: doc.flows ?? {},
    pia: doc.pia ?? {},
    ignore: doc.ignore ?? [],
    rules: table(doc.rules ?? {}),
  };
}

/** Follows a schema pointer (#/properties/a/…) to the sub-schema, to list what a property may be called. */
function schemaAt(pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter((p) => p.length > 0)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = table({ string: 'a string', object: 'an object', array: 'an array', boolean: 'true or false', integer: 'a whole number', number: 'a number' });

/** Turns one ajv error into a message that says what is wrong and what to write instead. */
function describe(error: ErrorObject): { message: string; path: JsonPath; key: boolean } {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const parentSchema = schemaAt(error.schemaPath.replace(/\/additionalProperties$/, ''));
      const known = Object.keys((parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const hint = closest(extra, known);
      return {
        message: `unknown property "${extra}"${hint ? `; did you mean "${hint}"?` : known.length > 0 ? `; allowed here: ${known.join(', ')}` : ''}`,
        path: [...path, extra],
        key: true,
      };
    }
    case 'propertyNames':
    case 'pattern': {
      if (error.propertyName !== undefined || error.keyword === 'propertyNames') {
        const name = String(error.propertyName ?? params['propertyName']);
        const isCategory = error.schemaPath.includes('categoryKey') || error.instancePath.startsWith('/categories');
        return {
          message: isCategory
            ? `"${name}" is not a valid category key; use lowercase dotted keys such as contact.email`
            : `"${name}" is not a valid id; ids start with a lowercase letter and use dots between parts, e.g. order.fulfilment`,
          path: [...path, name],
          key: true,
        };
      }
      if (error.schemaPath.includes('isoDuration')) return { message: 'must be an ISO 8601 duration such as P30D, P2Y or PT12H', path, key: false };
      if (error.schemaPath.includes('categoryKey')) return { message: 'must be a category key such as contact.email', path, key: false };
      return { message: 'must be an id such as order.fulfilment', path, key: false };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const shown = allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, …` : allowed.join(', ');
      return { message: `must be one of: ${shown}`, path, key: false };
    }
    case 'required':
      return { message: `is missing the required property "${String(params['missingProperty'])}"`, path, key: false };
    case 'type':
      return { message: `must be ${TYPE_WORDS[String(params['type'])] ?? String(params['type'])}`, path, key: false };
    case 'minLength':
      return { message: 'must not be empty', path, key: false };
    default:
      return { message: error.message ?? 'is not valid', path, key: false };
  }
}

/** Removes the values behind schema errors so that the valid rest of the manifest can be used. */
function prune(value: unknown, errors: readonly ErrorObject[]): unknown {
  const root = structuredClone(value) as Record<string, unknown>;
  const removals: JsonPath[] = [];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') removals.push([...path, String(params['additionalProperty'])]);
    else if (error.propertyName !== undefined) removals.push([...path, error.propertyName]);
    else if (error.keyword !== 'propertyNames') removals.push(path);
  }
  removals.sort((a, b) => b.length - a.length || (typeof b[b.length - 1] === 'number' && typeof a[a.length - 1] === 'number' ? (b[b.length - 1] as number) - (a[a.length - 1] as number) : 0));
  for (const path of removals) {
    if (path.length === 0) return {};
    let node: unknown = root;
    for (const segment of path.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    const last = path[path.length - 1] as string | number;
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else if (node && typeof node === 'object') delete (node as Record<string | number, unknown>)[last];
  }
  return root;
}

/**
 * Loads a manifest from its text. `knownRuleIds` lets the `rules` section be checked.
 * `path` is the workspace-relative path used in messages.
 */
export function loadManifest(text: string, path: string, knownRuleIds: readonly string[]): LoadedManifest {
  const document = new JsonDocument(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  const problems: ManifestProblem[] = document.syntaxProblems.map((p) => ({ kind: 'syntax', message: p.message, jsonPath: '$', range: p.range }));
  let value: unknown = document.value;
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (problems.length === 0) problems.push({ kind: 'schema', message: 'must be a JSON object with sections such as "purposes" and "retentionPolicies"', jsonPath: '$', range: document.rangeOf([]) });
    value = {};
  }
  const seen = new Set<string>();
  for (let round = 0; round < 5; round++) {
    const errors = validate(value);
    if (errors.length === 0) break;
    // Later rounds only find what pruning the first round's values left behind (a missing label
    // after an invalid label was removed): prune them without reporting them twice.
    for (const error of round === 0 ? errors : []) {
      if (error.keyword === 'propertyNames' && errors.some((e) => e.propertyName !== undefined && e.instancePath === error.instancePath)) continue;
      const { message, path: jsonPath, key } = describe(error);
      const formatted = formatJsonPath(jsonPath);
      if (seen.has(`${formatted}\u0000${message}`)) continue;
      seen.add(`${formatted}\u0000${message}`);
      problems.push({ kind: 'schema', message, jsonPath: formatted, range: document.rangeOf(jsonPath, key) });
    }
    value = prune(value, errors);
  }
  const doc = value as ManifestDocument;
  for (const problem of checkReferences(doc, knownRuleIds)) {
    problems.push({ kind: 'reference', message: problem.message, jsonPath: formatJsonPath(problem.path), range: document.rangeOf(problem.path, problem.key ?? false) });
  }
  problems.sort((a, b) => a.range.start - b.range.start);
  return { manifest: resolve(doc, path, true, text), problems };
}
