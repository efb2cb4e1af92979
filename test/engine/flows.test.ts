// The flow analysis on a multi-file app with known flows (test/fixtures/flows-app): which declared
// fields reach which sinks along which path, the collection points and the fields they collect,
// the findings of the flow rules, and the cases that must stay silent.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../rules';
import { analyseFiles, defaultManifest, NULL_LOGGER, scanWorkspace, type ScanResult } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { REPO } from '../cli/run-cli';

const APP = path.join(REPO, 'test', 'fixtures', 'flows-app');
const FLOW_RULES = new Set(['personal-data-in-log', 'personal-data-to-third-party', 'personal-data-in-url', 'personal-data-in-client-storage', 'purpose-mismatch']);

describe('flows in a multi-file app', function () {
  this.timeout(60_000);
  let result: ScanResult;
  before(async () => {
    result = await scanWorkspace({ root: APP, rules: RULES });
  });

  it('follows each declared field to its sink, with the path it took', () => {
    const flows = result.flows.map((f) => `${f.file}: ${f.path.join(' → ')} [${f.sink.kind}/${f.sink.recipient}]`).sort();
    assert.deepEqual(flows, [
      'app/api/users/route.ts: User.email → fetch [http/external-host]',
      'src/api/fastify.ts: Customer.firstName → console.warn [log/console]',
      'src/api/fastify.ts: Customer.phone → request.log.info [log/logger]',
      'src/routes/express.ts: SignupSchema.email → logger.warn [log/logger]',
      'src/services/customers.service.ts: Customer.email → contact → logger.info [log/logger]',
      'src/services/customers.service.ts: Customer.firstName → openai.chat.completions.create [llm/openai]',
      'src/services/customers.service.ts: Customer.id → posthog.capture [analytics/posthog]',
      'src/web/profile.tsx: SignupSchema.displayName → window.location.href [url/location]',
      'src/web/profile.tsx: SignupSchema.email → localStorage.setItem [client-storage/local-storage]',
    ]);
    assert.ok(result.flows.every((f) => f.resolution === 'type'), 'every flow of the app is traced through types');
  });

  it('leaves redacted, hashed, @notPersonal, non-personal and internal values alone', () => {
    const from = new Set(result.flows.map((f) => `${f.file} ${f.element?.id ?? f.valueName}`));
    for (const silent of [
      'src/services/customers.service.ts Customer.phone',
      'src/services/customers.service.ts Customer.emailHash',
      'src/services/customers.service.ts Product.name',
      'src/routes/express.ts SignupSchema.plan',
      'src/services/files.ts fileName',
      'src/services/files.ts hostname',
      'src/services/files.ts emailTemplate',
    ]) {
      assert.ok(!from.has(silent), `${silent} must not flow`);
    }
    assert.equal(result.flows.filter((f) => f.file === 'app/api/users/route.ts').length, 1, 'the internal billing host is not a third party');
  });

  it('finds the collection points and the fields each collects', () => {
    const points = result.collectionPoints.map((p) => `${p.kind} ${p.method ?? '-'} ${p.handler} @${p.file}:${p.line}: ${[...p.elementIds, ...p.fieldNames.map((n) => `"${n}"`)].join(', ')}`).sort();
    assert.deepEqual(points, [
      'express POST POST handler @src/routes/express.ts:7: SignupSchema.displayName, SignupSchema.email, SignupSchema.plan',
      'express PUT PUT handler @src/routes/express.ts:17: "nickname", "phone"',
      'fastify POST POST handler @src/api/fastify.ts:7: Customer.email, Customer.emailHash, Customer.firstName, Customer.id, Customer.phone',
      'form - SignupForm @src/web/profile.tsx:7: SignupSchema.displayName, SignupSchema.email, SignupSchema.plan',
      'next-route POST POST @app/api/users/route.ts:5: SignupSchema.displayName, SignupSchema.email, SignupSchema.plan',
      'next-server-action POST updateAccount @app/account/actions.ts:4: "city", "phone"',
    ]);
  });

  it('reports each flow the rules forbid on the line marked "flow:", and nothing on "no flow:" lines', () => {
    const reported = result.findings
      .filter((f) => FLOW_RULES.has(f.ruleId))
      .map((f) => `${f.file}:${f.line} ${f.ruleId}`)
      .sort();
    assert.deepEqual(reported, [
      'app/api/users/route.ts:11 personal-data-to-third-party',
      'src/api/fastify.ts:10 personal-data-in-log',
      'src/api/fastify.ts:12 personal-data-in-log',
      'src/routes/express.ts:11 personal-data-in-log',
      'src/services/customers.service.ts:20 personal-data-in-log',
      'src/services/customers.service.ts:32 purpose-mismatch',
      'src/services/customers.service.ts:34 personal-data-to-third-party',
      'src/services/customers.service.ts:34 purpose-mismatch',
      'src/web/profile.tsx:10 personal-data-in-client-storage',
      'src/web/profile.tsx:12 personal-data-in-url',
    ]);
    // PostHog is declared for marketing, and campaign() is declared for marketing: no third-party finding.
    assert.ok(!reported.includes('src/services/customers.service.ts:32 personal-data-to-third-party'));
    for (const source of result.sources) {
      const lines = new LineIndex(source.text);
      for (const finding of result.findings.filter((f) => f.file === source.model.path && FLOW_RULES.has(f.ruleId))) {
        assert.match(lines.lineText(finding.line - 1), /\/\/ flow:/, `${finding.file}:${finding.line} is reported but the line above is not marked "flow:"`);
      }
    }
  });

  it('offers the manifest redactor on a log finding', () => {
    const log = result.findings.find((f) => f.ruleId === 'personal-data-in-log' && f.file === 'src/routes/express.ts');
    assert.deepEqual(log?.suggestions.map((s) => s.title), ['Redact with redact()']);
    assert.deepEqual(log?.suggestions[0]?.edits.map((e) => e.newText), ["import { redact } from '../lib/privacy';\n", 'redact(input.email)']);
  });

  it('follows a record imported under another name without the type checker', async () => {
    const debug: string[] = [];
    const analysis = await analyseFiles({
      files: [
        { path: 'src/customer.ts', text: 'export class Customer {\n  id!: string;\n  email!: string;\n}\n' },
        { path: 'src/audit.ts', text: "import type { Customer as Audited } from './customer';\nexport function audit(account: Audited): void {\n  console.info('login', account.email);\n}\n" },
      ],
      manifest: defaultManifest(),
      rules: RULES,
      logger: { ...NULL_LOGGER, debug: (message) => debug.push(message) },
    });
    assert.deepEqual(analysis.flows.map((f) => [f.path.join(' → '), f.resolution]), [['Customer.email → console.info', 'type']]);
    assert.ok(!debug.some((m) => m.includes('needed the type checker')), debug.join('\n'));
  });
});
