// Exports of the assessment for other tools: a fideslang dataset (YAML), the CNIL PIA tool's import
// JSON (our answers to the questions it asks), an Art. 30 record of processing (CSV, one row per
// purpose) and the OTM threat model. Identifiers, categories and people's answers only.
import { stringify } from 'yaml';
import { BUILT_IN_CATEGORIES } from '../../../../rules/taxonomy';
import type { PiaDocument } from './document';
import { toOtm } from './diagram';

/** A fides_key: letters, digits, `_`, `.`, `-`. */
function fidesKey(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase() || 'dataset';
}

function fidesCategory(key: string): string {
  return BUILT_IN_CATEGORIES.find((c) => c.key === key)?.fideslang ?? 'user';
}

/** A fideslang dataset: one collection per record, one field per personal field, with fideslang data categories. */
export function toFidesDataset(doc: PiaDocument): string {
  const collections = doc.records.map((record) => ({
    name: record.container,
    description: `${record.form} ${record.role} record in ${record.file}${record.subject ? ` (subject: ${record.subject})` : ''}`,
    fields: record.fields.map((f) => ({
      name: f.field,
      ...(f.purposes.length > 0 || f.retention ? { description: [f.purposes.length > 0 ? `purposes: ${f.purposes.join(', ')}` : '', f.retention ? `retention: ${f.retention}` : ''].filter(Boolean).join('; ') } : {}),
      data_categories: [...new Set(f.categories.map(fidesCategory))],
    })),
  }));
  const dataset = { dataset: [{ fides_key: fidesKey(doc.scope.name), name: doc.scope.name, description: `Personal data declared in the code of ${doc.scope.name}, as found by Privacy Steward.`, collections }] };
  return stringify(dataset, { lineWidth: 0 });
}

/**
 * The CNIL PIA tool's questions (pia_architecture.json) that our questions answer. Each entry is
 * one CNIL question id and the ids of ours whose answers go there, in order.
 */
export const CNIL_QUESTION_MAP: readonly { readonly reference: number; readonly ours: readonly string[] }[] = [
  { reference: 111, ours: ['description.purposes', 'screening.conclusion'] },
  { reference: 121, ours: ['description.inventory', 'description.subjects', 'description.recipients'] },
  { reference: 122, ours: ['description.flows', 'description.sources'] },
  { reference: 123, ours: ['description.stores'] },
  { reference: 211, ours: ['description.purposes', 'necessity.purpose-coverage'] },
  { reference: 212, ours: ['necessity.lawful-basis'] },
  { reference: 213, ours: ['necessity.minimisation'] },
  { reference: 215, ours: ['necessity.retention'] },
  { reference: 222, ours: ['necessity.consent'] },
  { reference: 223, ours: ['necessity.access'] },
  { reference: 224, ours: ['necessity.rectification', 'necessity.erasure'] },
  { reference: 225, ours: ['necessity.opt-out'] },
  { reference: 226, ours: ['description.recipients'] },
];

/** The text a question contributes: what a person answered, else the code's answer. */
function answerText(doc: PiaDocument, id: string): string | undefined {
  const q = doc.questions.find((x) => x.id === id);
  const text = q?.answer?.text ?? q?.draft;
  return text && text.trim() !== '' ? text.trim() : undefined;
}

/** The CNIL PIA tool's import format: the PIA, its answers by CNIL question id, and our measures. */
export function toCnilImport(doc: PiaDocument, now: string): Record<string, unknown> {
  const answers = CNIL_QUESTION_MAP.flatMap(({ reference, ours }) => {
    const texts = ours.map((id) => answerText(doc, id)).filter((t): t is string => t !== undefined);
    return texts.length === 0 ? [] : [{ reference_to: reference, data: { text: texts.join('\n\n'), gauge: null, list: null }, created_at: now, updated_at: now }];
  });
  const measures = ['measures.technical', 'measures.organisational'].flatMap((id) => {
    const text = answerText(doc, id);
    const title = id === 'measures.technical' ? 'Technical measures' : 'Organisational measures';
    return text ? [{ title, content: text, placeholder: '', created_at: now, updated_at: now }] : [];
  });
  const owner = doc.questions.find((q) => q.id === 'signoff.owner')?.answer?.text ?? '';
  const dpo = doc.questions.find((q) => q.id === 'signoff.dpo')?.answer?.text ?? '';
  return {
    pia: {
      name: `Privacy impact assessment — ${doc.scope.name}`,
      author_name: 'Privacy Steward (generated from the code)',
      evaluator_name: '',
      validator_name: owner.split('\n')[0] ?? '',
      dpos_names: dpo.split('\n')[0] ?? '',
      dpo_status: 0,
      dpo_opinion: dpo,
      status: 0,
      created_at: doc.generatedAt,
      updated_at: now,
    },
    answers,
    measures,
    evaluations: [],
    comments: [],
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const ROPA_COLUMNS = [
  'Purpose id',
  'Purpose of the processing',
  'Lawful basis',
  'Categories of data subjects',
  'Categories of personal data',
  'Special categories',
  'Categories of recipients',
  'Transfers to third countries',
  'Time limits for erasure',
  'Security measures',
  'Records (code)',
] as const;

/** An Art. 30(1) record of processing activities: one row per purpose the code uses (RFC 4180 CSV). */
export function toRopaCsv(doc: PiaDocument, labels: Readonly<Record<string, { label: string; bases?: readonly string[] }>>, isSpecial: (category: string) => boolean): string {
  const purposes = [...new Set(doc.records.flatMap((r) => r.fields.flatMap((f) => f.purposes)))].sort();
  const measures = doc.questions.find((q) => q.id === 'measures.technical');
  const rows = purposes.map((purpose) => {
    const fields = doc.records.flatMap((r) => r.fields.filter((f) => f.purposes.includes(purpose)).map((f) => ({ record: r, field: f })));
    const categories = [...new Set(fields.flatMap((f) => f.field.categories.slice(0, 1)))].sort();
    const recipients = doc.recipients.filter((r) => r.allowedPurposes === undefined || r.allowedPurposes.includes(purpose));
    return [
      purpose,
      labels[purpose]?.label ?? purpose,
      (labels[purpose]?.bases ?? []).join('; ') || [...new Set(fields.map((f) => f.field.basis).filter((b): b is string => b !== null))].join('; '),
      [...new Set(fields.map((f) => f.record.subject ?? 'unspecified'))].sort().join('; '),
      categories.join('; '),
      categories.filter(isSpecial).join('; '),
      recipients.map((r) => `${r.label} (${r.kind})`).join('; '),
      recipients.filter((r) => r.country).map((r) => `${r.label}: ${r.country}`).join('; '),
      [...new Set(fields.map((f) => f.field.retention).filter((r): r is string => r !== null))].sort().join('; '),
      measures?.answer?.text ?? measures?.draft ?? '',
      [...new Set(fields.map((f) => f.record.container))].sort().join('; '),
    ];
  });
  return `${[ROPA_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function toOtmJson(doc: PiaDocument): string {
  return `${JSON.stringify(toOtm(doc.scope.name, doc.diagram, doc.threats), null, 2)}\n`;
}
