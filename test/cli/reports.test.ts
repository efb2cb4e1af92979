// The review reports: SARIF 2.1.0 checked by Microsoft's SARIF multitool and by the SARIF JSON
// schema, with rules, help, fingerprints and fixes that apply; and the markdown PR summary with
// its headline, coverage, new recipients, findings with links, and the PIA notice.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { code } from '../harness/text';
import { commit, repository, writeFiles } from './git-repo';
import { DEMO, REPO, removeWorkspace, runCli } from './run-cli';

const MULTITOOL_DIR = path.join(REPO, 'node_modules', '@microsoft', 'sarif-multitool-linux');
const MULTITOOL = path.join(MULTITOOL_DIR, 'Sarif.Multitool');

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { startLine: number; startColumn: number }; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

/** Runs `Sarif.Multitool validate` and returns its own results (problems it found in our log). */
function multitoolValidate(file: string): { level: string; ruleId: string; message: string }[] {
  // npm may skip the package's postinstall chmod (install scripts off): make the binary executable.
  fs.chmodSync(MULTITOOL, 0o755);
  const output = `${file}.validation.sarif`;
  const run = spawnSync(MULTITOOL, ['validate', file, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error', 'Warning', 'Note'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  assert.equal(run.status, 0, `the multitool failed: ${run.stdout}\n${run.stderr}`);
  const log = JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }[] }[] };
  return (log.runs[0]?.results ?? []).map((r) => ({ level: r.level ?? 'warning', ruleId: r.ruleId, message: (r.message.arguments ?? []).join(' | ') || (r.message.text ?? '') }));
}

/** Applies a SARIF fix's insertions to a text (1-based lines and columns). */
function applySarifFix(text: string, replacements: readonly { deletedRegion: { startLine: number; startColumn: number }; insertedContent: { text: string } }[]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const edits = replacements.map((r) => ({ at: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), text: r.insertedContent.text })).sort((a, b) => b.at - a.at);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.at) + edit.text + result.slice(edit.at);
  return result;
}

describe('review reports', () => {
  const cleanup: string[] = [];
  after(() => cleanup.forEach(removeWorkspace));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-steward-sarif-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('SARIF 2.1.0', () => {
    let text: string;
    let sarif: SarifLog;
    before(() => {
      const run = runCli(['scan', DEMO, '--format', 'sarif']);
      assert.equal(run.status, 0, run.stderr);
      text = run.stdout;
      sarif = JSON.parse(text) as SarifLog;
    });

    it("passes Microsoft's SARIF multitool validation with no error or warning", function () {
      this.timeout(180_000);
      const file = path.join(tmp, 'demo.sarif');
      fs.writeFileSync(file, text);
      const problems = multitoolValidate(file);
      const serious = problems.filter((p) => p.level === 'error' || p.level === 'warning');
      assert.deepEqual(serious, []);
      // What is left are notes we decline on purpose: code snippets and context regions would copy
      // source text (string literals included) into the report; the help URIs cannot be reached offline.
      const notes = new Set(problems.map((p) => p.ruleId));
      for (const id of notes) assert.ok(['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2012'].includes(id), `unexpected note ${id}: ${problems.find((p) => p.ruleId === id)?.message}`);
    });

    it('validates against the SARIF 2.1.0 JSON schema', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
      const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
      const validate = ajv.compile(schema);
      assert.equal(validate(sarif), true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });

    it('has one run with the tool, a rule per rule with help from its doc, and indexed results', () => {
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0]!;
      assert.equal(run.tool.driver.name, 'Privacy Steward');
      const ids = run.tool.driver.rules.map((r) => r.id);
      for (const id of ['missing-purpose', 'missing-retention', 'personal-data-in-log', 'personal-data-to-third-party', 'syntax-error', 'invalid-manifest']) assert.ok(ids.includes(id), id);
      const missingPurpose = run.tool.driver.rules.find((r) => r.id === 'missing-purpose')!;
      assert.equal(missingPurpose.name, 'MissingPurpose');
      assert.equal(missingPurpose.defaultConfiguration.level, 'warning');
      assert.equal(missingPurpose.help.markdown, fs.readFileSync(path.join(REPO, 'rules', 'missing-purpose.md'), 'utf8'));
      assert.ok(missingPurpose.help.text.length > 40);
      assert.ok(run.results.length > 10);
      for (const result of run.results) {
        assert.equal(run.tool.driver.rules[result.ruleIndex!]?.id, result.ruleId);
        const location = result.locations[0]!.physicalLocation;
        assert.equal(location.artifactLocation.uriBaseId, 'SRCROOT');
        assert.ok(!path.isAbsolute(location.artifactLocation.uri) && !location.artifactLocation.uri.startsWith('file:'), location.artifactLocation.uri);
        assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
        assert.match(result.partialFingerprints['privacySteward/v1'] ?? '', /^[0-9a-f]{32}$/);
      }
      assert.equal(run.originalUriBaseIds['SRCROOT']?.uri, `file://${DEMO}/`);
      const located = run.results.find((r) => r.ruleId === 'missing-purpose' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'prisma/schema.prisma' && r.message.text.startsWith('Order.userId'));
      assert.deepEqual(located?.locations[0]!.physicalLocation.region, { startLine: 30, startColumn: 3, endLine: 30, endColumn: 9 });
    });

    it('carries fixes that, applied, write the same declaration as the quick fix', () => {
      const withFixes = sarif.runs[0]!.results.filter((r) => r.fixes && r.fixes.length > 0);
      assert.ok(withFixes.length > 0);
      const result = withFixes.find((r) => r.ruleId === 'missing-purpose') ?? withFixes[0]!;
      const fix = result.fixes![0]!;
      const change = fix.artifactChanges[0]!;
      const file = path.join(DEMO, change.artifactLocation.uri);
      const before = fs.readFileSync(file, 'utf8');
      const after = applySarifFix(before, change.replacements);
      assert.notEqual(after, before);
      assert.match(after, /@purpose|@retention|@basis/);
      // Insertions only: taking the inserted text out again gives the original file back.
      const inserted = change.replacements.map((r) => r.insertedContent.text);
      assert.equal(inserted.reduce((t, piece) => t.replace(piece, ''), after), before);
      const tagLine = change.replacements[0]!.deletedRegion.startLine;
      assert.ok(tagLine <= result.locations[0]!.physicalLocation.region.startLine + 1, 'the declaration goes next to the field');
    });

    it('contains no string literal from the scanned code', () => {
      for (const literal of ["'customer-id'", 'customer-id', "writeKey: 'demo'", '/api/orders?email=']) assert.ok(!text.includes(literal), literal);
    });

    it('with --diff, holds only the new results, marked new', function () {
      this.timeout(180_000);
      const root = repository({ 'src/customer.ts': 'export interface Customer {\n  email: string;\n}\n' });
      cleanup.push(root);
      commit(root, { 'src/lead.ts': 'export interface Lead {\n  phoneNumber: string;\n}\n' }, 'head');
      const run = runCli(['scan', '--diff', 'main', '--format', 'sarif'], { cwd: root });
      const log = JSON.parse(run.stdout) as SarifLog;
      const results = log.runs[0]!.results;
      assert.ok(results.length > 0);
      assert.ok(results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/lead.ts'), JSON.stringify(results.map((r) => r.ruleId)));
      assert.ok(results.every((r) => (r as { baselineState?: string }).baselineState === 'new'));
      const file = path.join(tmp, 'diff.sarif');
      fs.writeFileSync(file, run.stdout);
      assert.deepEqual(multitoolValidate(file).filter((p) => p.level === 'error' || p.level === 'warning'), []);
    });
  });

  describe('markdown pull-request summary', () => {
    const MANIFEST = JSON.stringify({ version: 1, purposes: { billing: { label: 'Bill the customer', bases: ['contract'] } }, retentionPolicies: { account: { label: 'While the account exists', retention: 'P30D after account.closed', disposal: 'delete' } } });
    const CUSTOMER = code`
      /**
       * @purpose billing
       * @retention policy:account
       */
      export interface Customer {
        id: string;
        email: string;
      }
    `;
    const SENTRY = code`
      import * as Sentry from '@sentry/node';
      import type { Customer } from './customer';

      export function report(customer: Customer): void {
        Sentry.setUser({ email: customer.email, phone: customer.phoneNumber });
      }
    `;
    const changed = (): string => {
      const root = repository({ 'privacy.manifest.json': MANIFEST, 'src/customer.ts': CUSTOMER });
      cleanup.push(root);
      commit(root, { 'src/customer.ts': CUSTOMER.replace('  email: string;\n', '  email: string;\n  phoneNumber: string;\n'), 'src/report.ts': SENTRY }, 'head');
      return root;
    };

    it('has a headline, coverage before and after, new fields, recipients and findings with links', () => {
      const root = changed();
      const run = runCli(['scan', '--diff', 'main', '--format', 'markdown', '--link-base', 'https://github.com/acme/shop/blob/abc123/'], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      const md = run.stdout;
      assert.match(md, /^## Privacy Steward$/m);
      assert.match(md, /^\*\*\d+ new findings?\*\* \(.*\d+ warnings?.*\) · \*\*1 new personal field\*\* {2}$/m);
      assert.match(md, /^Changes against `main` \(merge base `[0-9a-f]{7}`\): 2 files changed\. Declaration coverage: purpose 100%, retention 100% of 3 personal fields\.$/m);
      assert.match(md, /<details open><summary>New personal data: 1 field in 1 category<\/summary>/);
      assert.match(md, /^\| `contact\.phone` \| `Customer\.phoneNumber` \|$/m);
      assert.match(md, /<summary>New flows: 2 personal values into 0 sinks and 1 third-party recipient<\/summary>/);
      assert.match(md, /^\| Sentry \(third party: error trackers\) \| `Customer\.email`, `Customer\.phoneNumber` \| \[src\/report\.ts:5\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc123\/src\/report\.ts#L5\) \|$/m);
      assert.match(md, /<summary>🟡 Warnings \(\d+\)<\/summary>/);
      assert.match(md, /^\| \[src\/report\.ts:5\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc123\/src\/report\.ts#L5\) \| `personal-data-to-third-party` \| Customer\.email \(contact\.email\) is sent to Sentry/m);
      assert.match(md, /^> This change adds personal data and no privacy impact assessment is committed\./m);
      assert.ok(md.length < 10_000);
    });

    it('links files from the GitHub Actions environment without --link-base', () => {
      const root = changed();
      const run = runCli(['scan', '--diff', 'main', '--format', 'markdown'], { cwd: root, env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'a'.repeat(40), GITHUB_WORKSPACE: path.dirname(root) } });
      assert.match(run.stdout, new RegExp(`\\(https://github\\.com/acme/shop/blob/${'a'.repeat(40)}/${path.basename(root)}/src/report\\.ts#L5\\)`));
    });

    it('says the PIA needs an update when the change adds what it does not cover', () => {
      const root = repository({ 'privacy.manifest.json': MANIFEST, 'src/customer.ts': CUSTOMER });
      cleanup.push(root);
      assert.equal(runCli(['pia'], { cwd: root }).status, 0);
      commit(root, {}, 'assessment');
      const fresh = runCli(['scan', '--format', 'markdown'], { cwd: root });
      assert.doesNotMatch(fresh.stdout, /privacy impact assessment/, 'current after generation');
      commit(root, { 'src/customer.ts': CUSTOMER.replace('  email: string;\n', '  email: string;\n  phoneNumber: string;\n'), 'src/report.ts': SENTRY }, 'head');
      const diff = runCli(['scan', '--diff', 'main', '--format', 'markdown'], { cwd: root });
      assert.match(diff.stdout, /^> \*\*The privacy impact assessment needs an update\*\*: it does not cover 1 new personal field; 1 new third-party recipient\. Run `privacy-steward pia`, review the stale answers and commit `privacy\/`\.$/m);
      const full = runCli(['scan', '--format', 'markdown'], { cwd: root });
      assert.match(full.stdout, /^> \*\*The privacy impact assessment needs an update\*\*: fields: 1 new; recipients: 1 new/m);
      assert.equal(runCli(['pia'], { cwd: root }).status, 0);
      assert.doesNotMatch(runCli(['scan', '--format', 'markdown'], { cwd: root }).stdout, /needs an update/);
    });

    it('covers the whole workspace without --diff and stays short enough for a comment', () => {
      const run = runCli(['scan', DEMO, '--format', 'markdown']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Whole workspace: 13 of 13 files analysed\. Declaration coverage: purpose \d+%, retention \d+% of \d+ personal fields\.$/m);
      assert.match(run.stdout, /<details><summary>Personal data: \d+ fields in \d+ categories<\/summary>/);
      assert.ok(run.stdout.length < 65_536);
      for (const literal of ['customer-id', "'demo'"]) assert.ok(!run.stdout.includes(literal), literal);
    });

    it('escapes table cells and caps long lists', () => {
      // 40 records with an email each: 80 missing declarations, more than a list shows.
      const records = Array.from({ length: 40 }, (_, i) => `export interface Member${i} {\n  email: string;\n}\n`).join('\n');
      const root = repository({ 'privacy.manifest.json': MANIFEST });
      cleanup.push(root);
      writeFiles(root, { 'src/members.ts': records });
      const md = runCli(['scan', '--diff', 'main', '--format', 'markdown', '--link-base', 'https://example.invalid/blob/x'], { cwd: root }).stdout;
      assert.match(md, /^…and \d+ more \(the SARIF report or `--format text` lists them all\)\.$/m);
      assert.match(md, /^\| `contact\.email` \| `Member0\.email`, .* and 28 more \|$/m);
      for (const line of md.split('\n').filter((l) => l.startsWith('| ['))) assert.equal(line.split(/(?<!\\)\|/).length, 5, line);
    });
  });
});
