// Decides what a container is about: a person (User, Customer), a record about a person (an
// address, session, invite), an organisation / place / system (Store, ApiKey), or nothing telling.
// Reads the name's head noun, the manifest's vocabulary, @subject tags and the fields it holds.
import type { ContainerContext, Evidence } from '../../../../rules/api';
import type { Vocabulary } from '../../../../rules/manifest/types';
import {
  AMBIGUOUS_PERSON_NOUNS,
  COLLECTIVE_NOUNS,
  CONTAINER_AFFIXES,
  CONTAINER_PREPOSITIONS,
  NON_PERSON_NOUNS,
  OWNED_NOUNS,
  PERSON_NOUNS,
  PERSONAL_RECORD_NOUNS,
  SYSTEM_NOUNS,
  TECHNICAL_PERSON_NOUNS,
} from '../../../../rules/taxonomy/vocabulary';
import { singular, splitWords } from '../../../../rules/taxonomy/words';

export interface ContextDecision {
  readonly context: ContainerContext;
  /** The head noun the decision rests on (after affixes such as Dto, Entity, Params are removed). */
  readonly head?: string;
  /** The container is a system's (API key, integration, configuration): its secrets are not a person's. */
  readonly system: boolean;
  /** The head is a session: its id and token identify a person online. */
  readonly session: boolean;
  /** The head names something owned (settings, credentials, address): a record that embeds it decides whose. */
  readonly owned: boolean;
  readonly evidence: Evidence[];
}

/** The words of a container name that carry meaning: `IUserResponseDto` → [user]; `AdminCustomerGroupInCustomerParams` → [admin, customer, group]. */
export function meaningfulWords(name: string): string[] {
  const cleaned = /^I[A-Z][a-z]/.test(name) ? name.slice(1) : name;
  let words = splitWords(cleaned).filter((w) => !/^\d+$/.test(w));
  const preposition = words.findIndex((w, i) => i > 0 && CONTAINER_PREPOSITIONS.has(w));
  if (preposition > 0) words = words.slice(0, preposition);
  while (words.length > 1 && CONTAINER_AFFIXES.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  // Leading verbs and affixes (Create, Update, Admin…) are not nouns of the thing.
  while (words.length > 1 && CONTAINER_AFFIXES.has(words[0] ?? '')) words = words.slice(1);
  return words;
}

const isPersonNoun = (w: string): boolean => PERSON_NOUNS.has(w) || PERSON_NOUNS.has(singular(w));
const isThing = (w: string): boolean => NON_PERSON_NOUNS.has(w) || NON_PERSON_NOUNS.has(singular(w));

function matchesVocabulary(name: string, head: string | undefined, list: readonly string[] | undefined): boolean {
  if (!list || list.length === 0) return false;
  const lower = name.toLowerCase();
  return list.some((entry) => {
    const e = entry.toLowerCase();
    return e === lower || e === head || singular(e) === head;
  });
}

/**
 * The context a container's own name gives it. Nested shapes (`Parent.prop`) are read by their
 * property name; schema paths (`participants.add`) by the whole path.
 */
export function nameContext(name: string, vocabulary: Vocabulary, nested: boolean): ContextDecision {
  // Many files declare the same names (Props, step0.filter): decide each name once per vocabulary.
  let byName = decisions.get(vocabulary);
  if (!byName) decisions.set(vocabulary, (byName = new Map()));
  const key = nested ? `nested\u0000${name}` : name;
  const cached = byName.get(key);
  if (cached) return cached;
  const decision = decide(name, vocabulary, nested);
  byName.set(key, decision);
  return decision;
}

const decisions = new WeakMap<Vocabulary, Map<string, ContextDecision>>();

function decide(name: string, vocabulary: Vocabulary, nested: boolean): ContextDecision {
  const words = meaningfulWords(nested ? (name.split('.').pop() ?? name) : name.replace(/[.#]/g, '_'));
  const head = words.length > 0 ? singular(words[words.length - 1] ?? '') : undefined;
  const modifiers = words.slice(0, -1);
  const systemish = words.some((w) => SYSTEM_NOUNS.has(w) || SYSTEM_NOUNS.has(singular(w))) && !words.some((w) => isPersonNoun(w) && !AMBIGUOUS_PERSON_NOUNS.has(w));
  const personModifier = modifiers.find((w) => isPersonNoun(w) && !AMBIGUOUS_PERSON_NOUNS.has(w));
  const thingModifier = modifiers.find((w) => isThing(w));
  const session = head === 'session' && !thingModifier;
  const owned = head !== undefined && (OWNED_NOUNS.has(head) || OWNED_NOUNS.has(`${head}s`));
  const base = { ...(head ? { head } : {}), system: systemish, session, owned };
  if (matchesVocabulary(name, head, vocabulary.personTypes)) {
    return { ...base, context: 'person', evidence: [{ kind: 'vocabulary', detail: `${name} is listed in the manifest's vocabulary.personTypes` }] };
  }
  if (matchesVocabulary(name, head, vocabulary.nonPersonTypes)) {
    return { ...base, context: 'non-person', evidence: [{ kind: 'vocabulary', detail: `${name} is listed in the manifest's vocabulary.nonPersonTypes` }] };
  }
  if (!head) return { ...base, context: 'neutral', evidence: [] };
  if (isPersonNoun(head) && !TECHNICAL_PERSON_NOUNS.has(head)) return { ...base, context: 'person', evidence: [{ kind: 'container', detail: `${name} is a person type (“${head}”)` }] };
  if (COLLECTIVE_NOUNS.has(head)) return { ...base, context: 'non-person', evidence: [{ kind: 'container', detail: `${name} is a group, not one person (“${head}”)` }] };
  if (owned) {
    if (personModifier) return { ...base, context: 'personal-record', evidence: [{ kind: 'container', detail: `${name} belongs to a person (“${personModifier} ${head}”)` }] };
    if (thingModifier) return { ...base, context: 'non-person', evidence: [{ kind: 'container', detail: `${name} belongs to a ${thingModifier}, not a person` }] };
    if (head === 'address' || head === 'location') return { ...base, context: 'personal-record', evidence: [{ kind: 'container', detail: `${name} is an address (usually a person’s)` }] };
    return { ...base, context: 'neutral', evidence: [] };
  }
  if (PERSONAL_RECORD_NOUNS.has(head)) {
    if (thingModifier && !personModifier && SYSTEM_NOUNS.has(thingModifier)) return { ...base, context: 'non-person', evidence: [{ kind: 'container', detail: `${name} belongs to a ${thingModifier}, not a person` }] };
    return { ...base, context: 'personal-record', evidence: [{ kind: 'container', detail: `${name} is a record about a person (“${head}”)` }] };
  }
  if (isThing(head)) {
    if (personModifier) return { ...base, context: 'personal-record', evidence: [{ kind: 'container', detail: `${name} is a person’s ${head}` }] };
    return { ...base, context: 'non-person', evidence: [{ kind: 'container', detail: `${name} is not about a person (“${head}”)` }] };
  }
  if (personModifier) return { ...base, context: 'personal-record', evidence: [{ kind: 'container', detail: `${name} is about a ${personModifier}` }] };
  return { ...base, context: 'neutral', evidence: [] };
}
