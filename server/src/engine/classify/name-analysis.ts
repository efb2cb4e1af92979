// Reads a field name the way a privacy reviewer would: which personal-data term is its head, what
// modifies it (customerEmail, fileName), whether it refers to a person (userId, created_by), and
// whether it is a flag or a timestamp about the data rather than the data.
import type { Term } from '../../../../rules/taxonomy/vocabulary';
import {
  ACTOR_VERBS,
  AMBIGUOUS_PERSON_NOUNS,
  FLAG_PREFIXES,
  NAME_MODIFIERS,
  NON_DATA_HEADS,
  NON_PERSON_NOUNS,
  PERSON_ACTION_WORDS,
  PERSON_NOUNS,
  PRIMARY_KEY_NAMES,
  REFERENCE_SUFFIXES,
  TERMS,
  TIMESTAMP_HEADS,
  VALUE_SUFFIXES,
} from '../../../../rules/taxonomy/vocabulary';
import { singular, splitWords } from '../../../../rules/taxonomy/words';

export interface TermMatch {
  readonly term: Term;
  /** Words before the term (customer in customerEmail). */
  readonly modifiers: readonly string[];
  /** A modifier is a person noun: the value is that person's (participantEmail, authorName). */
  readonly personModifier?: string;
  /** A modifier names a thing, so the term describes that thing (fileName, companyEmail). */
  readonly thingModifier?: string;
  /** A special-category, criminal or social-network term among the modifiers (medicalNotes, instagramHandle). */
  readonly sensitiveQualifier?: Term;
}

export interface NameAnalysis {
  readonly words: readonly string[];
  /** The personal-data term that heads the name, if any. */
  readonly term?: TermMatch;
  /** The name points at a person record: a person noun + id (userId), or an actor (created_by). */
  readonly reference?: { readonly noun: string; readonly actor: boolean };
  /** `id`, `_id`, `uuid`: the record's own key. */
  readonly primaryKey: boolean;
  /** `isVerified`, `hasPassword`, `requireEmail`: a yes/no about the data. */
  readonly flag: boolean;
  /** `createdAt`, `answerDate`: a point in time. */
  readonly timestamp: boolean;
  /** A person-action word (seen, login, opened) in a timestamp name. */
  readonly actionWord?: string;
  /** The head word that made a personal term into something else (emailTemplate → template). */
  readonly negativeHead?: string;
}

interface IndexedTerm {
  readonly term: Term;
  readonly words: readonly string[];
}

let termIndex: Map<string, IndexedTerm[]> | undefined;

/** Terms by first word, longest first, so that `first name` wins over `name`. */
function index(): Map<string, IndexedTerm[]> {
  if (termIndex) return termIndex;
  termIndex = new Map();
  for (const term of TERMS) {
    const first = term.words[0];
    if (first === undefined) continue;
    const list = termIndex.get(first) ?? [];
    list.push({ term, words: term.words });
    termIndex.set(first, list);
  }
  for (const list of termIndex.values()) list.sort((a, b) => b.words.length - a.words.length);
  return termIndex;
}

interface Span {
  readonly term: Term;
  readonly start: number;
  readonly end: number;
}

function matchesAt(words: readonly string[], start: number): Span[] {
  const spans: Span[] = [];
  for (const candidate of index().get(words[start] ?? '') ?? []) {
    const end = start + candidate.words.length;
    if (end > words.length) continue;
    let ok = true;
    for (let i = 1; i < candidate.words.length; i++) {
      if (words[start + i] !== candidate.words[i]) {
        ok = false;
        break;
      }
    }
    if (ok) spans.push({ term: candidate.term, start, end });
  }
  return spans;
}

const isPersonNoun = (word: string): boolean => PERSON_NOUNS.has(word) || PERSON_NOUNS.has(singular(word));
const isThingNoun = (word: string): boolean => NON_PERSON_NOUNS.has(word) || NON_PERSON_NOUNS.has(singular(word));

/**
 * The term that heads the name: it ends the name, or only value suffixes follow it
 * (email_address, phoneNumber, passwordHash). The latest-ending, then longest, wins.
 */
function headTerm(words: readonly string[]): Span | undefined {
  let best: Span | undefined;
  for (let start = 0; start < words.length; start++) {
    for (const span of matchesAt(words, start)) {
      const rest = words.slice(span.end);
      // lastSeenDate, birthDateAt: behaviour and birth terms stay what they are when a time word follows.
      const timeOk = span.term.category === 'behavior.activity' || span.term.category === 'demographic';
      // A trailing number keeps the meaning too: email2, address_line_1, phone0.
      if (!rest.every((w) => VALUE_SUFFIXES.has(w) || /^\d+$/.test(w) || (timeOk && TIMESTAMP_HEADS.has(w)))) continue;
      if (!best || span.end > best.end || (span.end === best.end && span.end - span.start > best.end - best.start)) best = span;
    }
  }
  return best;
}

function describeModifiers(span: Span, words: readonly string[]): TermMatch {
  const modifiers = words.slice(0, span.start).filter((w) => !FLAG_PREFIXES.has(w) || span.start > 1);
  const personModifier = modifiers.find((w) => isPersonNoun(w) && !AMBIGUOUS_PERSON_NOUNS.has(w));
  let thingModifier = personModifier ? undefined : modifiers.find((w) => isThingNoun(w));
  // A contextual name or picture qualified by a noun is that thing's name (fileName, addressName, coverImage).
  if (!personModifier && !thingModifier && span.term.strength === 'contextual' && (span.term.category === 'name' || span.term.category === 'image')) {
    thingModifier = modifiers.find((w) => !NAME_MODIFIERS.has(w) && !/^\d+$/.test(w));
  }
  let sensitiveQualifier: Term | undefined;
  for (let start = 0; start < span.start && !sensitiveQualifier; start++) {
    sensitiveQualifier = matchesAt(words, start).find((s) => s.end <= span.start && (s.term.category.startsWith('special.') || s.term.category === 'criminal' || s.term.category === 'social'))?.term;
  }
  return {
    term: span.term,
    modifiers,
    ...(personModifier ? { personModifier } : {}),
    ...(thingModifier ? { thingModifier } : {}),
    ...(sensitiveQualifier ? { sensitiveQualifier } : {}),
  };
}

/** userId, customer_ids, ownerRef → the person noun; created_by, revokedBy → the actor verb. */
function referenceOf(words: readonly string[]): NameAnalysis['reference'] {
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  if (REFERENCE_SUFFIXES.has(last) && words.length >= 2) {
    const noun = words[words.length - 2] ?? '';
    if (isPersonNoun(noun) && !AMBIGUOUS_PERSON_NOUNS.has(noun)) return { noun, actor: false };
  }
  const byIndex = words.lastIndexOf('by');
  if (byIndex > 0 && (byIndex === words.length - 1 || REFERENCE_SUFFIXES.has(words[byIndex + 1] ?? '') || isPersonNoun(words[byIndex + 1] ?? ''))) {
    const verb = words[byIndex - 1] ?? '';
    if (ACTOR_VERBS.has(verb)) return { noun: verb, actor: true };
  }
  return undefined;
}

const cache = new Map<string, NameAnalysis>();

export function analyseName(name: string): NameAnalysis {
  const cached = cache.get(name);
  if (cached) return cached;
  const words = splitWords(name);
  const last = words[words.length - 1] ?? '';
  const span = headTerm(words);
  const timestamp = TIMESTAMP_HEADS.has(last) && words.length > 1;
  const flag = words.length > 1 && FLAG_PREFIXES.has(words[0] ?? '');
  const actionWord = words.find((w) => PERSON_ACTION_WORDS.has(w));
  const reference = span && span.end === words.length && span.term.strength !== 'secret' ? undefined : referenceOf(words);
  const anyTerm = span ?? words.map((_, i) => matchesAt(words, i)[0]).find((s) => s !== undefined);
  const negativeHead = !span && anyTerm && NON_DATA_HEADS.has(last) ? last : undefined;
  const analysis: NameAnalysis = {
    words,
    ...(span ? { term: describeModifiers(span, words) } : {}),
    ...(reference ? { reference } : {}),
    primaryKey: PRIMARY_KEY_NAMES.has(name) || PRIMARY_KEY_NAMES.has(words.join('_')),
    flag,
    timestamp,
    ...(actionWord ? { actionWord } : {}),
    ...(negativeHead ? { negativeHead } : {}),
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(name, analysis);
  return analysis;
}
