// Classifies every field of the workspace at once, because context crosses files: a value object
// embedded in a person record is about that person, a field typed with another record is a relation,
// and a field holding an embedded shape is personal when that shape holds personal data.
// Containers and fields are numbered once and results kept in arrays by position: at tens of
// thousands of fields, maps keyed by objects cost more than the classification itself.
import type { Classification, Evidence } from '../../../../rules/api';
import type { Vocabulary } from '../../../../rules/manifest/types';
import { table } from '../../../../rules/lib/tables';
import { PERSON_NOUNS, PRIMARY_KEY_NAMES } from '../../../../rules/taxonomy/vocabulary';
import { singular } from '../../../../rules/taxonomy/words';
import type { ContainerFacts, ExtractedFile, FieldFacts, TypeFacts } from '../model';
import { classifyField, type FieldSituation } from './classify-field';
import { type ContextDecision, meaningfulWords, nameContext } from './container-context';
import { analyseName, type NameAnalysis } from './name-analysis';

/** The classification of one file, aligned with its containers and their fields. */
export interface ClassifiedFile {
  /** contexts[i] is the context of file.containers[i]. */
  readonly contexts: readonly ContextDecision[];
  /** classifications[i][j] is the classification of file.containers[i].fields[j]. */
  readonly classifications: readonly (readonly Classification[])[];
}

/** One entry per input file, in the same order. */
export type ClassifiedWorkspace = readonly ClassifiedFile[];

/** A container with its number and the number of its first field. */
interface Entry {
  readonly container: ContainerFacts;
  readonly index: number;
  readonly firstField: number;
}

/** Finds containers by the names types use to refer to them (same file first). */
class ContainerIndex {
  /** The first container with each name, for references to types declared in another file. */
  private readonly firstByName = new Map<string, Entry>();
  /** Containers by file, then name (names are unique within a file). */
  private readonly byFile = new Map<string, Map<string, Entry>>();

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      const { container } = entry;
      if (!this.firstByName.has(container.name)) this.firstByName.set(container.name, entry);
      let inFile = this.byFile.get(container.file);
      if (!inFile) this.byFile.set(container.file, (inFile = new Map()));
      inFile.set(container.name, entry);
    }
  }

  /** The container a type name refers to: the one in the same file, else the first of that name. */
  resolve(from: ContainerFacts, name: string | undefined): Entry | undefined {
    if (!name) return undefined;
    return this.byFile.get(from.file)?.get(name) ?? this.firstByName.get(name);
  }

  /** A container of the same file by name (nested shapes are named Parent.field). */
  inFile(from: ContainerFacts, name: string): Entry | undefined {
    return this.byFile.get(from.file)?.get(name);
  }

  /** The container and those it extends (interface extends, class extends), nearest first. */
  withHeritage(entry: Entry): Entry[] {
    const chain = [entry];
    for (let i = 0; i < chain.length && chain.length < 8; i++) {
      const current = (chain[i] as Entry).container;
      for (const base of current.heritage ?? []) {
        const resolved = this.resolve(current, base);
        if (resolved && !chain.includes(resolved)) chain.push(resolved);
      }
    }
    return chain;
  }
}

function referencedName(type: TypeFacts): string | undefined {
  if (type.kind === 'reference') return type.refName;
  if (type.kind === 'array' && type.element?.kind === 'reference') return type.element.refName;
  return undefined;
}

/** A record of its own (persisted, or carrying its own key), as opposed to a value embedded in another. */
function isRecord(container: ContainerFacts): boolean {
  if (container.role === 'stored') return true;
  return container.fields.some((f) => f.primaryKey || PRIMARY_KEY_NAMES.has(f.name));
}

const isPersonWord = (word: string): boolean => PERSON_NOUNS.has(word) || PERSON_NOUNS.has(singular(word));

/** What the fields themselves say: several direct identifiers make a record about a person; several address parts an address. */
function contentSignals(analyses: readonly NameAnalysis[], from: number, count: number): { person: number; address: number } {
  let person = 0;
  let address = 0;
  let reference = false;
  for (let k = from; k < from + count; k++) {
    const analysis = analyses[k] as NameAnalysis;
    const match = analysis.term;
    if (analysis.reference) reference = true;
    if (!match || match.thingModifier || analysis.flag) continue;
    const category = match.term.category;
    if (match.personModifier || match.term.personOnly || category === 'contact.email' || category === 'contact.phone') person++;
    if (category === 'contact.address' && match.term.strength !== 'address') address++;
  }
  return { person: person + (reference && person > 0 ? 1 : 0), address };
}

function withEvidence(decision: ContextDecision, context: ContextDecision['context'], detail: string): ContextDecision {
  return { ...decision, context, evidence: [{ kind: 'container', detail }, ...decision.evidence] };
}

export interface ClassifyOptions {
  /**
   * Words naming person types declared in files outside `files` (an editor re-classifying one file
   * against the rest of the workspace passes what the last full pass found).
   */
  readonly personTypeWords?: ReadonlySet<string>;
}

/** The words naming person types among the classified files (`contact` when `Contact` is a person). */
export function personTypeWordsOf(files: readonly ExtractedFile[], classified: ClassifiedWorkspace): Set<string> {
  const words = new Set<string>();
  files.forEach((file, f) => {
    file.containers.forEach((container, c) => {
      if (container.parent || classified[f]?.contexts[c]?.context !== 'person') return;
      const meaningful = meaningfulWords(container.name);
      if (meaningful.length === 1 && meaningful[0]) words.add(singular(meaningful[0]));
    });
  });
  return words;
}

export function classifyWorkspace(files: readonly ExtractedFile[], vocabulary: Vocabulary, options: ClassifyOptions = {}): ClassifiedWorkspace {
  const entries: Entry[] = [];
  const fields: FieldFacts[] = [];
  const fieldOwner: number[] = [];
  for (const file of files) {
    for (const container of file.containers) {
      entries.push({ container, index: entries.length, firstField: fields.length });
      for (const field of container.fields) {
        fields.push(field);
        fieldOwner.push(entries.length - 1);
      }
    }
  }
  const index = new ContainerIndex(entries);
  const analyses: NameAnalysis[] = fields.map((field) => analyseName(field.name));
  // What each field's type names, and the container that is: asked in several steps below.
  const referenced = fields.map((field) => referencedName(field.type));
  const targets = fields.map((_field, k) => index.resolve((entries[fieldOwner[k] as number] as Entry).container, referenced[k]));

  // 1. What each container's own name, tags and fields say.
  const contexts: ContextDecision[] = [];
  const addressLike: boolean[] = [];
  for (const { container, firstField } of entries) {
    let decision = nameContext(container.name, vocabulary, container.parent !== undefined);
    const subject = container.tags.find((t) => t.name === 'subject' && t.value.length > 0);
    // @subject says whose data the type holds; the type is a person only when its name says so too.
    if (subject) decision = withEvidence(decision, decision.context === 'person' ? 'person' : 'personal-record', `${container.name} is declared @subject ${subject.value}`);
    const signals = contentSignals(analyses, firstField, container.fields.length);
    if (decision.context === 'neutral' && signals.person >= 2) {
      decision = withEvidence(decision, 'personal-record', `${container.name} holds several fields that identify a person`);
    }
    const looksLikeAddress = signals.address >= 2 || decision.head === 'address';
    if (looksLikeAddress && decision.context === 'neutral') decision = withEvidence(decision, 'personal-record', `${container.name} holds the parts of an address`);
    contexts.push(decision);
    addressLike.push(looksLikeAddress);
  }

  // 2. Nested and embedded shapes take the context of the record that holds them.
  const holdersOf: Entry[][] = entries.map(() => []);
  for (const entry of entries) {
    const parent = entry.container.parent ? index.inFile(entry.container, entry.container.parent.container) : undefined;
    if (parent) holdersOf[entry.index]?.push(parent);
  }
  for (let k = 0; k < fields.length; k++) {
    const owner = entries[fieldOwner[k] as number] as Entry;
    const target = targets[k];
    if (!target || target === owner || isRecord(target.container)) continue;
    holdersOf[target.index]?.push(owner);
  }
  const held = entries.filter((e) => (holdersOf[e.index]?.length ?? 0) > 0);
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const entry of held) {
      const own = contexts[entry.index] as ContextDecision;
      if (own.context === 'person' || own.context === 'personal-record') continue;
      const holders = holdersOf[entry.index] ?? [];
      const personal = holders.find((h) => {
        const context = contexts[h.index]?.context;
        return context === 'person' || context === 'personal-record';
      });
      const adoptable = own.context === 'neutral' || (own.owned && own.context === 'non-person');
      if (personal && adoptable) {
        contexts[entry.index] = withEvidence(own, 'personal-record', `${entry.container.name} is held by ${personal.container.name}, which is about a person`);
        changed = true;
      } else if (!personal && own.context === 'neutral' && holders.every((h) => contexts[h.index]?.context === 'non-person')) {
        contexts[entry.index] = withEvidence(own, 'non-person', `${entry.container.name} is held by ${holders[0]?.container.name}, which is not about a person`);
        changed = true;
      }
    }
    if (!changed) break;
  }

  // 3. Each field on its own.
  const personTypeWords = new Set<string>(options.personTypeWords ?? []);
  for (const entry of entries) {
    if (contexts[entry.index]?.context !== 'person' || entry.container.parent) continue;
    const words = meaningfulWords(entry.container.name);
    if (words.length === 1 && words[0]) personTypeWords.add(singular(words[0]));
  }
  const isPersonType = (word: string): boolean => personTypeWords.has(singular(word));
  const personalFieldNames = table(vocabulary.personalFields ?? {});
  const notPersonalFieldNames = new Set(vocabulary.notPersonalFields ?? []);
  const classifications: Classification[] = [];
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k] as FieldFacts;
    const owner = entries[fieldOwner[k] as number] as Entry;
    const target = targets[k];
    const situation: FieldSituation = {
      field,
      container: owner.container,
      context: contexts[owner.index] as ContextDecision,
      analysis: analyses[k] as NameAnalysis,
      addressLike: addressLike[owner.index] === true,
      ...(target ? { target: { container: target.container, context: contexts[target.index] as ContextDecision, isRecord: isRecord(target.container) } } : {}),
      personalFieldNames,
      notPersonalFieldNames,
      isPersonType,
    };
    classifications.push(classifyField(situation));
  }

  // 4. A field holding an embedded shape is personal when the shape holds personal data
  //    (more than ids of people). Repeated so that shapes nested in shapes settle.
  const holders: { field: number; held: Entry[] }[] = [];
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k] as FieldFacts;
    const refName = referenced[k];
    if (!field.nested && refName === undefined) continue;
    const words = (analyses[k] as NameAnalysis).words;
    if (isPersonWord(words[words.length - 1] ?? '')) continue;
    const owner = entries[fieldOwner[k] as number] as Entry;
    // The shapes the field holds: its inline shape, and the type it names when that is a value
    // (IMemberInvite & { _inviterId }), each with the fields they inherit.
    const named = targets[k];
    const nested = field.nested ? index.inFile(owner.container, field.nested) : undefined;
    const shapes = [...(nested ? [nested] : []), ...(named && !isRecord(named.container) ? [named] : [])].filter((e) => e !== owner).flatMap((e) => index.withHeritage(e));
    if (shapes.length > 0) holders.push({ field: k, held: shapes });
  }
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const { field, held: shapes } of holders) {
      const current = classifications[field] as Classification;
      if (current.personal || current.evidence.some((e) => e.kind === 'tag' || e.kind === 'vocabulary')) continue;
      const counts = new Map<string, number>();
      for (const shape of shapes) {
        for (let j = 0; j < shape.container.fields.length; j++) {
          const inner = classifications[shape.firstField + j];
          if (!inner?.personal) continue;
          for (const category of inner.categories) if (category !== 'identifier.internal_id') counts.set(category, (counts.get(category) ?? 0) + 1);
        }
      }
      if (counts.size === 0) continue;
      const categories = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c).slice(0, 3);
      const name = (fields[field] as FieldFacts).name;
      const evidence: Evidence[] = [{ kind: 'content', detail: `${name} holds ${shapes[0]?.container.name ?? 'a shape'}, which holds personal data (${categories.join(', ')})` }];
      classifications[field] = { personal: true, categories, confidence: 0.75, evidence };
      changed = true;
    }
    if (!changed) break;
  }

  // Back into the shape of the input: per file, per container, per field.
  const result: ClassifiedFile[] = [];
  let e = 0;
  for (const file of files) {
    const fileContexts: ContextDecision[] = [];
    const fileClassifications: Classification[][] = [];
    for (const container of file.containers) {
      const entry = entries[e++] as Entry;
      fileContexts.push(contexts[entry.index] as ContextDecision);
      fileClassifications.push(classifications.slice(entry.firstField, entry.firstField + container.fields.length));
    }
    result.push({ contexts: fileContexts, classifications: fileClassifications });
  }
  return result;
}
