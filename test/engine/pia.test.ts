// The privacy impact assessment as a living document: generated on the demo workspace with the code's
// answers and evidence, people's answers kept across regenerations (from pia.json and from PIA.md's
// blocks), exactly the answers whose evidence changed marked stale, and every change recorded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PIA_QUESTIONS } from '../../rules/pia/catalogue';
import { RULES } from '../../rules';
import { scanWorkspace } from '../../server/src/engine';
import { applyAnswers, gatherFacts, type PiaDocument, piaInputFromScan, updatePia } from '../../server/src/engine/pia';
import { ANSWERERS } from '../../server/src/engine/pia/answers';
import { PLACEHOLDER } from '../../server/src/engine/pia/markdown';
import { DEMO, removeWorkspace } from '../cli/run-cli';

const NOW = '2026-12-01T10:00:00.000Z';
const LATER = '2026-12-02T10:00:00.000Z';

/** A copy of the demo workspace to change. */
function demoCopy(): string {
  const root = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'pia-demo-'));
  fs.cpSync(DEMO, root, { recursive: true });
  return root;
}

async function generate(root: string, committed: { json?: string; markdown?: string }, now = NOW) {
  const result = await scanWorkspace({ root, rules: RULES });
  return updatePia(gatherFacts(piaInputFromScan(result)), committed, { now, folder: 'privacy' });
}

/** Answers every question and threat a person answers. */
function answerEverything(doc: PiaDocument): PiaDocument {
  const answers = [
    ...doc.questions.filter((q) => q.mode !== 'auto').map((q) => ({ id: q.id, text: `Answer to ${q.id}.`, by: 'Ada' })),
    ...doc.threats.map((t) => ({ id: `threat:${t.id}`, text: `Reviewed ${t.id}.` })),
  ];
  return applyAnswers(doc, answers, NOW);
}

describe('privacy impact assessment', function () {
  this.timeout(60_000);
  let root = '';
  beforeEach(() => {
    root = demoCopy();
  });
  afterEach(() => removeWorkspace(root));

  it('the catalogue and the answerers agree: every auto and assisted question has an answerer', () => {
    for (const q of PIA_QUESTIONS) if (q.mode !== 'human') assert.ok(ANSWERERS[q.id], `no answerer for ${q.id}`);
    for (const id of Object.keys(ANSWERERS)) assert.ok(PIA_QUESTIONS.some((q) => q.id === id), `answerer for unknown question ${id}`);
    assert.equal(new Set(PIA_QUESTIONS.map((q) => q.id)).size, PIA_QUESTIONS.length, 'question ids are unique');
  });

  it('generates the demo’s assessment: answers from code with linked evidence, the diagram, the breach matrix and LINDDUN threats', async () => {
    const { document: doc, markdown } = await generate(root, {});
    assert.equal(doc.generation, 1);
    const special = doc.questions.find((q) => q.id === 'screening.special-categories');
    assert.match(special?.draft ?? '', /^Yes: HealthProfile\.allergies \(special\.health\)/);
    assert.deepEqual(special?.evidence[0], { what: 'HealthProfile.allergies', file: 'src/entities/health-profile.entity.ts', line: 22 });
    assert.equal(special?.status, 'auto');
    assert.equal(doc.questions.find((q) => q.id === 'necessity.access')?.status, 'draft');
    assert.equal(doc.questions.find((q) => q.id === 'signoff.dpo')?.status, 'open');
    assert.deepEqual(doc.recipients.map((r) => [r.id, r.declared]), [['segment', true], ['sentry', false]]);
    assert.ok(doc.threats.some((t) => t.id === 'data-disclosure:undeclared-recipient:sentry'));
    assert.ok(doc.threats.some((t) => t.id === 'detecting:special-category-record:HealthProfile'));
    assert.match(markdown, /\[src\/entities\/health-profile\.entity\.ts:22\]\(\.\.\/src\/entities\/health-profile\.entity\.ts#L22\)/);
    assert.match(markdown, /```mermaid\nflowchart LR\n {2}subgraph zone-browser\["Browser"\]/);
    assert.match(markdown, /record-Customer -->\|"[^"]*contact\.email[^"]*"\| recipient-sentry/);
    assert.match(markdown, /#### Breach matrix \(fields exposed per store and category\)\n\n\| store \|/);
    assert.match(markdown, /<!-- answer:signoff\.dpo -->\n_Not answered yet: write the answer here\._\n<!-- \/answer -->/);
    assert.doesNotMatch(markdown, /demo@|@example\.com/, 'no values from the code');
  });

  it('regenerating the same code changes nothing', async () => {
    const first = await generate(root, {});
    const again = await generate(root, { json: first.json, markdown: first.markdown }, LATER);
    assert.equal(again.upToDate, true);
    assert.equal(again.json, first.json);
    assert.equal(again.document.generation, 1);
  });

  it('keeps people’s answers across regenerations, from pia.json and from PIA.md’s blocks', async () => {
    const first = await generate(root, {});
    const answered = applyAnswers(first.document, [{ id: 'screening.scale', text: 'About 20,000 customers in the EU.', by: 'Product' }], NOW);
    const markdown = first.markdown.replace(`<!-- answer:signoff.dpo -->\n${PLACEHOLDER}\n<!-- /answer -->`, '<!-- answer:signoff.dpo -->\nApproved with the measures above. — DPO\n<!-- /answer -->');
    const second = await generate(root, { json: `${JSON.stringify(answered, null, 2)}\n`, markdown }, LATER);
    assert.equal(second.fromMarkdown, 1);
    const scale = second.document.questions.find((q) => q.id === 'screening.scale');
    assert.deepEqual([scale?.answer?.text, scale?.answer?.by, scale?.status], ['About 20,000 customers in the EU.', 'Product', 'answered']);
    const dpo = second.document.questions.find((q) => q.id === 'signoff.dpo');
    assert.deepEqual([dpo?.answer?.text, dpo?.answer?.at, dpo?.status], ['Approved with the measures above. — DPO', LATER, 'answered']);
    assert.match(second.markdown, /<!-- answer:screening\.scale -->\nAbout 20,000 customers in the EU\.\n<!-- \/answer -->/);
  });

  it('a code change makes exactly the affected answers stale and records what changed', async () => {
    const first = await generate(root, {});
    const answered = answerEverything(first.document);
    const committed = await generate(root, { json: `${JSON.stringify(answered, null, 2)}\n` });
    assert.ok(committed.document.questions.every((q) => q.mode === 'auto' || q.status === 'answered'));
    // One new flow: the customer's email written to the console.
    fs.writeFileSync(path.join(root, 'src/services/audit.ts'), "import type { Customer } from '../entities/customer.entity';\n\nexport function audit(customer: Customer): void {\n  console.info('audit', customer.email);\n}\n");
    const changed = await generate(root, { json: committed.json, markdown: committed.markdown }, LATER);
    const stale = [...changed.document.questions.filter((q) => q.status === 'stale').map((q) => q.id), ...changed.document.threats.filter((t) => t.status === 'stale').map((t) => `threat:${t.id}`)].sort();
    // The logs already held contact.email, so the incident answer (categories per store) still holds.
    assert.deepEqual(stale, ['signoff.dpo', 'signoff.owner', 'threat:identifying:personal-data-in-logs:logs']);
    assert.equal(changed.document.generation, 3);
    assert.ok(changed.document.questions.filter((q) => q.mode !== 'auto' && q.status !== 'stale').every((q) => q.answer?.text.startsWith('Answer to ')), 'no answer is lost');
    assert.match(changed.markdown, /⚠ `stale` the evidence changed since this answer: review it/);
  });

  it('records new fields and recipients as changes, and keeps answers to threats that disappear', async () => {
    const first = await generate(root, {});
    const withAnswer = applyAnswers(first.document, [{ id: 'threat:data-disclosure:undeclared-recipient:sentry', text: 'Sentry gets a DPA next sprint.' }], NOW);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'privacy.manifest.json'), 'utf8')) as { recipients: Record<string, unknown> };
    manifest.recipients['sentry'] = { label: 'Sentry', dpa: true };
    fs.writeFileSync(path.join(root, 'privacy.manifest.json'), JSON.stringify(manifest, null, 2));
    fs.appendFileSync(path.join(root, 'src/types/creator.ts'), '\nexport interface Fan {\n  nickname: string;\n  email: string;\n}\n');
    const second = await generate(root, { json: `${JSON.stringify(withAnswer, null, 2)}\n` }, LATER);
    assert.ok(!second.document.threats.some((t) => t.id === 'data-disclosure:undeclared-recipient:sentry'), 'the threat is gone once Sentry is declared');
    assert.deepEqual(second.document.retired.map((r) => [r.id, r.answer.text]), [['data-disclosure:undeclared-recipient:sentry', 'Sentry gets a DPA next sprint.']]);
    const change = second.document.changes[0];
    assert.deepEqual(change?.added.fields, ['Fan.email', 'Fan.nickname']);
    assert.match(second.markdown, /## What changed\n\n- Generation 2 \(2026-12-02\): added fields: Fan\.email, Fan\.nickname/);
    assert.match(second.markdown, /## Answers to questions and threats no longer found[\s\S]*Sentry gets a DPA next sprint\./);
  });

  it('refuses to overwrite a PIA.md edited outside its answer blocks, naming the line', async () => {
    const first = await generate(root, {});
    const edited = first.markdown.replace('## 1. Screening', '## 1. Screening\n\nA note someone typed here.');
    await assert.rejects(generate(root, { json: first.json, markdown: edited }), /privacy\/PIA\.md: edited outside the answer blocks \(near line \d+\); that text would be lost/);
  });
});
