// Bad input (issue item 8): syntax errors, a 5 MB minified file, a binary file named .ts, an empty
// file, BOM + CRLF, 10,000 nested parentheses, an unreadable file, a symlink loop, invalid JSON and
// schema-invalid values in the manifest. The scan finishes, each problem is reported with its
// location, the other files are still analysed, and the exit code follows the CLI's rules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type JsonReport, parseReport, removeWorkspace, runCli, workspace } from './run-cli';

const GOOD = 'export interface Customer {\n  email: string;\n}\n';

function badFiles(): Record<string, string | Buffer> {
  const minified = `var a=${'[1,2,3,"x"],'.repeat(5 * 1024 * 1024 / 12)}0;`;
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 31 + 7) % 256;
  return {
    'src/good.ts': GOOD,
    'src/syntax-error.ts': 'export interface Visitor {\n  ipAddress: string;\n}\nconst broken = ;\nexport interface Lead {\n  phone: string;\n}\n',
    'src/vendor.min.js': minified,
    'src/bundle.js': minified,
    'src/binary.ts': binary,
    'src/empty.ts': '',
    'src/bom-crlf.ts': '\uFEFFexport interface Patient {\r\n  // a comment\r\n  lastName: string;\r\n}\r\n',
    'src/deep.ts': `export const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\nexport interface Member {\n  phone: string;\n}\n`,
    'src/unreadable.ts': 'export interface Secret {\n  password: string;\n}\n',
    'prisma/broken.prisma': 'model User {\n  email String\n  name ===\n}\n',
  };
}

describe('bad input', function () {
  this.timeout(120_000);
  let root = '';
  let report: JsonReport;
  let status: number | null;
  const asNobody = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv');

  before(() => {
    root = workspace(badFiles());
    fs.chmodSync(path.join(root, 'src/unreadable.ts'), 0o000);
    fs.symlinkSync('..', path.join(root, 'src', 'loop'));
    fs.symlinkSync('missing-target.ts', path.join(root, 'src', 'dangling.ts'));
    const run = runCli(['scan', root, '--format', 'json'], { asNobody });
    status = run.status;
    report = parseReport(run);
  });
  after(() => removeWorkspace(root));

  const findingsFor = (file: string) => report.findings.filter((f) => f.file === file);

  it('finishes and still analyses the good files', () => {
    const ids = report.elements.map((e) => e.id);
    assert.ok(ids.includes('Customer.email'));
    assert.ok(ids.includes('Visitor.ipAddress') && ids.includes('Lead.phone'), 'fields around a syntax error');
  });

  it('exits 0: no error-level findings, only warnings about the bad files', () => {
    assert.equal(status, 0);
  });

  it('reports a TypeScript syntax error at its position', () => {
    const [problem] = findingsFor('src/syntax-error.ts').filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(problem && [problem.severity, problem.line, problem.column], ['warning', 4, 16]);
    assert.match(problem?.message ?? '', /Syntax error TS\d+/);
  });

  it('skips minified files: by name silently, by content with a notice', () => {
    assert.deepEqual(findingsFor('src/vendor.min.js'), []);
    const [notice] = findingsFor('src/bundle.js');
    assert.deepEqual(notice && [notice.ruleId, notice.severity, notice.line, notice.column], ['skipped-file', 'info', 1, 1]);
    assert.match(notice?.message ?? '', /minified code \(5\.0 MB/);
  });

  it('skips a binary file named .ts', () => {
    const [notice] = findingsFor('src/binary.ts');
    assert.deepEqual(notice && [notice.ruleId, notice.line], ['skipped-file', 1]);
    assert.match(notice?.message ?? '', /binary data/);
  });

  it('accepts an empty file', () => {
    assert.deepEqual(findingsFor('src/empty.ts'), []);
  });

  it('reads a file with a byte-order mark and CRLF line endings at the right positions', () => {
    const element = report.elements.find((e) => e.id === 'Patient.lastName');
    assert.deepEqual(element && [element.file, element.line, element.column], ['src/bom-crlf.ts', 3, 3]);
  });

  it('parses 10,000 nested parentheses and finds the fields after them', () => {
    const element = report.elements.find((e) => e.id === 'Member.phone');
    assert.deepEqual(element && [element.file, element.line], ['src/deep.ts', 3]);
  });

  it('reports an unreadable file', function () {
    if (!asNobody && process.getuid?.() === 0) this.skip(); // root reads every file; setpriv is needed to drop privileges
    const [problem] = findingsFor('src/unreadable.ts');
    assert.deepEqual(problem && [problem.ruleId, problem.severity, problem.line], ['unreadable-file', 'warning', 1]);
    assert.match(problem?.message ?? '', /cannot read the file \(EACCES\)/);
  });

  it('reports a symlink loop and a dangling link instead of following them forever', () => {
    const loop = findingsFor('src/loop');
    assert.match(loop[0]?.message ?? '', /symbolic link loop/);
    const dangling = findingsFor('src/dangling.ts');
    assert.match(dangling[0]?.message ?? '', /broken symbolic link \(ENOENT\)/);
  });

  it('reads a Prisma schema the parser rejects line by line, with the error position', () => {
    const [problem] = findingsFor('prisma/broken.prisma').filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(problem && [problem.severity, problem.line, problem.column], ['warning', 3, 3]);
    assert.ok(report.elements.some((e) => e.id === 'User.email'));
  });

  describe('manifest problems', () => {
    const cases: readonly [string, string, RegExp][] = [
      ['invalid JSON', '{\n  "purposes": {\n    "support": { "label": "Support" }\n  \n', /^privacy\.manifest\.json:5:1: error a closing brace \} is missing \(at \$\)$/m],
      ['schema-invalid values', '{\n  "retentionPolicies": {\n    "account": { "retention": 30 }\n  }\n}\n', /^privacy\.manifest\.json:3:31: error must be a string \(at \$\.retentionPolicies\.account\.retention\)$/m],
      ['an empty file', '', /^privacy\.manifest\.json:1:1: error /m],
    ];
    for (const [name, manifest, expected] of cases) {
      it(`${name}: reported with position and JSON path, the code still scanned, exit 2`, () => {
        const ws = workspace({ 'src/good.ts': GOOD, 'privacy.manifest.json': manifest });
        try {
          const run = runCli(['scan', ws]);
          assert.equal(run.status, 2);
          assert.match(run.stdout, expected);
          assert.match(run.stdout, /Customer\.email holds personal data/);
        } finally {
          removeWorkspace(ws);
        }
      });
    }
  });
});
