// The CLI as users and CI see it: arguments, exit codes, the JSON contract, the text report,
// --fix, --manifest and --output, and the tool's own privacy (no values in output, no workspace code run).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { code } from '../harness/text';
import { DEMO, parseReport, removeWorkspace, runCli, workspace } from './run-cli';

describe('cli', () => {
  const cleanup: string[] = [];
  after(() => cleanup.forEach(removeWorkspace));
  const make = (files: Readonly<Record<string, string | Buffer>>): string => {
    const root = workspace(files);
    cleanup.push(root);
    return root;
  };

  describe('arguments', () => {
    it('prints help and exits 0', () => {
      const run = runCli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: privacy-steward scan \[paths\.\.\.\] \[options\]/);
      assert.match(run.stdout, /--format text\|json\|sarif\|markdown/);
    });
    it('prints the version', () => {
      const run = runCli(['--version']);
      assert.equal(run.status, 0);
      assert.match(run.stdout.trim(), /^\d+\.\d+\.\d+$/);
    });
    it('exits 2 with a clear message for a missing command, an unknown option or a bad format', () => {
      const missing = runCli([]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /missing command: run "privacy-steward scan \[paths\.\.\.\]"/);
      const unknown = runCli(['scan', '--frobnicate']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /Unknown option '--frobnicate'\. Run privacy-steward --help for the options\./);
      const format = runCli(['scan', '--format', 'xml']);
      assert.equal(format.status, 2);
      assert.match(format.stderr, /--format must be one of text, json, sarif, markdown, not "xml"/);
    });
    it('exits 2 when the folder does not exist', () => {
      const run = runCli(['scan', '/nonexistent/folder']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^privacy-steward: no such file or folder: \/nonexistent\/folder$/m);
    });
  });

  describe('the demo workspace', () => {
    it('text report: findings by file, a count line and the inventory; exit 0 on warnings', () => {
      const run = runCli(['scan', DEMO]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^prisma\/schema\.prisma$/m);
      assert.match(run.stdout, /^ {2}30:3 {2}warning {2}Order\.userId holds personal data \(identifier\.internal_id\) but declares no @purpose; say why it is collected\. {2}missing-purpose$/m);
      assert.match(run.stdout, /^⚠ \d+ problems \(0 errors, \d+ warnings, \d+ info\)$/m);
      assert.match(run.stdout, /^Personal data: \d+ fields in 7 files \(13 of 13 files analysed\)$/m);
      assert.match(run.stdout, /^ {2}special\.health +3 +100% +100%$/m);
      assert.match(run.stdout, /^Where it goes: \d+ personal values reach sinks \(logs 1, analytics 2, error trackers 2, browser storage 8, URLs 1\); 1 collection point$/m);
      assert.match(run.stdout, /^ {2}Segment +analytics, 2 fields$/m);
      assert.match(run.stdout, /^ {2}12:37 {2}warning {2}CreateCustomerDto\.contact \(contact\.email\) is written to the NestJS Logger by logger\.log: CreateCustomerDto\.contact → logger\.log\. .* {2}personal-data-in-log$/m);
    });

    it('JSON report follows contract version 1', () => {
      const report = parseReport(runCli(['scan', DEMO, '--format', 'json']));
      assert.equal(report.version, 1);
      assert.equal(report.root, DEMO);
      const email = report.elements.find((e) => e.id === 'Customer.email');
      assert.deepEqual(email && { file: email.file, line: email.line, column: email.column, container: email.container, field: email.field, categories: email.categories, special: email.special }, {
        file: 'src/entities/customer.entity.ts',
        line: 23,
        column: 3,
        container: 'Customer',
        field: 'email',
        categories: ['contact.email'],
        special: false,
      });
      assert.deepEqual(email?.declared, { purposes: ['account.management'], retention: 'policy:account', basis: null, subject: 'customer', source: null });
      assert.ok(email && email.confidence > 0.5 && email.evidence.length > 0);
      const allergies = report.elements.find((e) => e.id === 'HealthProfile.allergies');
      assert.equal(allergies?.special, true);
      assert.equal(allergies?.declared.basis, 'consent, art9.explicit-consent');
      assert.ok(report.elements.every((e) => !e.file.includes('\\') && !path.isAbsolute(e.file)));
      assert.ok(!report.elements.some((e) => e.container === 'Warehouse' || e.container === 'Product'), 'non-personal fields are not elements');
      const finding = report.findings[0];
      assert.ok(finding);
      for (const key of ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'fingerprint']) assert.ok(key in finding, `finding.${key}`);
      assert.equal(new Set(report.findings.map((f) => f.fingerprint)).size, report.findings.length, 'fingerprints are unique');
      assert.equal(report.summary.elements, report.elements.length);
      assert.equal(report.summary.findings, report.findings.length);
      assert.equal(report.summary.files, 13);
    });

    it('JSON report lists flows with their path and the collection points with their fields', () => {
      const report = parseReport(runCli(['scan', DEMO, '--format', 'json']));
      const sentry = report.flows.find((f) => f.from === 'Customer.email' && f.sink.recipient === 'sentry');
      assert.deepEqual(sentry, {
        from: 'Customer.email',
        value: 'email',
        categories: ['contact.email'],
        sink: { kind: 'error-tracker', recipient: 'sentry', label: 'Sentry', callee: 'Sentry.setUser', thirdParty: true, module: '@sentry/node' },
        file: 'src/services/analytics.ts',
        line: 14,
        column: 44,
        path: ['Customer.email', 'Sentry.setUser'],
        resolution: 'type',
        wholeRecord: false,
        function: 'reportFailure',
        purposes: [],
      });
      assert.deepEqual(report.collectionPoints, [
        {
          id: 'src/api/customers.controller.ts#CustomersController.create',
          kind: 'nestjs',
          method: 'POST',
          handler: 'CustomersController.create',
          file: 'src/api/customers.controller.ts',
          line: 9,
          elements: ['CreateCustomerDto.contact', 'CreateCustomerDto.firstName', 'CreateCustomerDto.lastName', 'CreateCustomerDto.mobile', 'CreateCustomerDto.password', 'CreateCustomerDto.referralCode'],
          fields: [],
        },
      ]);
      assert.equal(report.summary.flows, report.flows.length);
      assert.deepEqual(report.summary.recipients.map((r) => r.recipient), ['segment', 'sentry']);
    });
  });

  describe('exit codes', () => {
    it('1 when there is an error-level finding', () => {
      const root = make({ 'src/patient.ts': 'export interface Patient {\n  diagnosis: string;\n}\n' });
      const run = runCli(['scan', root, '--format', 'json']);
      assert.equal(run.status, 1);
      assert.ok(parseReport(run).findings.some((f) => f.ruleId === 'special-category-without-basis' && f.severity === 'error'));
    });
    it('0 when a rule set to error in the manifest is turned off', () => {
      const root = make({
        'src/patient.ts': 'export interface Patient {\n  diagnosis: string;\n}\n',
        'privacy.manifest.json': JSON.stringify({ rules: { 'special-category-without-basis': 'off' } }),
      });
      assert.equal(runCli(['scan', root]).status, 0);
    });
    it('2 when --manifest names a file that cannot be read', () => {
      const root = make({ 'src/a.ts': 'export interface A { email: string }\n' });
      const run = runCli(['scan', root, '--manifest', path.join(root, 'missing.json')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot read the manifest .*missing\.json \(ENOENT\)/);
    });
    it('2 with file:line:column and a JSON path for each manifest problem; the code is still scanned', () => {
      const root = make({
        'src/a.ts': 'export interface Customer { email: string }\n',
        'privacy.manifest.json': '{\n  "purposes": {\n    "support": { "label": "Support", "bases": ["contractual"] }\n  }\n}\n',
      });
      const run = runCli(['scan', root]);
      assert.equal(run.status, 2);
      assert.match(run.stdout, /^privacy\.manifest\.json:3:48: error must be one of: consent, contract, .* \(at \$\.purposes\.support\.bases\[0\]\)$/m);
      assert.match(run.stdout, /Customer\.email holds personal data/);
      assert.match(run.stderr, /the manifest has 1 problem/);
    });
  });

  describe('--fix and --output', () => {
    it('applies safe fixes to the files, then reports what is left', () => {
      const root = make({
        'privacy.manifest.json': JSON.stringify({ purposes: { account: { label: 'Account', defaultFor: ['contact.email'] } }, retentionPolicies: { account: { retention: 'P30D after account.closed', defaultFor: ['contact'] } } }),
        'src/customer.ts': code`
          export interface Customer {
            /** Login. */
            email: string;
            /** @retention p2y */
            phone: string;
          }
        `,
      });
      const before = parseReport(runCli(['scan', root, '--format', 'json']));
      const run = runCli(['scan', root, '--fix', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /fixed src\/customer\.ts/);
      assert.equal(
        fs.readFileSync(path.join(root, 'src/customer.ts'), 'utf8'),
        code`
          export interface Customer {
            /**
             * Login.
             * @purpose account
             * @retention policy:account
             */
            email: string;
            /** @retention P2Y */
            phone: string;
          }
        `,
      );
      const after = parseReport(run);
      assert.ok(after.findings.length < before.findings.length);
      assert.deepEqual(after.findings.map((f) => `${f.ruleId} ${f.line}`), ['missing-purpose 9']);
    });
    it('does not touch files without --fix', () => {
      const text = 'export interface Customer {\n  /** @retention p2y */\n  phone: string;\n}\n';
      const root = make({ 'src/c.ts': text });
      runCli(['scan', root]);
      assert.equal(fs.readFileSync(path.join(root, 'src/c.ts'), 'utf8'), text);
    });
    it('--output writes the report to a file', () => {
      const root = make({ 'src/a.ts': 'export interface A { email: string }\n' });
      const out = path.join(root, 'report.json');
      const run = runCli(['scan', root, '--format', 'json', '--output', out]);
      assert.equal(run.stdout, '');
      assert.equal((JSON.parse(fs.readFileSync(out, 'utf8')) as { version: number }).version, 1);
    });
  });

  describe('the tool’s own privacy', () => {
    it('never prints string literals or values found in the code', () => {
      const root = make({
        'src/seed.ts': code`
          export interface Customer { email: string; phone: string; notes: string }
          export const seed: Customer = { email: 'jane.doe@example.com', phone: '+44 7700 900123', notes: 'allergic to penicillin' };
          export const schema = { ssn: '123-45-6789' };
        `,
        'prisma/schema.prisma': 'model Person {\n  email String @default("root@example.org")\n}\n',
      });
      for (const format of ['text', 'json']) {
        const run = runCli(['scan', root, '--format', format, '--debug']);
        for (const value of ['jane.doe@example.com', '7700 900123', 'penicillin', '123-45-6789', 'root@example.org']) {
          assert.ok(!run.stdout.includes(value) && !run.stderr.includes(value), `${format} output contains "${value}"`);
        }
      }
    });
    it('runs nothing from the workspace, not even the Prisma parser’s config files', () => {
      const marker = path.join(make({}), 'executed');
      const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`;
      const root = make({
        'prisma-ast.config.js': payload,
        '.prisma-astrc.js': payload,
        'prisma/schema.prisma': 'model User {\n  email String\n}\n',
      });
      const run = runCli(['scan', '.'], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /User\.email/);
      assert.equal(fs.existsSync(marker), false, 'a workspace config file was executed');
    });
  });
});
