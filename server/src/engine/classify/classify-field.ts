// Decides whether one field holds personal data, of which categories, how sure, and why. Weighs,
// in order: explicit tags, the manifest vocabulary, relations, validators, the name (term, modifiers,
// references, flags, timestamps) and the container's context. The explanation is kept as evidence.
import type { CategoryKey, Classification, Evidence } from '../../../../rules/api';
import { PERSON_DATA_NOUNS, PERSON_NOUNS, REFERENCE_SUFFIXES, TECHNICAL_PERSON_NOUNS, type Term } from '../../../../rules/taxonomy/vocabulary';
import { singular, splitWords } from '../../../../rules/taxonomy/words';
import { table } from '../../../../rules/lib/tables';
import type { ContainerFacts, FieldFacts, TypeFacts, ValueHint } from '../model';
import type { ContextDecision } from './container-context';
import type { NameAnalysis } from './name-analysis';

export interface FieldSituation {
  readonly field: FieldFacts;
  readonly container: ContainerFacts;
  readonly context: ContextDecision;
  readonly analysis: NameAnalysis;
  /** The container looks like a postal address (its head, or several address fields). */
  readonly addressLike: boolean;
  /** What the field's declared type points at, when it resolves to a container of the workspace. */
  readonly target?: { readonly container: ContainerFacts; readonly context: ContextDecision; readonly isRecord: boolean };
  readonly personalFieldNames: Readonly<Record<string, string>>;
  readonly notPersonalFieldNames: ReadonlySet<string>;
  /** Whether a word names a type of this workspace that is a person (Contact, when `Contact` is one). */
  readonly isPersonType: (word: string) => boolean;
}

const NOT: (confidence: number, evidence: Evidence[]) => Classification = (confidence, evidence) => ({ personal: false, categories: [], confidence, evidence });
const YES: (categories: CategoryKey[], confidence: number, evidence: Evidence[]) => Classification = (categories, confidence, evidence) => ({
  personal: true,
  categories,
  confidence: Math.round(confidence * 100) / 100,
  evidence,
});

/** Validator hints that name a category outright; the rest only support a name. */
const HINT_CATEGORIES: Partial<Record<ValueHint, { category: CategoryKey; strength: Term['strength']; label: string }>> = table({
  email: { category: 'contact.email', strength: 'direct', label: 'an email validator' },
  phone: { category: 'contact.phone', strength: 'direct', label: 'a phone-number validator' },
  ip: { category: 'identifier.online', strength: 'direct', label: 'an IP-address type or validator' },
  'postal-code': { category: 'contact.address', strength: 'contextual', label: 'a postal-code validator' },
  'credit-card': { category: 'financial', strength: 'direct', label: 'a card-number validator' },
  iban: { category: 'financial', strength: 'direct', label: 'an IBAN validator' },
  'lat-long': { category: 'location', strength: 'contextual', label: 'a coordinate validator' },
  timezone: { category: 'location', strength: 'contextual', label: 'a time-zone validator' },
  locale: { category: 'demographic', strength: 'contextual', label: 'a locale validator' },
  'strong-password': { category: 'credential', strength: 'secret', label: 'a password-strength validator' },
  jwt: { category: 'credential', strength: 'secret', label: 'a JWT validator' },
  'government-id': { category: 'identifier.government', strength: 'direct', label: 'an identity-document validator' },
  mac: { category: 'identifier.device', strength: 'direct', label: 'a MAC-address validator' },
});

/** Categories a yes/no or a number cannot hold: an email is never `true` or `42`. */
const VALUE_CATEGORIES = new Set(['name', 'contact.email', 'identifier.username', 'free_text', 'image', 'social', 'contact.other']);

function baseKind(type: TypeFacts): TypeFacts['kind'] {
  return type.kind === 'array' ? (type.element?.kind ?? 'unknown') : type.kind;
}

function isFlagType(type: TypeFacts): boolean {
  return baseKind(type) === 'boolean';
}

/** Whether a term (or hint) of this strength counts as personal in this situation. */
function termApplies(strength: Term['strength'], personOnly: boolean, s: FieldSituation, personModifier: boolean, strict = false): { ok: boolean; why: string } {
  const { context } = s.context;
  if (personModifier) return { ok: true, why: 'qualified by a person noun' };
  if (strict && strength === 'contextual' && context !== 'person') {
    return { ok: false, why: `personal only on a person’s own record, and ${s.container.name} is not one` };
  }
  switch (strength) {
    case 'direct':
      if (personOnly) return { ok: true, why: 'describes only people' };
      return context === 'non-person' ? { ok: false, why: `${s.container.name} is not about a person` } : { ok: true, why: 'identifies a person' };
    case 'contextual':
      return context === 'person' || context === 'personal-record'
        ? { ok: true, why: `inside ${s.container.name}, ${context === 'person' ? 'a person' : 'a record about a person'}` }
        : { ok: false, why: `personal only in a person’s record, and ${s.container.name} is not one` };
    case 'address':
      return (context === 'person' || context === 'personal-record') && s.addressLike
        ? { ok: true, why: `part of ${s.container.name}, a person’s address` }
        : { ok: false, why: `an address part only in a person’s address, and ${s.container.name} is not one` };
    case 'secret':
      if (context === 'non-person' || s.context.system) return { ok: false, why: `a secret of ${s.container.name}, a system, not of a person` };
      return { ok: true, why: 'a secret that authenticates a person' };
    default:
      return { ok: false, why: 'unknown strength' };
  }
}

function tagDecision(s: FieldSituation): Classification | undefined {
  const own = s.field.tags;
  const personal = own.find((t) => t.name === 'personal');
  const notPersonal = own.find((t) => t.name === 'notPersonal');
  if (personal) {
    const categories = personal.value.split(/[,\s]+/).filter((c) => c.length > 0);
    return YES(categories.length > 0 ? categories : ['other'], 1, [{ kind: 'tag', detail: `declared @personal${categories.length > 0 ? ` ${categories.join(', ')}` : ''}` }]);
  }
  if (notPersonal) return NOT(1, [{ kind: 'tag', detail: 'declared @notPersonal' }]);
  const inheritedNot = s.container.tags.find((t) => t.name === 'notPersonal');
  if (inheritedNot) return NOT(1, [{ kind: 'tag', detail: `${s.container.name} is declared @notPersonal` }]);
  return undefined;
}

function relationDecision(s: FieldSituation): Classification | undefined {
  const { field, target, analysis } = s;
  const kind = baseKind(field.type);
  // @ManyToOne(() => Customer, { mapToPk: true }) customer_id: string — the column holds the key.
  const scalar = kind === 'string' || kind === 'number' || kind === 'id';
  const relation = field.relation && field.relation.kind === 'to-one' && scalar ? { ...field.relation, kind: 'foreign-key' as const } : field.relation;
  if (relation && relation.kind !== 'foreign-key' && relation.kind !== 'embedded') {
    return NOT(0.85, [{ kind: 'type', detail: `${field.name} is a relation to ${relation.target ?? 'another record'}; that record’s own fields are classified where it is declared` }]);
  }
  if (relation?.kind === 'foreign-key') {
    const pointsAtPerson = target?.context.context === 'person' || analysis.reference !== undefined || relationTargetIsPerson(relation.target);
    return pointsAtPerson
      ? YES(['identifier.internal_id'], 0.85, [{ kind: 'reference', detail: `${field.name} holds the id of ${target?.container.name ?? 'a person record'}` }])
      : NOT(0.7, [{ kind: 'reference', detail: `${field.name} holds the id of a record that is not a person` }]);
  }
  if (target?.isRecord && (kind === 'reference' || kind === 'object')) {
    return NOT(0.8, [{ kind: 'type', detail: `${field.name} links to ${target.container.name}, a record of its own; its fields are classified there` }]);
  }
  // user: User, subscriber?: SubscriberEntity, owner: { … }: the person as a whole, not a value of them.
  const lastWord = analysis.words[analysis.words.length - 1] ?? '';
  if ((kind === 'reference' || kind === 'object') && !analysis.term && analysis.words.length > 0 && isPersonWord(lastWord) && !field.nested) {
    return NOT(0.7, [{ kind: 'type', detail: `${field.name} is the ${lastWord} record itself; its fields are classified where that type is declared` }]);
  }
  return undefined;
}

/** The related model's name is a person noun (Customer, AuthIdentity), even when it is declared elsewhere. */
function relationTargetIsPerson(target: string | undefined): boolean {
  if (!target) return false;
  const words = splitWords(target);
  return isPersonWord(words[words.length - 1] ?? '');
}

/** “a user”, “an author”. */
function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function isPersonWord(word: string): boolean {
  return PERSON_NOUNS.has(word) || PERSON_NOUNS.has(singular(word));
}

function hintDecision(s: FieldSituation, flag: boolean): Classification | undefined {
  for (const hint of s.field.hints) {
    const info = HINT_CATEGORIES[hint];
    if (!info || flag) continue;
    const applies = termApplies(info.strength, false, s, s.analysis.term?.personModifier !== undefined);
    const source = s.field.decorators.length > 0 ? 'a validator decorator' : info.label;
    if (applies.ok) return YES([info.category], 0.97, [{ kind: 'validator', detail: `${s.field.name} is checked by ${source} (${info.category})` }]);
  }
  return undefined;
}

function termDecision(s: FieldSituation, flag: boolean): Classification | undefined {
  const match = s.analysis.term;
  if (!match) return undefined;
  const { term } = match;
  const words = term.words.join(' ');
  if (match.thingModifier) {
    return NOT(0.75, [{ kind: 'negative', detail: `“${words}” here is the ${words} of ${article(match.thingModifier)}, not of a person` }]);
  }
  if (flag && !term.flag) {
    return NOT(0.8, [{ kind: 'type', detail: `${s.field.name} is a yes/no about the ${words}, not the ${words} itself` }]);
  }
  const kind = baseKind(s.field.type);
  if (kind === 'number' && VALUE_CATEGORIES.has(term.category)) {
    return NOT(0.7, [{ kind: 'type', detail: `${s.field.name} is a number, so it cannot hold a ${words}` }]);
  }
  if (kind === 'date' && term.category !== 'behavior.activity' && term.category !== 'demographic') {
    return NOT(0.7, [{ kind: 'type', detail: `${s.field.name} is a date about the ${words}, not the ${words}` }]);
  }
  const applies = termApplies(term.strength, term.personOnly === true, s, match.personModifier !== undefined, term.strictContext === true);
  const qualifier = match.sensitiveQualifier;
  const nameEvidence: Evidence = {
    kind: 'name',
    detail: `name “${s.field.name}” reads as ${words} (${term.category})${match.personModifier ? ` of ${article(match.personModifier)}` : ''}${qualifier ? `, and “${qualifier.words.join(' ')}” makes it ${qualifier.category}` : ''}`,
  };
  if (!applies.ok) return NOT(term.strength === 'direct' ? 0.6 : 0.7, [nameEvidence, { kind: 'container', detail: applies.why }]);
  let category = term.category;
  if (s.context.session && category === 'credential') category = 'identifier.online';
  // medicalNotes: free text, and health data first of all.
  const categories = match.sensitiveQualifier && match.sensitiveQualifier.category !== category ? [match.sensitiveQualifier.category, category] : [category];
  const confidence =
    match.personModifier ? 0.93
    : term.strength === 'direct' ? (term.personOnly ? 0.95 : 0.9)
    : term.strength === 'secret' ? 0.85
    : s.context.context === 'person' ? 0.85
    : 0.75;
  return YES(categories, confidence, [nameEvidence, ...s.context.evidence.slice(0, 1), { kind: 'container', detail: applies.why }]);
}

function referenceDecision(s: FieldSituation): Classification | undefined {
  const { analysis, field } = s;
  const words = analysis.words;
  const last = words[words.length - 1] ?? '';
  const owner = words[words.length - 2];
  // contactId where the workspace declares Contact as a person: a person's id, whatever the word.
  if (!analysis.reference && owner !== undefined && REFERENCE_SUFFIXES.has(last) && s.isPersonType(owner) && baseKind(field.type) !== 'boolean') {
    return YES(['identifier.internal_id'], 0.85, [{ kind: 'reference', detail: `${field.name} points at ${article(owner)}, a person type of this workspace` }]);
  }
  // contactAttributes, user_metadata: a bundle of that person's data.
  if (owner !== undefined && PERSON_DATA_NOUNS.has(last) && (isPersonWord(owner) || s.isPersonType(owner)) && !TECHNICAL_PERSON_NOUNS.has(owner)) {
    const kind = baseKind(field.type);
    if (kind !== 'boolean' && kind !== 'number' && kind !== 'date') {
      return YES(['other'], 0.65, [{ kind: 'name', detail: `${field.name} holds the ${owner}’s ${last}` }]);
    }
  }
  if (analysis.reference) {
    const kind = baseKind(field.type);
    if (kind === 'boolean' || kind === 'date' || kind === 'number' && analysis.reference.actor) return undefined;
    const detail = analysis.reference.actor
      ? `${field.name} records who ${analysis.reference.noun} it: a person’s id`
      : `${field.name} points at ${article(analysis.reference.noun)}, a person`;
    return YES(['identifier.internal_id'], 0.88, [{ kind: 'reference', detail }]);
  }
  if (analysis.primaryKey || field.primaryKey) {
    if (s.context.session) return YES(['identifier.online'], 0.8, [{ kind: 'reference', detail: `${field.name} identifies ${s.container.name}, a person’s session` }]);
    if (s.context.context === 'person') return YES(['identifier.internal_id'], 0.85, [{ kind: 'reference', detail: `${field.name} is the key of ${s.container.name}, a person record` }]);
    return NOT(0.8, [{ kind: 'reference', detail: `${field.name} is the key of ${s.container.name}, which is not a person record` }]);
  }
  return undefined;
}

function timestampDecision(s: FieldSituation): Classification | undefined {
  const { analysis } = s;
  if (!analysis.timestamp && baseKind(s.field.type) !== 'date') return undefined;
  const first = analysis.words[0];
  const recordsAction = analysis.actionWord !== undefined && (first === 'last' || s.context.context === 'person' || s.context.context === 'personal-record');
  if (recordsAction && s.context.context !== 'non-person' && !s.context.system) {
    return YES(['behavior.activity'], 0.75, [{ kind: 'name', detail: `${s.field.name} records when the person ${analysis.actionWord}` }]);
  }
  return analysis.timestamp ? NOT(0.85, [{ kind: 'name', detail: `${s.field.name} is a record timestamp` }]) : undefined;
}

/** Classifies one field from its situation. Embedded shapes are settled later (see classifyWorkspace). */
export function classifyField(s: FieldSituation): Classification {
  const tagged = tagDecision(s);
  if (tagged) return tagged;
  if (s.notPersonalFieldNames.has(s.field.name)) return NOT(0.95, [{ kind: 'vocabulary', detail: `${s.field.name} is listed in the manifest's vocabulary.notPersonalFields` }]);
  const listed = s.personalFieldNames[s.field.name];
  if (listed) return YES([listed], 0.95, [{ kind: 'vocabulary', detail: `${s.field.name} is listed in the manifest's vocabulary.personalFields (${listed})` }]);
  const related = relationDecision(s);
  if (related) return related;
  const flag = s.analysis.flag || isFlagType(s.field.type);
  const fromHint = hintDecision(s, flag);
  if (fromHint) return fromHint;
  const fromTerm = termDecision(s, flag);
  if (fromTerm?.personal) return fromTerm;
  if (!flag) {
    const fromReference = referenceDecision(s);
    if (fromReference) return fromReference;
    const fromTime = timestampDecision(s);
    if (fromTime) return fromTime;
  }
  if (fromTerm) return fromTerm;
  if (s.analysis.negativeHead) {
    return NOT(0.8, [{ kind: 'negative', detail: `“${s.analysis.negativeHead}” makes ${s.field.name} data about the data, not personal data` }]);
  }
  if (flag) return NOT(0.85, [{ kind: 'type', detail: `${s.field.name} is a yes/no flag` }]);
  return NOT(0.9, []);
}
