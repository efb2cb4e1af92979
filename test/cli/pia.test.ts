// `privacy-steward pia` as a user and CI run it: writes PIA.md, pia.json and the OTM threat model,
// --check for CI, the exports checked against their formats' documented structure, and clear
// errors for a broken pia.json or a PIA.md edited outside its answer blocks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_CATEGORIES } from '../../rules/taxonomy';
import { CNIL_QUESTION_MAP, ROPA_COLUMNS } from '../../server/src/engine/pia/exports';
import { DEMO, removeWorkspace, runCli } from './run-cli';

/** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const CNIL_QUESTION_IDS = new Set([111, 112, 113, 121, 122, 123, 211, 212, 213, 214, 215, 221, 222, 223, 224, 225, 226, 227]);

describe('cli pia', function () {
  this.timeout(120_000);
  let root = '';
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'pia-cli-'));
    fs.cpSync(DEMO, root, { recursive: true });
  });
  afterEach(() => removeWorkspace(root));

  it('writes PIA.md, pia.json and the OTM threat model, then has nothing to write', () => {
    const first = runCli(['pia', root]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Privacy impact assessment: privacy\/PIA\.md \(generation 1\)$/m);
    assert.match(first.stdout, /^ {2}wrote privacy\/pia\.json, privacy\/PIA\.md, privacy\/threat-model\.otm\.json$/m);
    for (const file of ['pia.json', 'PIA.md', 'threat-model.otm.json']) assert.ok(fs.existsSync(path.join(root, 'privacy', file)), file);
    const again = runCli(['pia', root]);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /nothing to write: the assessment is up to date/);
    const json = runCli(['pia', root, '--format', 'json']);
    assert.equal((JSON.parse(json.stdout) as { version: number }).version, 1);
  });

  it('--check exits 0 when the committed assessment is current and 1 when the code moved on', () => {
    const missing = runCli(['pia', root, '--check']);
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /out of date: privacy\/pia\.json is missing/);
    runCli(['pia', root]);
    const current = runCli(['pia', root, '--check']);
    assert.equal(current.status, 0, current.stdout);
    assert.match(current.stdout, /^The privacy impact assessment is up to date \(generation 1;/);
    fs.writeFileSync(path.join(root, 'src/services/audit.ts'), "import type { Customer } from '../entities/customer.entity';\nexport function audit(c: Customer): void {\n  console.info(c.phone);\n}\n");
    const stale = runCli(['pia', root, '--check']);
    assert.equal(stale.status, 1);
    assert.match(stale.stdout, /out of date: privacy\/pia\.json and PIA\.md do not match the code; privacy\/threat-model\.otm\.json does not match the code\. Run privacy-steward pia and commit privacy\//);
    assert.ok(!fs.readFileSync(path.join(root, 'privacy', 'PIA.md'), 'utf8').includes('Customer.phone → console.info'), '--check writes nothing');
  });

  it('exports a fideslang dataset whose collections, fields and data categories follow fideslang', () => {
    const run = runCli(['pia', root, '--export', 'fides']);
    assert.equal(run.status, 0, run.stderr);
    const yaml = parseYaml(run.stdout) as { dataset: { fides_key: string; name: string; collections: { name: string; fields: { name: string; data_categories: string[] }[] }[] }[] };
    const dataset = yaml.dataset[0];
    assert.ok(dataset);
    assert.match(dataset.fides_key, /^[a-zA-Z0-9_.-]+$/);
    const fideslang = new Set(BUILT_IN_CATEGORIES.map((c) => c.fideslang));
    const customer = dataset.collections.find((c) => c.name === 'Customer');
    assert.deepEqual(customer?.fields.find((f) => f.name === 'email')?.data_categories, ['user.contact.email']);
    for (const collection of dataset.collections) {
      assert.ok(collection.fields.length > 0);
      for (const field of collection.fields) for (const category of field.data_categories) assert.ok(fideslang.has(category), `${collection.name}.${field.name}: ${category}`);
    }
  });

  it('exports the CNIL PIA tool’s import JSON: a PIA, answers by CNIL question id, measures, evaluations, comments', () => {
    runCli(['pia', root]);
    const run = runCli(['pia', root, '--export', 'cnil']);
    assert.equal(run.status, 0, run.stderr);
    const cnil = JSON.parse(run.stdout) as { pia: Record<string, unknown>; answers: { reference_to: number; data: { text: string; gauge: null; list: null } }[]; measures: unknown[]; evaluations: unknown[]; comments: unknown[] };
    assert.equal(typeof cnil.pia['name'], 'string');
    assert.equal(cnil.pia['status'], 0);
    for (const key of ['author_name', 'evaluator_name', 'validator_name', 'created_at']) assert.ok(key in cnil.pia, key);
    assert.ok(cnil.answers.length >= 10);
    for (const answer of cnil.answers) {
      assert.ok(CNIL_QUESTION_IDS.has(answer.reference_to), `unknown CNIL question ${answer.reference_to}`);
      assert.equal(typeof answer.data.text, 'string');
      assert.deepEqual([answer.data.gauge, answer.data.list], [null, null]);
    }
    assert.ok(CNIL_QUESTION_MAP.every((m) => CNIL_QUESTION_IDS.has(m.reference)));
    assert.ok(Array.isArray(cnil.measures) && Array.isArray(cnil.evaluations) && Array.isArray(cnil.comments));
    assert.match(cnil.answers.find((a) => a.reference_to === 121)?.data.text ?? '', /personal|field/i);
  });

  it('exports an Art. 30 record as CSV: the documented columns, one row per purpose', () => {
    const run = runCli(['pia', root, '--export', 'ropa']);
    assert.equal(run.status, 0, run.stderr);
    const rows = parseCsv(run.stdout);
    assert.deepEqual(rows[0], [...ROPA_COLUMNS]);
    const purposes = rows.slice(1).map((r) => r[0]);
    assert.deepEqual(purposes, ['account.management', 'community.reviews', 'creator.program', 'order.fulfilment', 'recommendations.allergy-safe', 'security']);
    const health = rows.find((r) => r[0] === 'recommendations.allergy-safe');
    assert.equal(health?.[5], 'special.health');
    assert.equal(health?.[2], 'consent; art9.explicit-consent');
    assert.ok(rows.every((r) => r.length === ROPA_COLUMNS.length));
  });

  it('exports the threat model as Open Threat Model 0.2.0 with consistent references', () => {
    const run = runCli(['pia', root, '--export', 'otm']);
    assert.equal(run.status, 0, run.stderr);
    const otm = JSON.parse(run.stdout) as { otmVersion: string; project: { id: string; name: string }; trustZones: { id: string; risk: { trustRating: number } }[]; components: { id: string; parent: { trustZone: string } }[]; dataflows: { source: string; destination: string }[]; threats: { id: string; categories: string[] }[] };
    assert.equal(otm.otmVersion, '0.2.0');
    assert.ok(otm.project.id && otm.project.name);
    const zones = new Set(otm.trustZones.map((z) => z.id));
    const components = new Set(otm.components.map((c) => c.id));
    assert.ok(otm.components.every((c) => zones.has(c.parent.trustZone)));
    assert.ok(otm.dataflows.length > 0 && otm.dataflows.every((f) => components.has(f.source) && components.has(f.destination)));
    assert.ok(otm.threats.some((t) => t.categories[0] === 'data-disclosure'));
  });

  it('explains a broken pia.json and a PIA.md edited outside its blocks, and --force regenerates keeping a backup', () => {
    runCli(['pia', root]);
    const md = path.join(root, 'privacy', 'PIA.md');
    fs.writeFileSync(md, fs.readFileSync(md, 'utf8').replace('## 2. Description of the processing', 'Notes typed outside a block.\n\n## 2. Description of the processing'));
    const edited = runCli(['pia', root]);
    assert.equal(edited.status, 2);
    assert.match(edited.stderr, /privacy\/PIA\.md: edited outside the answer blocks \(near line \d+\); that text would be lost on regeneration\. Move it into an answer block/);
    const forced = runCli(['pia', root, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(`${md}.bak`, 'utf8'), /Notes typed outside a block\./);
    fs.writeFileSync(path.join(root, 'privacy', 'pia.json'), '{\n  "version": 1,\n  "questions": [\n}\n');
    const broken = runCli(['pia', root]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^privacy-steward: privacy\/pia\.json:4:1: \w+; fix the JSON \(people's answers are in it\)/m);
  });

  it('rejects scan-only options and bad values with a usage error', () => {
    assert.match(runCli(['pia', root, '--fix']).stderr, /--fix is an option of "scan", not of "pia"\./);
    assert.match(runCli(['pia', root, '--export', 'pdf']).stderr, /--export must be one of fides, cnil, ropa, otm, not "pdf"\./);
    assert.match(runCli(['scan', root, '--check']).stderr, /--check is an option of "pia", not of "scan"\./);
  });
});
