// What the privacy impact assessment knows from the code: the personal fields by record, category,
// subject and purpose, the recipients and stores, the collection points, consent and erasure
// functions, coverage and the store × category breach matrix. Built once from a scan's result.
import type { CollectionPoint, DataContainer, DataElement, DataFlow, DocTag, ResolvedManifest, Taxonomy } from '../../../../rules/api';
import { splitList } from '../../../../rules/declarations/bases';
import { SinkCatalogue } from '../../../../rules/flows/catalogue';
import { needsDeclarations } from '../../../../rules/lib/declarations';
import { subjectOf } from '../../../../rules/lib/subjects';
import type { Finding } from '../findings';
import { LineIndex } from '../text/line-index';
import { erasersOf } from '../workspace-view';

/** Where the code says something: an identifier, and where it is written. Never a value. */
export interface PiaEvidence {
  readonly what: string;
  readonly file?: string;
  readonly line?: number;
}

export interface PiaInput {
  /** The workspace folder's name (not its path). */
  readonly name: string;
  readonly manifest: ResolvedManifest;
  readonly taxonomy: Taxonomy;
  readonly elements: readonly DataElement[];
  readonly containers: readonly DataContainer[];
  readonly flows: readonly DataFlow[];
  readonly collectionPoints: readonly CollectionPoint[];
  readonly findings: readonly Finding[];
  readonly functionTags: readonly { readonly file: string; readonly tags: readonly DocTag[] }[];
  /** The text of a workspace file, for line numbers. */
  readonly textOf: (file: string) => string | undefined;
}

export interface RecordFacts {
  readonly container: DataContainer;
  readonly elements: readonly DataElement[];
  readonly subject?: string;
}

export interface RecipientFacts {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly declared: boolean;
  /** Purposes the manifest allows it; undefined when it does not restrict them. */
  readonly allowedPurposes?: readonly string[];
  readonly country?: string;
  readonly dpa?: boolean;
  readonly flows: readonly DataFlow[];
}

export type StoreKind = 'database' | 'log' | 'browser' | 'url' | 'third-party' | 'other';

export interface StoreFacts {
  readonly id: string;
  readonly label: string;
  readonly kind: StoreKind;
  /** Category → the fields of it this store would expose. */
  readonly categories: ReadonlyMap<string, readonly string[]>;
  readonly evidence: readonly PiaEvidence[];
}

export interface PiaFacts {
  readonly input: PiaInput;
  readonly personal: readonly DataElement[];
  /** Personal fields that need declarations (not @notPersonal, not transient shapes). */
  readonly declarable: readonly DataElement[];
  readonly records: readonly RecordFacts[];
  readonly byCategory: ReadonlyMap<string, readonly DataElement[]>;
  readonly bySubject: ReadonlyMap<string, readonly DataElement[]>;
  readonly byPurpose: ReadonlyMap<string, readonly DataElement[]>;
  readonly recipients: readonly RecipientFacts[];
  readonly stores: readonly StoreFacts[];
  readonly erasers: readonly { function: string; file: string; targets: readonly string[] }[];
  readonly consents: readonly { function: string; file: string; key: string; line: number }[];
  /** Where a field is written: file and line. */
  evidenceOf(element: DataElement): PiaEvidence;
  flowEvidence(flow: DataFlow): PiaEvidence;
  findingsOf(ruleId: string): readonly Finding[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const STORED_FORM_LABELS: Readonly<Record<string, string>> = { prisma: 'Prisma database', mongoose: 'MongoDB (mongoose)', class: 'ORM database', 'model-define': 'Database (model.define)' };

function storesOf(records: readonly RecordFacts[], flows: readonly DataFlow[], manifest: ResolvedManifest, evidenceOf: (e: DataElement) => PiaEvidence, flowEvidence: (f: DataFlow) => PiaEvidence): StoreFacts[] {
  const stores = new Map<string, { label: string; kind: StoreKind; categories: Map<string, string[]>; evidence: PiaEvidence[] }>();
  const add = (id: string, label: string, kind: StoreKind, category: string, field: string, evidence: PiaEvidence): void => {
    let store = stores.get(id);
    if (!store) stores.set(id, (store = { label, kind, categories: new Map(), evidence: [] }));
    const fields = store.categories.get(category) ?? [];
    if (!fields.includes(field)) fields.push(field);
    store.categories.set(category, fields);
    if (store.evidence.length < 20 && !store.evidence.some((e) => e.what === evidence.what)) store.evidence.push(evidence);
  };
  // Stored records: one database per declaration style, named after the manifest's database when it declares one.
  const databases = Object.entries(manifest.stores).filter(([, s]) => s.kind === 'database');
  for (const record of records) {
    if (record.container.role !== 'stored') continue;
    const only = databases.length === 1 ? databases[0] : undefined;
    const id = only ? only[0] : `database:${record.container.form}`;
    const label = only ? (only[1].label ?? only[0]) : (STORED_FORM_LABELS[record.container.form] ?? 'Database');
    for (const element of record.elements) add(id, label, 'database', element.classification.categories[0] ?? 'other', element.id, evidenceOf(element));
  }
  for (const flow of flows) {
    const category = flow.categories[0] ?? 'other';
    const field = flow.element?.id ?? flow.valueName;
    if (flow.sink.kind === 'log') add('logs', 'Logs', 'log', category, field, flowEvidence(flow));
    else if (flow.sink.kind === 'client-storage') add('browser', 'Browser storage', 'browser', category, field, flowEvidence(flow));
    else if (flow.sink.kind === 'url') add('urls', 'URLs (server logs, browser history)', 'url', category, field, flowEvidence(flow));
    else if (flow.sink.thirdParty) add(`recipient:${flow.sink.recipient}`, flow.sink.label, 'third-party', category, field, flowEvidence(flow));
  }
  return [...stores.entries()].map(([id, s]) => ({ id, label: s.label, kind: s.kind, categories: s.categories, evidence: s.evidence }));
}

export function gatherFacts(input: PiaInput): PiaFacts {
  const lines = new Map<string, LineIndex>();
  const lineOf = (file: string, offset: number): number | undefined => {
    let index = lines.get(file);
    if (!index) {
      const text = input.textOf(file);
      if (text === undefined) return undefined;
      lines.set(file, (index = new LineIndex(text)));
    }
    return index.positionAt(offset).line;
  };
  const at = (what: string, file: string, offset: number): PiaEvidence => {
    const line = lineOf(file, offset);
    return line === undefined ? { what, file } : { what, file, line };
  };
  const evidenceOf = (element: DataElement): PiaEvidence => at(element.id, element.file, element.nameRange.start);
  const flowEvidence = (flow: DataFlow): PiaEvidence => at(flow.path.join(' → '), flow.file, flow.range.start);

  const personal = input.elements.filter((e) => e.classification.personal && !e.declared.notPersonal);
  const declarable = personal.filter(needsDeclarations);
  const containerOf = new Map(input.containers.map((c) => [`${c.file}\u0000${c.name}`, c]));
  const recordMap = new Map<string, { container: DataContainer; elements: DataElement[] }>();
  const byCategory = new Map<string, DataElement[]>();
  const bySubject = new Map<string, DataElement[]>();
  const byPurpose = new Map<string, DataElement[]>();
  for (const element of declarable) {
    const container = containerOf.get(`${element.file}\u0000${element.container}`);
    if (container) {
      const key = `${container.file}\u0000${container.name}`;
      const record = recordMap.get(key) ?? { container, elements: [] };
      record.elements.push(element);
      recordMap.set(key, record);
    }
    push(byCategory, element.classification.categories[0] ?? 'other', element);
    push(bySubject, subjectOf(element, container) ?? 'unspecified', element);
    for (const purpose of element.declared.purposes) push(byPurpose, purpose.value, element);
  }
  const records: RecordFacts[] = [...recordMap.values()].map((r) => {
    const subject = r.elements.map((e) => subjectOf(e, r.container)).find((s) => s !== undefined);
    return { container: r.container, elements: r.elements, ...(subject ? { subject } : {}) };
  });

  const catalogue = new SinkCatalogue(input.manifest.recipients);
  const recipientMap = new Map<string, DataFlow[]>();
  for (const flow of input.flows) if (flow.sink.thirdParty) push(recipientMap, flow.sink.recipient, flow);
  const recipients: RecipientFacts[] = [...recipientMap.entries()].map(([id, flows]) => {
    const first = flows[0] as DataFlow;
    const declared = catalogue.declaredRecipient(id, first.sink.module);
    const definition = declared?.definition;
    return {
      id,
      label: first.sink.label,
      kind: first.sink.kind,
      declared: declared !== undefined,
      ...(definition?.purposes ? { allowedPurposes: definition.purposes } : {}),
      ...(definition?.country ? { country: definition.country } : {}),
      ...(definition?.dpa !== undefined ? { dpa: definition.dpa } : {}),
      flows,
    };
  });
  // Recipients the manifest declares that no code reaches (yet) are still part of the description.
  for (const [id, definition] of Object.entries(input.manifest.recipients)) {
    if (definition.internal || recipients.some((r) => r.id === id || catalogue.declaredRecipient(r.id)?.id === id)) continue;
    recipients.push({ id, label: definition.label ?? id, kind: 'third-party', declared: true, ...(definition.purposes ? { allowedPurposes: definition.purposes } : {}), ...(definition.country ? { country: definition.country } : {}), ...(definition.dpa !== undefined ? { dpa: definition.dpa } : {}), flows: [] });
  }
  recipients.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

  const consents: { function: string; file: string; key: string; line: number }[] = [];
  for (const { file, tags } of input.functionTags) {
    for (const tag of tags) {
      if (tag.name !== 'consent' || tag.owner.kind !== 'function') continue;
      for (const key of splitList(tag.value)) consents.push({ function: tag.owner.id, file, key, line: lineOf(file, tag.range.start) ?? 1 });
    }
  }
  const findingsByRule = new Map<string, Finding[]>();
  for (const finding of input.findings) push(findingsByRule, finding.ruleId, finding);

  return {
    input,
    personal,
    declarable,
    records: records.sort((a, b) => (a.container.name < b.container.name ? -1 : a.container.name > b.container.name ? 1 : 0)),
    byCategory,
    bySubject,
    byPurpose,
    recipients,
    stores: storesOf(records, input.flows, input.manifest, evidenceOf, flowEvidence),
    erasers: erasersOf(input.functionTags),
    consents,
    evidenceOf,
    flowEvidence,
    findingsOf: (ruleId) => findingsByRule.get(ruleId) ?? [],
  };
}
