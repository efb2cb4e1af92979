// The living privacy impact assessment (pia.json): generated from the code's facts, merged with
// the previous generation so that every human answer is kept (answers to questions or threats that
// no longer exist move to `retired`), an answer whose evidence changed is marked stale, and what
// changed since the last generation is recorded.
import { createHash } from 'node:crypto';
import type { LinddunCategory, PiaMode, PiaSectionId } from '../../../../rules/pia/catalogue';
import { PIA_QUESTIONS } from '../../../../rules/pia/catalogue';
import { ANSWERERS } from './answers';
import { buildDiagram, type Diagram } from './diagram';
import type { PiaEvidence, PiaFacts } from './facts';
import { findThreats, THREAT_QUESTION } from './threats';

export const PIA_VERSION = 1;

export type PiaStatus = 'auto' | 'draft' | 'open' | 'answered' | 'stale';

/** What a person wrote; kept across generations. */
export interface PiaAnswer {
  readonly text: string;
  readonly by?: string;
  /** ISO date of the answer. */
  readonly at?: string;
  /** The evidence hash the answer was given against: when the evidence changes, the answer is stale. */
  readonly evidenceHash: string;
}

export interface PiaQuestionState {
  readonly id: string;
  readonly section: PiaSectionId;
  readonly mode: PiaMode;
  readonly question: string;
  readonly audience: string;
  readonly blocksSignOff: boolean;
  readonly references: readonly string[];
  /** The code's answer (auto) or draft (assisted). */
  readonly draft?: string;
  readonly evidence: readonly PiaEvidence[];
  readonly evidenceHash: string;
  readonly answer?: PiaAnswer;
  readonly status: PiaStatus;
}

export interface PiaThreatState {
  readonly id: string;
  readonly category: LinddunCategory;
  readonly title: string;
  readonly question: string;
  readonly evidence: readonly PiaEvidence[];
  readonly evidenceHash: string;
  readonly answer?: PiaAnswer;
  readonly status: 'open' | 'answered' | 'stale';
}

export interface PiaRecord {
  readonly container: string;
  readonly file: string;
  readonly line?: number;
  readonly form: string;
  readonly role: string;
  readonly subject?: string;
  readonly fields: readonly { readonly field: string; readonly categories: readonly string[]; readonly purposes: readonly string[]; readonly retention: string | null; readonly basis: string | null; readonly source: string | null; readonly line?: number }[];
}

export interface PiaChange {
  readonly generation: number;
  readonly at: string;
  readonly added: PiaKeys;
  readonly removed: PiaKeys;
}

export interface PiaKeys {
  readonly fields: readonly string[];
  readonly purposes: readonly string[];
  readonly recipients: readonly string[];
  readonly stores: readonly string[];
}

export interface PiaDocument {
  readonly version: typeof PIA_VERSION;
  readonly generation: number;
  readonly generatedAt: string;
  readonly scope: { readonly name: string; readonly files: number; readonly personalFields: number; readonly records: number; readonly categories: number };
  readonly coverage: { readonly purpose: number; readonly retention: number; readonly specialWithBasis: number };
  readonly records: readonly PiaRecord[];
  readonly collectionPoints: readonly { readonly id: string; readonly kind: string; readonly method?: string; readonly handler: string; readonly file: string; readonly line: number; readonly elements: readonly string[]; readonly fields: readonly string[] }[];
  readonly recipients: readonly { readonly id: string; readonly label: string; readonly kind: string; readonly declared: boolean; readonly allowedPurposes?: readonly string[]; readonly country?: string; readonly dpa?: boolean; readonly fields: readonly string[]; readonly evidence: readonly PiaEvidence[] }[];
  readonly stores: readonly { readonly id: string; readonly label: string; readonly kind: string; readonly categories: Readonly<Record<string, readonly string[]>> }[];
  readonly diagram: Diagram;
  readonly questions: readonly PiaQuestionState[];
  readonly threats: readonly PiaThreatState[];
  /** Answers to questions or threats that are gone from the code: never dropped. */
  readonly retired: readonly { readonly id: string; readonly kind: 'question' | 'threat'; readonly title: string; readonly answer: PiaAnswer }[];
  /** Newest first. */
  readonly changes: readonly PiaChange[];
  /** Hash of the generated PIA.md outside its answer blocks: tells a hand edit from a generated text. */
  readonly markdownHash?: string;
}

const MAX_CHANGES = 20;

export function evidenceHash(evidence: readonly PiaEvidence[]): string {
  const keys = [...new Set(evidence.map((e) => e.what))].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}

function statusOf(mode: PiaMode, hash: string, answer: PiaAnswer | undefined): PiaStatus {
  if (answer) return answer.evidenceHash === hash ? 'answered' : 'stale';
  return mode === 'auto' ? 'auto' : mode === 'assisted' ? 'draft' : 'open';
}

function keysOf(doc: Pick<PiaDocument, 'records' | 'recipients' | 'stores'>, purposes: readonly string[]): PiaKeys {
  return {
    fields: doc.records.flatMap((r) => r.fields.map((f) => `${r.container}.${f.field}`)).sort(),
    purposes: [...purposes].sort(),
    recipients: doc.recipients.map((r) => r.id).sort(),
    stores: doc.stores.map((s) => s.id).sort(),
  };
}

function diffKeys(before: PiaKeys, after: PiaKeys): { added: PiaKeys; removed: PiaKeys } {
  const minus = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));
  const side = (a: PiaKeys, b: PiaKeys): PiaKeys => ({ fields: minus(a.fields, b.fields), purposes: minus(a.purposes, b.purposes), recipients: minus(a.recipients, b.recipients), stores: minus(a.stores, b.stores) });
  return { added: side(after, before), removed: side(before, after) };
}

function isEmpty(keys: PiaKeys): boolean {
  return keys.fields.length + keys.purposes.length + keys.recipients.length + keys.stores.length === 0;
}

function purposesIn(doc: Pick<PiaDocument, 'records'>): string[] {
  return [...new Set(doc.records.flatMap((r) => r.fields.flatMap((f) => f.purposes)))];
}

/** The document's content without what only says when it was made: equal contents mean nothing changed. */
export function contentOf(doc: PiaDocument): string {
  const { generation: _generation, generatedAt: _at, changes: _changes, markdownHash: _md, ...content } = doc;
  return JSON.stringify(content);
}

export interface GenerateOptions {
  /** The current date and time (ISO), for new generations and answers. */
  readonly now: string;
}

/** Generates the assessment from the facts, keeping what `previous` holds of people's answers. */
export function generatePia(facts: PiaFacts, previous: PiaDocument | undefined, options: GenerateOptions): PiaDocument {
  const previousQuestions = new Map((previous?.questions ?? []).map((q) => [q.id, q]));
  const previousThreats = new Map((previous?.threats ?? []).map((t) => [t.id, t]));

  const questions: PiaQuestionState[] = PIA_QUESTIONS.map((q) => {
    const draft = ANSWERERS[q.id]?.(facts) ?? { evidence: [] };
    const hash = evidenceHash(draft.evidence);
    const answer = previousQuestions.get(q.id)?.answer;
    return {
      id: q.id,
      section: q.section,
      mode: q.mode,
      question: q.text,
      audience: q.audience,
      blocksSignOff: q.blocksSignOff,
      references: q.references,
      ...(draft.text !== undefined ? { draft: draft.text } : {}),
      evidence: draft.evidence,
      evidenceHash: hash,
      ...(answer ? { answer } : {}),
      status: statusOf(q.mode, hash, answer),
    };
  });

  const threats: PiaThreatState[] = findThreats(facts).map((t) => {
    const hash = evidenceHash(t.evidence);
    const answer = previousThreats.get(t.id)?.answer;
    const status = answer ? (answer.evidenceHash === hash ? 'answered' : 'stale') : 'open';
    return { id: t.id, category: t.category, title: t.title, question: THREAT_QUESTION, evidence: t.evidence, evidenceHash: hash, ...(answer ? { answer } : {}), status };
  });

  // Nothing a person wrote is dropped: answers to what is gone are kept as retired.
  const retired = [...(previous?.retired ?? [])];
  for (const q of previous?.questions ?? []) if (q.answer && !questions.some((n) => n.id === q.id)) retired.push({ id: q.id, kind: 'question', title: q.question, answer: q.answer });
  for (const t of previous?.threats ?? []) if (t.answer && !threats.some((n) => n.id === t.id)) retired.push({ id: t.id, kind: 'threat', title: t.title, answer: t.answer });

  const records = facts.records.map((r) => {
    const nameEvidence = facts.evidenceOf(r.elements[0] as (typeof r.elements)[number]);
    const containerLine = facts.input.textOf(r.container.file) !== undefined ? lineOfOffset(facts.input.textOf(r.container.file) as string, r.container.nameRange.start) : nameEvidence.line;
    return {
      container: r.container.name,
      file: r.container.file,
      ...(containerLine !== undefined ? { line: containerLine } : {}),
      form: r.container.form,
      role: r.container.role,
      ...(r.subject ? { subject: r.subject } : {}),
      fields: r.elements.map((e) => {
        const at = facts.evidenceOf(e);
        return {
          field: e.field,
          categories: e.classification.categories,
          purposes: e.declared.purposes.map((p) => p.value),
          retention: e.declared.retention?.value ?? null,
          basis: e.declared.basis ? e.declared.basis.value.join(', ') : null,
          source: e.declared.source?.value ?? null,
          ...(at.line !== undefined ? { line: at.line } : {}),
        };
      }),
    };
  });
  const special = facts.declarable.filter((e) => e.classification.categories.some((c) => facts.input.taxonomy.isSpecial(c) || facts.input.taxonomy.isCriminal(c)));
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : Number((part / whole).toFixed(3)));
  const body = {
    scope: { name: facts.input.name, files: new Set(facts.personal.map((e) => e.file)).size, personalFields: facts.declarable.length, records: records.length, categories: facts.byCategory.size },
    coverage: {
      purpose: ratio(facts.declarable.filter((e) => e.declared.purposes.length > 0).length, facts.declarable.length),
      retention: ratio(facts.declarable.filter((e) => e.declared.retention).length, facts.declarable.length),
      specialWithBasis: ratio(special.filter((e) => e.declared.basis).length, special.length),
    },
    records,
    collectionPoints: facts.input.collectionPoints.map((p) => ({ id: p.id, kind: p.kind, ...(p.method ? { method: p.method } : {}), handler: p.handler, file: p.file, line: p.line, elements: p.elementIds, fields: p.fieldNames })),
    recipients: facts.recipients.map((r) => ({
      id: r.id,
      label: r.label,
      kind: r.kind,
      declared: r.declared,
      ...(r.allowedPurposes ? { allowedPurposes: r.allowedPurposes } : {}),
      ...(r.country ? { country: r.country } : {}),
      ...(r.dpa !== undefined ? { dpa: r.dpa } : {}),
      fields: [...new Set(r.flows.map((f) => f.element?.id ?? f.valueName))].sort(),
      evidence: r.flows.map(facts.flowEvidence),
    })),
    stores: facts.stores.map((s) => ({ id: s.id, label: s.label, kind: s.kind, categories: Object.fromEntries([...s.categories.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) })),
    diagram: buildDiagram(facts),
    questions,
    threats,
    retired,
  };

  const draftDoc: PiaDocument = { version: PIA_VERSION, generation: previous?.generation ?? 0, generatedAt: previous?.generatedAt ?? options.now, ...body, changes: previous?.changes ?? [] };
  if (previous && contentOf(draftDoc) === contentOf(previous)) return { ...draftDoc, ...(previous.markdownHash ? { markdownHash: previous.markdownHash } : {}) };
  const generation = (previous?.generation ?? 0) + 1;
  const changes = [...(previous?.changes ?? [])];
  if (previous) {
    const { added, removed } = diffKeys(keysOf(previous, purposesIn(previous)), keysOf(draftDoc, purposesIn(draftDoc)));
    if (!isEmpty(added) || !isEmpty(removed)) changes.unshift({ generation, at: options.now, added, removed });
  }
  return { ...draftDoc, generation, generatedAt: options.now, changes: changes.slice(0, MAX_CHANGES) };
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Sets people's answers (from the editor or PIA.md): each is given against the evidence as it is now. */
export function applyAnswers(doc: PiaDocument, answers: readonly { readonly id: string; readonly text: string; readonly by?: string }[], now: string): PiaDocument {
  const byId = new Map(answers.map((a) => [a.id, a]));
  const answered = (id: string, hash: string, old: PiaAnswer | undefined): PiaAnswer | undefined => {
    const given = byId.get(id);
    if (!given) return old;
    const text = given.text.trim();
    if (text === '') return undefined;
    if (old && old.text === text) return old;
    return { text, ...(given.by ? { by: given.by } : old?.by ? { by: old.by } : {}), at: now, evidenceHash: hash };
  };
  const questions = doc.questions.map((q) => {
    const answer = answered(q.id, q.evidenceHash, q.answer);
    const { answer: _old, ...rest } = q;
    return { ...rest, ...(answer ? { answer } : {}), status: statusOf(q.mode, q.evidenceHash, answer) };
  });
  const threats = doc.threats.map((t) => {
    const answer = answered(`threat:${t.id}`, t.evidenceHash, t.answer);
    const { answer: _old, ...rest } = t;
    const status: PiaThreatState['status'] = answer ? (answer.evidenceHash === t.evidenceHash ? 'answered' : 'stale') : 'open';
    return { ...rest, ...(answer ? { answer } : {}), status };
  });
  return { ...doc, questions, threats };
}

/** Counts for status lines and --check. */
export function piaStatus(doc: PiaDocument): { answered: number; open: number; drafts: number; stale: number; threatsOpen: number; blocking: number } {
  const human = doc.questions.filter((q) => q.mode !== 'auto');
  return {
    answered: human.filter((q) => q.status === 'answered').length,
    open: human.filter((q) => q.status === 'open').length,
    drafts: human.filter((q) => q.status === 'draft').length,
    stale: doc.questions.filter((q) => q.status === 'stale').length + doc.threats.filter((t) => t.status === 'stale').length,
    threatsOpen: doc.threats.filter((t) => t.status === 'open').length,
    // An auto question blocks while the code shows problems under it (fields without a purpose…) and nobody accepted them.
    blocking: doc.questions.filter((q) => q.blocksSignOff && (q.status === 'open' || q.status === 'draft' || q.status === 'stale' || (q.status === 'auto' && q.evidence.length > 0))).length,
  };
}
