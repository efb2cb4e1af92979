// PIA.md, the assessment for people: status, open questions, what changed, then each section with
// the code's answers and their evidence (linked to file and line), tables, the Mermaid data-flow
// diagram, the breach matrix and the LINDDUN threats. Every answer sits in a marked block
// (<!-- answer:id --> … <!-- /answer -->) that people may edit; regeneration reads them back.
import { createHash } from 'node:crypto';
import { LINDDUN_CATEGORIES, PIA_SECTIONS } from '../../../../rules/pia/catalogue';
import { toMermaid } from './diagram';
import { type PiaDocument, type PiaQuestionState, piaStatus, type PiaThreatState } from './document';
import type { PiaEvidence } from './facts';

export const PLACEHOLDER = '_Not answered yet: write the answer here._';
const BLOCK = /<!-- answer:(\S+) -->\n([\s\S]*?)\n?<!-- \/answer -->/g;
const MAX_EVIDENCE = 8;

export interface MarkdownOptions {
  /** From PIA.md's folder to the workspace root, for links (`..` for `privacy/`). */
  readonly toRoot: string;
}

function link(evidence: PiaEvidence, options: MarkdownOptions): string {
  if (!evidence.file) return evidence.what;
  const at = evidence.line !== undefined ? `${evidence.file}:${evidence.line}` : evidence.file;
  const href = `${options.toRoot ? `${options.toRoot}/` : ''}${evidence.file}${evidence.line !== undefined ? `#L${evidence.line}` : ''}`;
  return `${evidence.what} ([${at}](${encodeURI(href)}))`;
}

function evidenceList(evidence: readonly PiaEvidence[], options: MarkdownOptions): string[] {
  if (evidence.length === 0) return [];
  const shown = evidence.slice(0, MAX_EVIDENCE).map((e) => `  - ${link(e, options)}`);
  const more = evidence.length > MAX_EVIDENCE ? [`  - and ${evidence.length - MAX_EVIDENCE} more (pia.json lists all)`] : [];
  return ['<details><summary>Evidence</summary>', '', ...shown, ...more, '', '</details>'];
}

function answerBlock(id: string, text: string | undefined): string[] {
  return [`<!-- answer:${id} -->`, text && text.trim() !== '' ? text.trim() : PLACEHOLDER, '<!-- /answer -->'];
}

const STATUS_WORDS: Readonly<Record<PiaQuestionState['status'], string>> = {
  auto: '`auto` answered from the code',
  draft: '`draft` confirm or correct it below',
  open: '`open` to answer',
  answered: '`answered`',
  stale: '⚠ `stale` the evidence changed since this answer: review it',
};

function anchor(id: string): string {
  return `q-${id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

function question(q: PiaQuestionState, options: MarkdownOptions): string[] {
  const lines = [`### ${q.question} <a id="${anchor(q.id)}"></a>`, '', `\`${q.id}\` · ${STATUS_WORDS[q.status]} · for ${q.audience}${q.blocksSignOff ? ' · blocks sign-off' : ''} · ${q.references.join(', ')}`, ''];
  if (q.draft) lines.push(`**${q.mode === 'auto' ? 'From the code' : 'Draft from the code'}:** ${q.draft}`, '');
  lines.push(...evidenceList(q.evidence, options));
  if (q.evidence.length > 0) lines.push('');
  lines.push(q.mode === 'auto' ? '**Comment (optional):**' : '**Answer:**', '', ...answerBlock(q.id, q.answer?.text));
  if (q.answer?.by || q.answer?.at) lines.push('', `_— ${[q.answer.by, q.answer.at?.slice(0, 10)].filter(Boolean).join(', ')}_`);
  return [...lines, ''];
}

function threat(t: PiaThreatState, options: MarkdownOptions): string[] {
  const status = t.status === 'stale' ? '⚠ `stale` the evidence changed since this answer' : `\`${t.status}\``;
  return [`#### ${t.title}`, '', `\`${t.id}\` · ${status}`, '', ...evidenceList(t.evidence, options), '', `**${t.question}**`, '', ...answerBlock(`threat:${t.id}`, t.answer?.text), ''];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)];
}

function descriptionTables(doc: PiaDocument, options: MarkdownOptions): string[] {
  const out: string[] = ['#### Records with personal data', ''];
  for (const record of doc.records) {
    const where = `${record.file}${record.line !== undefined ? `:${record.line}` : ''}`;
    out.push(`<a id="record-${record.container.replace(/[^A-Za-z0-9]+/g, '-')}"></a>**${record.container}** (${record.form}, ${record.role}${record.subject ? `, subject ${record.subject}` : ''}) — [${where}](${encodeURI(`${options.toRoot ? `${options.toRoot}/` : ''}${record.file}${record.line !== undefined ? `#L${record.line}` : ''}`)})`, '');
    out.push(...table(['field', 'categories', 'purposes', 'retention', 'basis', 'source'], record.fields.map((f) => [f.field, f.categories.join(', '), f.purposes.join(', ') || '—', f.retention ?? '—', f.basis ?? '—', f.source ?? '—'])), '');
  }
  if (doc.collectionPoints.length > 0) {
    out.push('#### Collection points', '', ...table(['where', 'kind', 'collects'], doc.collectionPoints.map((p) => [`${p.method ? `${p.method} ` : ''}${p.handler} (${p.file}:${p.line})`, p.kind, [...p.elements, ...p.fields].join(', ') || '—'])), '');
  }
  if (doc.recipients.length > 0) {
    out.push('#### Recipients', '', ...table(['recipient', 'kind', 'declared', 'allowed purposes', 'country', 'DPA', 'receives'], doc.recipients.map((r) => [r.label, r.kind, r.declared ? 'yes' : '**no**', r.allowedPurposes?.join(', ') ?? 'any', r.country ?? '—', r.dpa === undefined ? '—' : r.dpa ? 'yes' : 'no', r.fields.join(', ') || '—'])), '');
  }
  if (doc.diagram.nodes.length > 0) out.push('#### Data-flow diagram', '', '```mermaid', toMermaid(doc.diagram), '```', '');
  return out;
}

function breachMatrix(doc: PiaDocument): string[] {
  const categories = [...new Set(doc.stores.flatMap((s) => Object.keys(s.categories)))].sort();
  if (categories.length === 0) return [];
  return ['#### Breach matrix (fields exposed per store and category)', '', ...table(['store', ...categories], doc.stores.map((s) => [s.label, ...categories.map((c) => String(s.categories[c]?.length ?? '—'))])), ''];
}

function changes(doc: PiaDocument): string[] {
  if (doc.changes.length === 0) return [];
  const describe = (label: string, keys: PiaDocument['changes'][number]['added']): string[] =>
    (['fields', 'purposes', 'recipients', 'stores'] as const).filter((k) => keys[k].length > 0).map((k) => `${label} ${k}: ${keys[k].slice(0, 12).join(', ')}${keys[k].length > 12 ? ` and ${keys[k].length - 12} more` : ''}`);
  const lines = ['## What changed', ''];
  for (const change of doc.changes.slice(0, 5)) {
    lines.push(`- Generation ${change.generation} (${change.at.slice(0, 10)}): ${[...describe('added', change.added), ...describe('removed', change.removed)].join('; ')}`);
  }
  return [...lines, ''];
}

export function renderPia(doc: PiaDocument, options: MarkdownOptions): string {
  const status = piaStatus(doc);
  const out: string[] = [
    `# Privacy impact assessment — ${doc.scope.name}`,
    '',
    `> Generated by Privacy Steward from the code (generation ${doc.generation}, ${doc.generatedAt.slice(0, 10)}). Answer in the blocks marked \`answer\` below, in the editor (*Privacy Steward: Open privacy impact assessment*) or in \`pia.json\`; \`privacy-steward pia\` regenerates this file and keeps every answer. Text outside the answer blocks is regenerated.`,
    '',
    `**Status:** ${status.answered} answered · ${status.open} open · ${status.drafts} drafts to confirm · ${status.stale} stale · ${status.threatsOpen} threats to review · sign-off ${status.blocking === 0 ? 'possible' : `blocked by ${status.blocking} question${status.blocking === 1 ? '' : 's'}`}`,
    '',
    `**Scope:** ${doc.scope.personalFields} personal fields in ${doc.scope.records} records (${doc.scope.categories} categories, ${doc.scope.files} files) · purpose declared for ${Math.round(doc.coverage.purpose * 100)}%, retention for ${Math.round(doc.coverage.retention * 100)}%`,
    '',
  ];
  const open = doc.questions.filter((q) => q.status === 'open' || q.status === 'draft' || q.status === 'stale');
  if (open.length > 0) {
    out.push('## Open questions', '');
    for (const q of open) out.push(`- [ ] [${q.question}](#${anchor(q.id)}) — ${q.audience}${q.status === 'stale' ? ', stale' : q.status === 'draft' ? ', draft to confirm' : ''}`);
    out.push('');
  }
  out.push(...changes(doc));
  PIA_SECTIONS.forEach((section, i) => {
    out.push(`## ${i + 1}. ${section.title}`, '', section.intro, '');
    for (const q of doc.questions.filter((x) => x.section === section.id)) {
      out.push(...question(q, options));
      if (q.id === 'description.flows') out.push(...descriptionTables(doc, options));
      if (q.id === 'incident.exposure') out.push(...breachMatrix(doc));
    }
    if (section.id === 'risks') {
      for (const [category, title] of Object.entries(LINDDUN_CATEGORIES)) {
        const threats = doc.threats.filter((t) => t.category === category);
        if (threats.length === 0) continue;
        out.push(`### ${title}`, '');
        for (const t of threats) out.push(...threat(t, options));
      }
    }
  });
  if (doc.retired.length > 0) {
    out.push('## Answers to questions and threats no longer found', '', 'Kept because people wrote them; delete them from pia.json when they are no longer useful.', '');
    for (const r of doc.retired) out.push(`- **${r.title}** (\`${r.id}\`): ${r.answer.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The answers written in PIA.md's blocks (the placeholder counts as no answer). */
export function answerBlocks(markdown: string): Map<string, string> {
  const answers = new Map<string, string>();
  for (const match of markdown.replace(/\r\n/g, '\n').matchAll(BLOCK)) {
    const text = (match[2] ?? '').trim();
    answers.set(match[1] ?? '', text === PLACEHOLDER ? '' : text);
  }
  return answers;
}

/** A hash of PIA.md outside its answer blocks: equal hashes mean nobody edited the generated text. */
export function markdownHash(markdown: string): string {
  const outside = markdown.replace(/\r\n/g, '\n').replace(BLOCK, (_all, id: string) => `<!-- answer:${id} -->`);
  return createHash('sha256').update(outside).digest('hex').slice(0, 16);
}

/** The first line where two texts differ (1-based), for messages about hand edits. */
export function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
  return 0;
}
