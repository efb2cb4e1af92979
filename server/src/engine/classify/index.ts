// Classifies every field of the workspace at once, because context crosses files: a value object
// embedded in a person record is about that person, a field typed with another record is a relation,
// and a field holding an embedded shape is personal when that shape holds personal data.
import type { Classification, Evidence } from '../../../../rules/api';
import type { Vocabulary } from '../../../../rules/manifest/types';
import { PERSON_NOUNS, PRIMARY_KEY_NAMES } from '../../../../rules/taxonomy/vocabulary';
import { singular } from '../../../../rules/taxonomy/words';
import { table } from '../../../../rules/lib/tables';
import type { ContainerFacts, ExtractedFile, FieldFacts, TypeFacts } from '../model';
import { classifyField, type FieldSituation } from './classify-field';
import { type ContextDecision, meaningfulWords, nameContext } from './container-context';
import { analyseName, type NameAnalysis } from './name-analysis';

export interface ClassifiedWorkspace {
  readonly contexts: ReadonlyMap<ContainerFacts, ContextDecision>;
  readonly classifications: ReadonlyMap<FieldFacts, Classification>;
}

/** Finds containers by the names types use to refer to them (same file first). */
class ContainerIndex {
  private readonly byName = new Map<string, ContainerFacts[]>();

  constructor(containers: readonly ContainerFacts[]) {
    for (const container of containers) {
      const list = this.byName.get(container.name) ?? [];
      list.push(container);
      this.byName.set(container.name, list);
    }
  }

  resolve(from: ContainerFacts, name: string | undefined): ContainerFacts | undefined {
    if (!name) return undefined;
    const candidates = this.byName.get(name);
    if (!candidates || candidates.length === 0) return undefined;
    return candidates.find((c) => c.file === from.file) ?? candidates[0];
  }

  parentOf(container: ContainerFacts): ContainerFacts | undefined {
    if (!container.parent) return undefined;
    return this.byName.get(container.parent.container)?.find((c) => c.file === container.file);
  }

  /** A nested shape extracted from a field (named Parent.field in the same file). */
  nested(from: ContainerFacts, name: string): ContainerFacts | undefined {
    return this.byName.get(name)?.find((c) => c.file === from.file);
  }

  /** The container and those it extends (interface extends, class extends), nearest first. */
  withHeritage(container: ContainerFacts): ContainerFacts[] {
    const chain = [container];
    for (let i = 0; i < chain.length && chain.length < 8; i++) {
      const current = chain[i] as ContainerFacts;
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
function contentSignals(container: ContainerFacts, analyses: ReadonlyMap<FieldFacts, NameAnalysis>): { person: number; address: number } {
  let person = 0;
  let address = 0;
  let reference = false;
  for (const field of container.fields) {
    const analysis = analyses.get(field);
    if (!analysis) continue;
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

export function classifyWorkspace(files: readonly ExtractedFile[], vocabulary: Vocabulary): ClassifiedWorkspace {
  const containers = files.flatMap((f) => f.containers);
  const index = new ContainerIndex(containers);
  const analyses = new Map<FieldFacts, NameAnalysis>();
  for (const container of containers) for (const field of container.fields) analyses.set(field, analyseName(field.name));

  // 1. What each container's own name, tags and fields say.
  const contexts = new Map<ContainerFacts, ContextDecision>();
  const addressLike = new Set<ContainerFacts>();
  for (const container of containers) {
    let decision = nameContext(container.name, vocabulary, container.parent !== undefined);
    const subject = container.tags.find((t) => t.name === 'subject' && t.value.length > 0);
    // @subject says whose data the type holds; the type is a person only when its name says so too.
    if (subject) decision = withEvidence(decision, decision.context === 'person' ? 'person' : 'personal-record', `${container.name} is declared @subject ${subject.value}`);
    const signals = contentSignals(container, analyses);
    if (decision.context === 'neutral' && signals.person >= 2) {
      decision = withEvidence(decision, 'personal-record', `${container.name} holds several fields that identify a person`);
    }
    if (signals.address >= 2 || decision.head === 'address') {
      addressLike.add(container);
      if (decision.context === 'neutral') decision = withEvidence(decision, 'personal-record', `${container.name} holds the parts of an address`);
    }
    contexts.set(container, decision);
  }

  // 2. Nested and embedded shapes take the context of the record that holds them.
  const embedders = new Map<ContainerFacts, ContainerFacts[]>();
  for (const container of containers) {
    for (const field of container.fields) {
      const target = index.resolve(container, referencedName(field.type));
      if (!target || target === container || isRecord(target)) continue;
      const list = embedders.get(target) ?? [];
      list.push(container);
      embedders.set(target, list);
    }
  }
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const container of containers) {
      const own = contexts.get(container);
      if (!own || own.context === 'person') continue;
      const holders = [index.parentOf(container), ...(embedders.get(container) ?? [])].filter((c): c is ContainerFacts => c !== undefined);
      if (holders.length === 0) continue;
      const holderContexts = holders.map((h) => ({ holder: h, decision: contexts.get(h) }));
      const personal = holderContexts.find((h) => h.decision?.context === 'person' || h.decision?.context === 'personal-record');
      const adoptable = own.context === 'neutral' || (own.owned && own.context === 'non-person');
      if (personal && adoptable) {
        contexts.set(container, withEvidence(own, 'personal-record', `${container.name} is held by ${personal.holder.name}, which is about a person`));
        changed = true;
      } else if (!personal && own.context === 'neutral' && holderContexts.every((h) => h.decision?.context === 'non-person')) {
        contexts.set(container, withEvidence(own, 'non-person', `${container.name} is held by ${holders[0]?.name}, which is not about a person`));
        changed = true;
      }
    }
    if (!changed) break;
  }

  // 3. Each field on its own.
  const personTypeWords = new Set<string>();
  for (const [container, decision] of contexts) {
    if (decision.context !== 'person' || container.parent) continue;
    const words = meaningfulWords(container.name);
    if (words.length === 1 && words[0]) personTypeWords.add(singular(words[0]));
  }
  const isPersonType = (word: string): boolean => personTypeWords.has(singular(word));
  const personalFieldNames = table(vocabulary.personalFields ?? {});
  const notPersonalFieldNames = new Set(vocabulary.notPersonalFields ?? []);
  const classifications = new Map<FieldFacts, Classification>();
  for (const container of containers) {
    const context = contexts.get(container);
    if (!context) continue;
    for (const field of container.fields) {
      const analysis = analyses.get(field) ?? analyseName(field.name);
      const targetContainer = index.resolve(container, referencedName(field.type));
      const targetContext = targetContainer ? contexts.get(targetContainer) : undefined;
      const situation: FieldSituation = {
        field,
        container,
        context,
        analysis,
        addressLike: addressLike.has(container),
        ...(targetContainer && targetContext ? { target: { container: targetContainer, context: targetContext, isRecord: isRecord(targetContainer) } } : {}),
        personalFieldNames,
        notPersonalFieldNames,
        isPersonType,
      };
      classifications.set(field, classifyField(situation));
    }
  }

  // 4. A field holding an embedded shape is personal when the shape holds personal data
  //    (more than ids of people). Repeated so that shapes nested in shapes settle.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const container of containers) {
      for (const field of container.fields) {
        const current = classifications.get(field);
        if (!current || current.personal || current.evidence.some((e) => e.kind === 'tag' || e.kind === 'vocabulary')) continue;
        const words = analyses.get(field)?.words ?? [];
        if (isPersonWord(words[words.length - 1] ?? '')) continue;
        // The shapes the field holds: its inline shape, and the type it names when that is a value
        // (IMemberInvite & { _inviterId }), each with the fields they inherit.
        const named = index.resolve(container, referencedName(field.type));
        const held = [
          ...(field.nested ? [index.nested(container, field.nested)] : []),
          ...(named && !isRecord(named) ? [named] : []),
        ].filter((c): c is ContainerFacts => c !== undefined && c !== container);
        if (held.length === 0) continue;
        const innerFields = held.flatMap((c) => index.withHeritage(c)).flatMap((c) => c.fields);
        const inner = held[0] as ContainerFacts;
        const innerCategories = innerFields
          .map((f) => classifications.get(f))
          .filter((c): c is Classification => c !== undefined && c.personal)
          .flatMap((c) => c.categories);
        const meaningful = innerCategories.filter((c) => c !== 'identifier.internal_id');
        if (meaningful.length === 0) continue;
        const counts = new Map<string, number>();
        for (const c of meaningful) counts.set(c, (counts.get(c) ?? 0) + 1);
        const categories = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c).slice(0, 3);
        const evidence: Evidence[] = [{ kind: 'content', detail: `${field.name} holds ${inner.name}, which holds personal data (${categories.join(', ')})` }];
        classifications.set(field, { personal: true, categories, confidence: 0.75, evidence });
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { contexts, classifications };
}
