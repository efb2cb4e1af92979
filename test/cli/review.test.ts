// Pull-request review on temporary git repositories with a base and a head commit: --diff reports
// only what the change introduces (moved and reformatted code is not new), baselines accept
// findings, the gates decide the exit code, and bad refs or baselines fail clearly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { code } from '../harness/text';
import { commit, git, repository as gitRepository, writeFiles as write } from './git-repo';
import { parseReport, removeWorkspace, runCli, workspace } from './run-cli';

const MANIFEST = JSON.stringify({
  version: 1,
  purposes: { billing: { label: 'Bill the customer', bases: ['contract'] }, support: { label: 'Answer support requests', bases: ['contract'] } },
  retentionPolicies: { account: { label: 'While the account exists', retention: 'P30D after account.closed', disposal: 'delete' } },
});

const CUSTOMER = code`
  /**
   * @purpose billing
   * @retention policy:account
   */
  export interface Customer {
    id: string;
    email: string;
    fullName: string;
  }
`;

const LOGGING = code`
  import type { Customer } from './customer';

  export function welcome(customer: Customer): void {
    console.log('welcome', customer.email);
  }
`;

describe('pull-request review (--diff, baselines, gates)', () => {
  const cleanup: string[] = [];
  after(() => cleanup.forEach(removeWorkspace));

  /** A repository whose main branch holds `base`, checked out on a feature branch. */
  const repository = (base: Readonly<Record<string, string>>): string => {
    const root = gitRepository({ 'privacy.manifest.json': MANIFEST, ...base });
    cleanup.push(root);
    return root;
  };

  describe('what is new', () => {
    it('reports only the findings, fields and flows the change introduces', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/welcome.ts': LOGGING });
      const full = parseReport(runCli(['scan', '--format', 'json'], { cwd: root }));
      assert.ok(full.findings.some((f) => f.ruleId === 'personal-data-in-log'), 'the base already logs the email');
      commit(root, { 'src/customer.ts': CUSTOMER.replace('  fullName: string;\n', '  fullName: string;\n  phoneNumber: string;\n'), 'src/receipt.ts': code`
        import type { Customer } from './customer';

        export function receipt(customer: Customer): void {
          console.info('receipt for', customer.phoneNumber);
        }
      ` }, 'add a phone number');
      const run = runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      const report = parseReport(run);
      assert.deepEqual(report.elements.map((e) => e.id), ['Customer.phoneNumber']);
      assert.deepEqual(report.findings.map((f) => [f.ruleId, f.file, f.line]), [['personal-data-in-log', 'src/receipt.ts', 4]]);
      assert.deepEqual(report.flows.map((f) => [f.from, f.sink.kind, f.file]), [['Customer.phoneNumber', 'log', 'src/receipt.ts']]);
      const review = (JSON.parse(run.stdout) as { review: { base: string; changedFiles: string[]; coverageBefore: { fields: number }; coverageAfter: { fields: number } } }).review;
      assert.equal(review.base, 'main');
      assert.deepEqual(review.changedFiles, ['src/customer.ts', 'src/receipt.ts']);
      assert.equal(review.coverageAfter.fields, review.coverageBefore.fields + 1);
    });

    it('does not report a field or a finding that only moved or was reformatted', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/welcome.ts': LOGGING });
      // The interface moves to another file with its fields reordered; the log call is split over lines.
      commit(root, {
        'src/customer.ts': "export type { Customer } from './models/customer';\n",
        'src/models/customer.ts': `// Moved here.\n\n${CUSTOMER.replace('  email: string;\n  fullName: string;\n', '  fullName: string;\n  email: string;\n')}`,
        'src/welcome.ts': code`
          import type { Customer } from './models/customer';

          // Reformatted.
          export function welcome(customer: Customer): void {
            console.log(
              'welcome',
              customer.email,
            );
          }
        `,
      }, 'move and reformat');
      const report = parseReport(runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root }));
      assert.deepEqual(report.elements, []);
      assert.deepEqual(report.flows, []);
      assert.deepEqual(report.findings, []);
    });

    it('reports a flow in an unchanged file that a new field of a changed record creates', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/store.ts': code`
        import type { Customer } from './customer';

        export function remember(customer: Customer): void {
          localStorage.setItem('customer', JSON.stringify(customer));
        }
      ` });
      commit(root, { 'src/customer.ts': CUSTOMER.replace('  fullName: string;\n', '  fullName: string;\n  homeAddress: string;\n') }, 'add an address');
      const report = parseReport(runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root }));
      assert.deepEqual(report.flows.map((f) => [f.from, f.sink.kind, f.file]), [['Customer.homeAddress', 'client-storage', 'src/store.ts']]);
    });

    it('counts uncommitted and untracked work as part of the change, and deleted files as gone', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/old.ts': code`
        export interface Lead {
          email: string;
        }
      ` });
      git(root, 'rm', '-q', 'src/old.ts');
      write(root, { 'src/new.ts': code`
        export interface Lead {
          email: string;
          birthDate: string;
        }
      ` });
      const run = runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root });
      const report = parseReport(run);
      assert.deepEqual(report.elements.map((e) => e.id), ['Lead.birthDate']);
      assert.ok(report.findings.every((f) => f.file === 'src/new.ts' && f.message.includes('birthDate')), JSON.stringify(report.findings));
      assert.ok(report.findings.length > 0);
    });

    it('compares the whole workspace when the manifest changed', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER });
      const manifest = JSON.parse(MANIFEST) as { purposes: Record<string, unknown> };
      delete manifest.purposes['billing'];
      commit(root, { 'privacy.manifest.json': JSON.stringify(manifest) }, 'drop the billing purpose');
      const run = runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root });
      assert.equal(run.status, 1, 'an unknown purpose is an error');
      const report = parseReport(run);
      assert.ok(report.findings.length > 0);
      assert.ok(report.findings.every((f) => f.ruleId === 'unknown-purpose' && f.file === 'src/customer.ts'), JSON.stringify(report.findings.map((f) => f.ruleId)));
    });

    it('reuses the summary that a whole-workspace --cache scan of the base left, with the same report', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/welcome.ts': LOGGING });
      const cache = path.join(root, '.git', 'steward-cache');
      assert.equal(runCli(['scan', '--cache', '--cache-location', cache, '--format', 'json'], { cwd: root }).status, 0);
      commit(root, { 'src/customer.ts': CUSTOMER.replace('  fullName: string;\n', '  fullName: string;\n  phoneNumber: string;\n'), 'src/welcome.ts': LOGGING.replace('customer.email', 'customer.phoneNumber') }, 'log the phone number');
      const fresh = runCli(['scan', '--diff', 'main', '--format', 'json'], { cwd: root });
      const reused = runCli(['scan', '--diff', 'main', '--format', 'json', '--cache', '--cache-location', cache, '--debug'], { cwd: root });
      assert.match(reused.stderr, /the base is a revision scanned before: its summary is reused/);
      assert.match(fresh.stdout, /"ruleId": "personal-data-in-log"/);
      const withoutTimes = (text: string): unknown => ({ ...(JSON.parse(text) as object), summary: undefined });
      assert.deepEqual(withoutTimes(reused.stdout), withoutTimes(fresh.stdout));
      // Another base (an edit since that scan) is analysed again.
      write(root, { 'src/other.ts': 'export const x = 1;\n' });
      commit(root, {}, 'unrelated');
      const again = runCli(['scan', '--diff', 'HEAD~1', '--cache', '--cache-location', cache, '--debug', '--format', 'json'], { cwd: root });
      assert.match(again.stderr, /diff: analysing the base/);
    });

    it('says what it compared in the text report', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER });
      write(root, { 'src/welcome.ts': LOGGING });
      const run = runCli(['scan', '--diff', 'main'], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Changes against main \(merge base [0-9a-f]{7}, 1 files changed\): only what they introduce\.$/m);
      assert.match(run.stdout, /^src\/welcome\.ts$/m);
      assert.match(run.stdout, /^New personal data: 0 fields in 0 files/m);
      assert.match(run.stdout, /^New flows: 1 personal value reach sinks \(logs 1\)/m);
    });
  });

  describe('baselines', () => {
    it('writes a baseline that accepts the current findings, one finding per entry', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/welcome.ts': LOGGING });
      const write1 = runCli(['scan', '--write-baseline', 'privacy.baseline.json'], { cwd: root });
      assert.equal(write1.status, 0, write1.stderr);
      assert.match(write1.stderr, /wrote the baseline privacy\.baseline\.json/);
      const baseline = JSON.parse(fs.readFileSync(path.join(root, 'privacy.baseline.json'), 'utf8')) as { version: number; tool: string; findings: { key: string; ruleId: string; file: string }[] };
      assert.equal(baseline.version, 1);
      assert.equal(baseline.tool, 'privacy-steward');
      assert.ok(baseline.findings.some((f) => f.ruleId === 'personal-data-in-log' && f.file === 'src/welcome.ts'));
      assert.ok(baseline.findings.every((f) => /^[0-9a-f]{32}$/.test(f.key)), 'keys are hashes, not field names');

      const accepted = runCli(['scan', '--baseline', 'privacy.baseline.json', '--format', 'json', '--fail-on', 'warning'], { cwd: root });
      assert.equal(accepted.status, 0, accepted.stdout);
      assert.deepEqual(parseReport(accepted).findings, []);

      // A second log of the same field is one more than the baseline accepts.
      write(root, { 'src/welcome.ts': LOGGING.replace("console.log('welcome', customer.email);", "console.log('welcome', customer.email);\n  console.warn('again', customer.email);") });
      const more = runCli(['scan', '--baseline', 'privacy.baseline.json', '--format', 'json', '--fail-on', 'warning'], { cwd: root });
      assert.equal(more.status, 1);
      assert.deepEqual(parseReport(more).findings.map((f) => [f.ruleId, f.line]), [['personal-data-in-log', 5]]);
      assert.match(more.stderr, /failing: 1 warning \(--fail-on warning\)/);
    });

    it('tells the text report how many findings the baseline accepted', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER, 'src/welcome.ts': LOGGING });
      runCli(['scan', '--write-baseline', 'b.json'], { cwd: root });
      const run = runCli(['scan', '--baseline', 'b.json'], { cwd: root });
      assert.match(run.stdout, /^✔ No problems found\.$/m);
      assert.match(run.stdout, /^\d+ findings? accepted by the baseline b\.json\.$/m);
    });

    it('rejects a broken baseline with where and what to do, exit 2', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER });
      write(root, { 'bad.json': '{ "version": 1,\n  "findings": [ }', 'other.json': '{"version": 1, "tool": "eslint", "findings": []}', 'keys.json': '{"version": 1, "tool": "privacy-steward", "findings": [{"ruleId": "x"}]}' });
      const syntax = runCli(['scan', '--baseline', 'bad.json'], { cwd: root });
      assert.equal(syntax.status, 2);
      assert.match(syntax.stderr, /bad\.json:2:17: ValueExpected in the baseline; fix it or write it again with --write-baseline/);
      const other = runCli(['scan', '--baseline', 'other.json'], { cwd: root });
      assert.equal(other.status, 2);
      assert.match(other.stderr, /other\.json: not a Privacy Steward baseline \(at \$\.tool\)/);
      const keys = runCli(['scan', '--baseline', 'keys.json'], { cwd: root });
      assert.match(keys.stderr, /keys\.json: each finding needs a string key \(at \$\.findings\[0\]\.key\)/);
      const missing = runCli(['scan', '--baseline', 'nope.json'], { cwd: root });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read the baseline .*nope\.json \(ENOENT\); write one with --write-baseline/);
    });
  });

  describe('gates', () => {
    // An unknown purpose is an error; a field without a purpose is a warning.
    const withError = CUSTOMER.replace('@purpose billing', '@purpose marketing');
    const withWarning = code`
      export interface Lead {
        email: string;
      }
    `;
    const cases: { name: string; base: Record<string, string>; head: Record<string, string>; args: string[]; status: number }[] = [
      { name: 'a new error fails by default', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/customer.ts': withError }, args: [], status: 1 },
      { name: 'an error the base already had does not fail the diff', base: { 'src/customer.ts': withError }, head: { 'src/lead.ts': withWarning }, args: [], status: 0 },
      { name: 'but fails a whole-workspace scan', base: { 'src/customer.ts': withError }, head: {}, args: ['--no-diff'], status: 1 },
      { name: 'new warnings pass by default', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/lead.ts': withWarning }, args: [], status: 0 },
      { name: '--fail-on warning fails on a new warning', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/lead.ts': withWarning }, args: ['--fail-on', 'warning'], status: 1 },
      { name: '--fail-on none passes a new error', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/customer.ts': withError }, args: ['--fail-on', 'none'], status: 0 },
      { name: '--max-warnings 0 fails on one new warning', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/lead.ts': withWarning }, args: ['--max-warnings', '0'], status: 1 },
      { name: '--max-warnings 5 passes a few', base: { 'src/customer.ts': CUSTOMER }, head: { 'src/lead.ts': withWarning }, args: ['--max-warnings', '5'], status: 0 },
      { name: '--fail-on warning passes a change without new findings', base: { 'src/customer.ts': withError, 'src/lead.ts': withWarning }, head: { 'src/README.md': 'docs\n' }, args: ['--fail-on', 'warning'], status: 0 },
    ];
    for (const c of cases) {
      it(`${c.name} (exit ${c.status})`, () => {
        const root = repository(c.base);
        commit(root, c.head, 'head');
        const args = c.args.includes('--no-diff') ? c.args.filter((a) => a !== '--no-diff') : ['--diff', 'main', ...c.args];
        const run = runCli(['scan', ...args, '--format', 'json'], { cwd: root });
        assert.equal(run.status, c.status, `${run.stderr}\n${run.stdout.slice(0, 2000)}`);
        parseReport(run);
      });
    }

    it('rejects bad gate values, exit 2', () => {
      assert.match(runCli(['scan', '--fail-on', 'info']).stderr, /--fail-on must be one of error, warning, none, not "info"/);
      assert.match(runCli(['scan', '--max-warnings=-1']).stderr, /--max-warnings takes a whole number of warnings/);
      assert.match(runCli(['scan', '--max-warnings', 'many']).stderr, /--max-warnings takes a whole number of warnings \(0 or more\), not "many"/);
      assert.equal(runCli(['scan', '--fail-on', 'info']).status, 2);
    });
  });

  describe('bad refs and repositories', () => {
    it('exits 2 with what to do for a ref git does not know', () => {
      const root = repository({ 'src/customer.ts': CUSTOMER });
      const run = runCli(['scan', '--diff', 'origin/nowhere'], { cwd: root });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /finding the merge base of origin\/nowhere and HEAD \(is origin\/nowhere fetched\? in CI, fetch with enough depth\) failed/);
    });
    it('exits 2 outside a git repository', () => {
      const root = workspace({ 'a.ts': 'export const a = 1;\n' });
      cleanup.push(root);
      const run = runCli(['scan', '--diff', 'main'], { cwd: root });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /finding the git repository of .* failed \(fatal: not a git repository/);
    });
    it('refuses --fix together with --diff', () => {
      const run = runCli(['scan', '--diff', 'main', '--fix']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--fix and --diff do not go together/);
    });
  });

  describe('a workspace inside a larger repository', () => {
    it('reads paths relative to the workspace root', () => {
      const root = workspace({});
      cleanup.push(root);
      git(root, 'init', '-q', '-b', 'main');
      commit(root, { 'apps/shop/privacy.manifest.json': MANIFEST, 'apps/shop/src/customer.ts': CUSTOMER, 'apps/other/src/lead.ts': 'export interface Lead { email: string }\n' }, 'base');
      commit(root, { 'apps/shop/src/welcome.ts': LOGGING, 'apps/other/src/lead2.ts': 'export interface Lead2 { email: string }\n' }, 'head');
      const report = parseReport(runCli(['scan', path.join(root, 'apps/shop'), '--diff', 'HEAD~1', '--format', 'json'], { cwd: root }));
      assert.deepEqual(report.findings.map((f) => f.file), ['src/welcome.ts']);
      const review = (JSON.parse(runCli(['scan', '--diff', 'HEAD~1', '--format', 'json'], { cwd: path.join(root, 'apps/shop') }).stdout) as { review: { changedFiles: string[] } }).review;
      assert.deepEqual(review.changedFiles, ['src/welcome.ts']);
    });
  });
});
