// The answers the code gives: for each auto or assisted question a draft in plain words with the
// evidence behind it, and for human questions the evidence their answer depends on (so that a
// change in the code marks the answer stale). Identifiers, categories and counts only.
import type { DataElement } from '../../../../rules/api';
import type { PiaEvidence, PiaFacts } from './facts';

export interface Draft {
  /** The answer the code gives (auto and assisted questions only). */
  readonly text?: string;
  readonly evidence: readonly PiaEvidence[];
}

const MAX_LISTED = 10;

function list(items: readonly string[], max = MAX_LISTED): string {
  const unique = [...new Set(items)];
  if (unique.length === 0) return 'none';
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '100%' : `${Math.round((100 * part) / whole)}%`;
}

const SPECIAL = (facts: PiaFacts) => (e: DataElement) => e.classification.categories.some((c) => facts.input.taxonomy.isSpecial(c) || facts.input.taxonomy.isCriminal(c));
const MONITORING_CATEGORIES = new Set(['behavior.activity', 'location', 'identifier.online', 'identifier.device']);
const VULNERABLE = new Set(['child', 'children', 'minor', 'student', 'pupil', 'patient', 'employee', 'applicant', 'candidate', 'resident', 'refugee', 'elderly']);

type Answerer = (facts: PiaFacts) => Draft;

export const ANSWERERS: Readonly<Record<string, Answerer>> = {
  'screening.personal-data': (facts) => {
    const files = new Set(facts.personal.map((e) => e.file)).size;
    const text = facts.personal.length === 0
      ? 'No: the code declares no personal data.'
      : `Yes: ${plural(facts.personal.length, 'personal-data field')} in ${plural(files, 'file')}, of ${plural(facts.byCategory.size, 'category')} (${list([...facts.byCategory.keys()])}).`;
    return { text, evidence: facts.personal.map(facts.evidenceOf) };
  },
  'screening.special-categories': (facts) => {
    const special = facts.personal.filter(SPECIAL(facts));
    const text = special.length === 0 ? 'No special-category or criminal-offence data is declared.' : `Yes: ${list(special.map((e) => `${e.id} (${e.classification.categories[0]})`))}. A full assessment is usually required.`;
    return { text, evidence: special.map(facts.evidenceOf) };
  },
  'screening.monitoring': (facts) => {
    const observed = facts.personal.filter((e) => e.classification.categories.some((c) => MONITORING_CATEGORIES.has(c)) || e.declared.source?.value === 'observed');
    const analytics = facts.input.flows.filter((f) => f.sink.kind === 'analytics' || f.sink.kind === 'ads');
    const parts: string[] = [];
    if (observed.length > 0) parts.push(`the code keeps data about behaviour, location or online identifiers (${list(observed.map((e) => e.id), 6)})`);
    if (analytics.length > 0) parts.push(`personal data goes to analytics or ads (${list(analytics.map((f) => f.sink.label))})`);
    const text = parts.length === 0 ? 'no sign of monitoring in the code (no activity, location or device data, no analytics). Confirm.' : `possibly — ${parts.join('; ')}. Confirm whether this amounts to systematic monitoring or profiling.`;
    return { text, evidence: [...observed.map(facts.evidenceOf), ...analytics.map(facts.flowEvidence)] };
  },
  'screening.new-technology': (facts) => {
    const llm = facts.input.flows.filter((f) => f.sink.kind === 'llm');
    const text = llm.length === 0 ? 'no personal data is sent to AI models. Confirm, and name any other new technology.' : `yes — personal data is sent to ${list(llm.map((f) => f.sink.label))} (${list(llm.map((f) => f.element?.id ?? f.valueName), 6)}).`;
    return { text, evidence: llm.map(facts.flowEvidence) };
  },
  'screening.vulnerable-subjects': (facts) => {
    const subjects = [...facts.bySubject.keys()];
    const vulnerable = subjects.filter((s) => s.split(/[-_. ]/).some((w) => VULNERABLE.has(w)));
    const text = vulnerable.length === 0 ? `the declared subjects (${list(subjects)}) are not typically vulnerable. Confirm.` : `yes — ${list(vulnerable)}.`;
    return { text, evidence: vulnerable.flatMap((s) => (facts.bySubject.get(s) ?? []).slice(0, 5).map(facts.evidenceOf)) };
  },
  'screening.scale': (facts) => ({ evidence: [{ what: `${facts.personal.length} personal fields` }] }),
  'screening.conclusion': (facts) => ({ evidence: [...ANSWERERS['screening.special-categories']!(facts).evidence, ...ANSWERERS['screening.monitoring']!(facts).evidence, ...ANSWERERS['screening.new-technology']!(facts).evidence] }),

  'description.purposes': (facts) => {
    const declared = Object.keys(facts.input.manifest.purposes);
    const lines = [...facts.byPurpose.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([purpose, elements]) => `${purpose} (${facts.input.manifest.purposes[purpose]?.label ?? 'not in the manifest'}): ${list(elements.map((e) => e.id), 6)}`);
    const unused = declared.filter((p) => !facts.byPurpose.has(p));
    const text = `${plural(facts.byPurpose.size, 'purpose')} in use. ${lines.join('; ')}.${unused.length > 0 ? ` Declared but unused: ${list(unused)}.` : ''}`;
    return { text, evidence: [...facts.byPurpose.entries()].map(([purpose, elements]) => ({ what: `${purpose}: ${elements.map((e) => e.id).sort().join(', ')}` })) };
  },
  'description.inventory': (facts) => {
    const rows = [...facts.byCategory.entries()].sort((a, b) => b[1].length - a[1].length).map(([category, elements]) => `${category} ${elements.length}`);
    return { text: `${plural(facts.declarable.length, 'field')} in ${plural(facts.records.length, 'record')}: ${rows.join(', ')}. The table below lists each record.`, evidence: facts.declarable.map(facts.evidenceOf) };
  },
  'description.subjects': (facts) => {
    const rows = [...facts.bySubject.entries()].map(([subject, elements]) => `${subject} (${plural(elements.length, 'field')})`);
    return { text: `${list(rows)}. Subjects come from @subject, else from the person the record is named after.`, evidence: [...facts.bySubject.keys()].map((s) => ({ what: `subject ${s}` })) };
  },
  'description.sources': (facts) => {
    const bySource = new Map<string, number>();
    for (const element of facts.declarable) {
      const source = element.declared.source?.value ?? 'undeclared';
      bySource.set(source, (bySource.get(source) ?? 0) + 1);
    }
    const points = facts.input.collectionPoints;
    const text = `Declared sources: ${list([...bySource.entries()].map(([s, n]) => `${s} ${n}`))}. ${plural(points.length, 'collection point')} in the code${points.length > 0 ? `: ${list(points.map((p) => `${p.method ? `${p.method} ` : ''}${p.handler}`), 8)}` : ''}.`;
    return { text, evidence: points.map((p) => ({ what: `${p.kind} ${p.handler}: ${[...p.elementIds, ...p.fieldNames].join(', ')}`, file: p.file, line: p.line })) };
  },
  'description.recipients': (facts) => {
    if (facts.recipients.length === 0) return { text: 'No personal data leaves the organisation in the code analysed.', evidence: [] };
    const rows = facts.recipients.map((r) => `${r.label} (${r.kind}; ${r.declared ? `declared${r.allowedPurposes ? ` for ${list([...r.allowedPurposes])}` : ''}` : 'not declared in the manifest'}${r.country ? `, ${r.country}` : ''}${r.dpa ? ', DPA in place' : ''})`);
    const undeclared = facts.recipients.filter((r) => !r.declared).length;
    return { text: `${plural(facts.recipients.length, 'recipient')}: ${rows.join('; ')}.${undeclared > 0 ? ` ${undeclared} not declared: add them under recipients in the manifest.` : ''}`, evidence: facts.recipients.flatMap((r) => (r.flows.length > 0 ? r.flows.map(facts.flowEvidence) : [{ what: `recipient ${r.id} (declared, no flow found)` }])) };
  },
  'description.stores': (facts) => {
    const rows = facts.stores.map((s) => `${s.label} (${s.kind}: ${list([...s.categories.keys()], 6)})`);
    return { text: rows.length === 0 ? 'No store of personal data found.' : `${rows.join('; ')}.`, evidence: facts.stores.map((s) => ({ what: `${s.id}: ${[...s.categories.keys()].sort().join(', ')}` })) };
  },
  'description.flows': (facts) => ({
    text: `${plural(facts.input.flows.length, 'flow')} of personal data into sinks, ${plural(facts.input.collectionPoints.length, 'collection point')}; the diagram below draws them, with our service, the browser and third parties as trust boundaries.`,
    evidence: facts.input.flows.map(facts.flowEvidence),
  }),

  'necessity.purpose-coverage': (facts) => {
    const missing = facts.declarable.filter((e) => e.declared.purposes.length === 0);
    return { text: `${percent(facts.declarable.length - missing.length, facts.declarable.length)} of personal fields declare a purpose.${missing.length > 0 ? ` Missing: ${list(missing.map((e) => e.id))}.` : ''}`, evidence: missing.map(facts.evidenceOf) };
  },
  'necessity.lawful-basis': (facts) => {
    const rows = Object.entries(facts.input.manifest.purposes).filter(([id]) => facts.byPurpose.has(id)).map(([id, p]) => `${id}: ${p.bases && p.bases.length > 0 ? p.bases.join(', ') : 'no basis in the manifest'}`);
    const special = facts.findingsOf('special-category-without-basis');
    const text = `${rows.length > 0 ? rows.join('; ') : 'no purpose in use declares a basis'}.${special.length > 0 ? ` ${plural(special.length, 'special-category field')} lack an Art. 9 condition.` : ''} Confirm each basis.`;
    return { text, evidence: [...rows.map((r) => ({ what: r })), ...special.map((f) => ({ what: f.elementId ?? f.ruleId, file: f.file, line: f.line }))] };
  },
  'necessity.minimisation': (facts) => {
    const unused = facts.findingsOf('unused-personal-data');
    const text = unused.length === 0 ? 'every stored personal field is read somewhere in the code. Confirm each is needed for its purpose.' : `${plural(unused.length, 'stored field')} nothing reads (${list(unused.map((f) => f.elementId ?? ''), 8)}): stop collecting them, or say why they are needed.`;
    return { text, evidence: unused.map((f) => ({ what: f.elementId ?? f.ruleId, file: f.file, line: f.line })) };
  },
  'necessity.retention': (facts) => {
    const missing = facts.declarable.filter((e) => !e.declared.retention);
    const problems = ['indefinite-retention', 'retention-exceeds-limit', 'inconsistent-retention'].flatMap((id) => facts.findingsOf(id));
    const text = `${percent(facts.declarable.length - missing.length, facts.declarable.length)} of personal fields declare a retention.${missing.length > 0 ? ` Missing: ${list(missing.map((e) => e.id))}.` : ''}${problems.length > 0 ? ` ${plural(problems.length, 'retention problem')} (indefinite, over a category's limit, or inconsistent between copies).` : ''}`;
    return { text, evidence: [...missing.map(facts.evidenceOf), ...problems.map((f) => ({ what: `${f.ruleId} ${f.elementId ?? ''}`, file: f.file, line: f.line }))] };
  },
  'necessity.access': (facts) => {
    const stores = facts.stores.filter((s) => s.kind === 'database' || s.kind === 'third-party');
    return { text: `an export must cover ${list(stores.map((s) => s.label))} — ${plural(facts.records.filter((r) => r.container.role === 'stored').length, 'stored record')}. Describe how a person gets a copy.`, evidence: stores.map((s) => ({ what: `${s.id}: ${[...s.categories.keys()].sort().join(', ')}` })) };
  },
  'necessity.rectification': (facts) => ({ evidence: facts.stores.map((s) => ({ what: s.id })) }),
  'necessity.erasure': (facts) => {
    const missing = facts.findingsOf('missing-erasure');
    const covered = facts.erasers.map((e) => `${e.function} (${e.targets.join(', ')})`);
    const thirdParties = facts.recipients.filter((r) => r.flows.length > 0).map((r) => r.label);
    const text = `erasing functions: ${list(covered)}.${missing.length > 0 ? ` Not covered by any @erases: ${list(missing.map((f) => f.message.split(' ')[0] ?? ''))}.` : ' Every stored record is covered.'}${thirdParties.length > 0 ? ` Copies held by ${list(thirdParties)} must be erased there too.` : ''}`;
    return { text, evidence: [...facts.erasers.map((e) => ({ what: `@erases ${e.targets.join(', ')} in ${e.function}`, file: e.file })), ...missing.map((f) => ({ what: `missing-erasure ${f.message.split(' ')[0]}`, file: f.file, line: f.line })), ...thirdParties.map((r) => ({ what: `recipient ${r}` }))] };
  },
  'necessity.consent': (facts) => {
    const consentPurposes = Object.entries(facts.input.manifest.purposes).filter(([, p]) => p.consentKey || (p.bases ?? []).includes('consent'));
    const functions = facts.consents.map((c) => `${c.function} (after ${c.key})`);
    const analytics = facts.recipients.filter((r) => r.kind === 'analytics' || r.kind === 'ads').map((r) => r.label);
    const text = `purposes based on consent: ${list(consentPurposes.map(([id]) => id))}; functions declared to run after a consent: ${list(functions)}.${analytics.length > 0 ? ` Analytics and ads (${list(analytics)}) usually need consent before they load.` : ''}`;
    return { text, evidence: [...consentPurposes.map(([id, p]) => ({ what: `purpose ${id} ${p.consentKey ?? ''}` })), ...facts.consents.map((c) => ({ what: `@consent ${c.key} on ${c.function}`, file: c.file, line: c.line })), ...analytics.map((r) => ({ what: `recipient ${r}` }))] };
  },
  'necessity.opt-out': (facts) => ({ evidence: Object.entries(facts.input.manifest.purposes).filter(([, p]) => (p.bases ?? []).includes('legitimate-interests')).map(([id]) => ({ what: `purpose ${id}` })) }),
  'necessity.public-data': (facts) => {
    const publicData = facts.declarable.filter((e) => e.declared.source?.value === 'public' || e.classification.categories[0] === 'social');
    const withoutBasis = publicData.filter((e) => !e.declared.basis);
    const text = publicData.length === 0 ? 'No publicly available personal data is declared.' : `${plural(publicData.length, 'field')} from public sources (${list(publicData.map((e) => e.id), 8)}); ${withoutBasis.length === 0 ? 'each declares a basis' : `${withoutBasis.length} without a basis`}.`;
    return { text, evidence: publicData.map(facts.evidenceOf) };
  },

  'risks.other': () => ({ evidence: [] }),

  'measures.technical': (facts) => {
    const redactor = facts.input.manifest.flows.redactor?.name;
    const sanitizers = facts.input.manifest.flows.sanitizers ?? [];
    const credentials = facts.declarable.filter((e) => e.classification.categories[0] === 'credential');
    const text = `${redactor ? `values are redacted with ${redactor}()` : 'no redaction helper is declared (flows.redactor)'}${sanitizers.length > 0 ? `; sanitising functions: ${list(sanitizers)}` : ''}; ${plural(credentials.length, 'credential field')} to check for hashing (${list(credentials.map((e) => e.id), 6)}). Add encryption, access control and pseudonymisation in place.`;
    return { text, evidence: [...(redactor ? [{ what: `redactor ${redactor}` }] : []), ...credentials.map(facts.evidenceOf)] };
  },
  'measures.organisational': () => ({ evidence: [] }),

  'incident.exposure': (facts) => {
    const rows = facts.stores.map((s) => `${s.label}: ${list([...s.categories.keys()], 8)}`);
    return { text: rows.length === 0 ? 'No store of personal data found.' : `${rows.join('; ')}. The matrix below gives the fields.`, evidence: facts.stores.map((s) => ({ what: `${s.id}: ${[...s.categories.entries()].map(([c, f]) => `${c}=${[...f].sort().join('|')}`).sort().join(', ')}` })) };
  },
  'incident.response': (facts) => ({ evidence: facts.stores.map((s) => ({ what: `${s.id}: ${[...s.categories.keys()].sort().join(', ')}` })) }),

  // Sign-off stands for the code as it was reviewed: any change to what is collected, kept or sent re-opens it.
  'signoff.owner': (facts) => ({ evidence: signOffEvidence(facts) }),
  'signoff.dpo': (facts) => ({ evidence: signOffEvidence(facts) }),
};

function signOffEvidence(facts: PiaFacts): PiaEvidence[] {
  return [
    ...facts.declarable.map((e) => ({ what: `${e.id} ${e.classification.categories.join('|')} ${e.declared.purposes.map((p) => p.value).join('|')} ${e.declared.retention?.value ?? ''}` })),
    ...facts.recipients.map((r) => ({ what: `recipient ${r.id} ${r.declared}` })),
    ...facts.stores.map((s) => ({ what: `store ${s.id}` })),
    ...facts.input.flows.map((f) => ({ what: `flow ${f.path.join(' → ')} ${f.sink.kind}` })),
  ];
}
