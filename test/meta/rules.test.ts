// Keeps every rule's pieces in step (ESLint / typescript-eslint meta-tests): registry entry, id equal
// to the file name, a doc with the fixed skeleton whose examples behave, a test table that exercises
// every message, and the boundaries rules must respect.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../rules';
import type { ManifestDocument } from '../../rules/manifest/types';
import { analyseWorkspace } from '../harness/analyse';
import * as readmeRules from '../tools/readme-rules';

const REPO = path.resolve(__dirname, '..', '..', '..');
const RULES_DIR = path.join(REPO, 'rules');
const NOT_RULES = new Set(['api.ts', 'define-rule.ts', 'index.ts']);
const SKELETON = ['## Why', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Options', '## How to fix', '## When not to use it', '## Data categories'];

interface DocExample {
  readonly kind: 'incorrect' | 'correct';
  readonly language: 'ts' | 'prisma';
  readonly code: string;
}

/** The examples of a rule doc and its optional `json manifest` block. */
function docExamples(markdown: string): { manifest?: ManifestDocument; examples: DocExample[] } {
  const examples: DocExample[] = [];
  let manifest: ManifestDocument | undefined;
  let section: DocExample['kind'] | undefined;
  const fence = /^```([^\n]*)\n([\s\S]*?)^```/gm;
  const headings = [...markdown.matchAll(/^### (❌|✅)/gm)].map((m) => ({ at: m.index ?? 0, kind: m[1] === '❌' ? ('incorrect' as const) : ('correct' as const) }));
  const optionsAt = markdown.indexOf('\n## Options');
  for (const match of markdown.matchAll(fence)) {
    const at = match.index ?? 0;
    if (optionsAt >= 0 && at > optionsAt) break;
    const info = (match[1] ?? '').trim();
    const body = match[2] ?? '';
    if (info === 'json manifest') {
      manifest = JSON.parse(body) as ManifestDocument;
      continue;
    }
    section = [...headings].reverse().find((h) => h.at < at)?.kind;
    if (!section || (info !== 'ts' && info !== 'prisma')) continue;
    examples.push({ kind: section, language: info, code: body });
  }
  return { ...(manifest ? { manifest } : {}), examples };
}

const ruleFiles = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

describe('rules meta', () => {
  it('the registry lists every rule module once, sorted by id', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.deepEqual([...ids].sort(), ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      const docPath = path.join(RULES_DIR, `${id}.md`);
      const testPath = path.join(REPO, 'test', 'rules', `${id}.test.ts`);

      it('has a doc with the fixed skeleton, starting with its summary', () => {
        assert.ok(fs.existsSync(docPath), `missing ${path.relative(REPO, docPath)}`);
        const markdown = fs.readFileSync(docPath, 'utf8');
        const lines = markdown.split('\n').filter((l) => l.trim() !== '');
        assert.equal(lines[0], `# ${id}`);
        assert.equal(lines[1], rule.meta.summary);
        let from = 0;
        for (const heading of SKELETON) {
          const at = markdown.indexOf(`\n${heading}\n`, from);
          assert.ok(at >= 0, `section "${heading}" missing or out of order`);
          from = at + 1;
        }
      });

      it('doc examples behave: each ❌ example reports, no ✅ example does', async () => {
        const { manifest, examples } = docExamples(fs.readFileSync(docPath, 'utf8'));
        assert.ok(examples.some((e) => e.kind === 'incorrect') && examples.some((e) => e.kind === 'correct'), 'the doc needs both kinds of example');
        for (const example of examples) {
          const file = example.language === 'prisma' ? 'prisma/schema.prisma' : 'src/example.ts';
          const result = await analyseWorkspace({ files: { [file]: example.code }, ...(manifest ? { manifest } : {}), rules: [rule] });
          const reported = result.findings.filter((f) => f.ruleId === id);
          const problems = result.findings.filter((f) => f.ruleId === 'syntax-error');
          assert.deepEqual(problems.map((p) => p.message), [], `example does not parse:\n${example.code}`);
          if (example.kind === 'incorrect') assert.ok(reported.length > 0, `❌ example does not report:\n${example.code}`);
          else assert.deepEqual(reported.map((f) => f.message), [], `✅ example reports:\n${example.code}`);
        }
      });

      it('has a table-driven test file that exercises every message', () => {
        assert.ok(fs.existsSync(testPath), `missing ${path.relative(REPO, testPath)}`);
        const source = fs.readFileSync(testPath, 'utf8');
        assert.match(source, /new RuleTester\(\)\.run\(rule, \{/);
        for (const messageId of Object.keys(rule.meta.messages)) {
          assert.ok(new RegExp(`(\\^+ ${messageId}\\b|messageId: '${messageId}')`).test(source), `message ${messageId} is never expected in the tests`);
        }
      });

      it('only reads the tree and imports nothing of the engine, the editor or the file system', () => {
        const source = fs.readFileSync(path.join(RULES_DIR, `${id}.ts`), 'utf8');
        for (const banned of [/from '\.\.\/server/, /from '\.\.\/client/, /from 'vscode/, /from 'node:fs'/, /\.(replaceWithText|insertText|removeText|rename|addProperty|setType)\(/]) {
          assert.doesNotMatch(source, banned);
        }
      });
    });
  }
});

describe('generated files', () => {
  it('the README rules table matches the registry (npm run build:generated)', () => {
    const { README, withFreshTable } = readmeRules;
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, withFreshTable(readme), 'README.md rules table is stale: run npm run build:generated');
  });
  it('the rule docs module matches the rules’ docs (npm run build:generated)', () => {
    assert.equal(fs.readFileSync(readmeRules.RULE_DOCS_MODULE, 'utf8'), readmeRules.ruleDocsModule(), 'rules/lib/rule-docs.generated.ts is stale: run npm run build:generated');
  });
  it('the precompiled manifest validator matches the schema (npm run build:generated)', () => {
    assert.equal(fs.readFileSync(readmeRules.MANIFEST_VALIDATOR_MODULE, 'utf8'), readmeRules.manifestValidatorModule(), 'validate-manifest.generated.ts is stale: run npm run build:generated');
  });
});
