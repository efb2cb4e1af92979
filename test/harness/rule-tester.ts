// Table-driven rule tests (after ESLint's strict RuleTester): each case is code plus the findings
// it must produce (caret annotations or explicit objects), the output of the safe fix and of each
// suggestion. Incomplete expectations fail the test rather than pass silently.
import * as assert from 'node:assert/strict';
import type { RuleModule } from '../../rules/api';
import type { ManifestDocument } from '../../rules/manifest/types';
import { applyFixes, type Finding, type Fix } from '../../server/src/engine';
import { ENGINE_PROBLEM_IDS } from '../../server/src/engine/findings';
import { analyseWorkspace, MANIFEST_PATH, manifestText } from './analyse';
import { parseAnnotations } from './annotations';

export interface ExpectedSuggestion {
  readonly title: string;
  /** The analysed file after applying only this suggestion. */
  readonly output?: string;
  /** For suggestions that edit the manifest: the manifest text after applying it. */
  readonly manifestOutput?: string;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The rendered message, or a pattern it must match. */
  readonly message?: string | RegExp;
  readonly suggestions?: readonly ExpectedSuggestion[];
}

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  /** Default: src/example.ts (prisma/schema.prisma when the code starts with `model`, `///` or `datasource`). */
  readonly filename?: string;
  readonly manifest?: ManifestDocument;
  /** Other files of the workspace (context such as an embedded type declared elsewhere). */
  readonly files?: Readonly<Record<string, string>>;
}

export interface InvalidCase extends ValidCase {
  readonly name: string;
  /** Expected findings besides the caret annotations (multi-line spans, messages). */
  readonly findings?: readonly ExpectedFinding[];
  /** The code after applying every safe fix the rule offers. Required when there is one. */
  readonly output?: string;
  /** Shorthand for the suggestions of the case's only finding. */
  readonly suggestions?: readonly ExpectedSuggestion[];
}

export interface RuleCases {
  readonly valid: readonly (ValidCase | string)[];
  readonly invalid: readonly InvalidCase[];
}

function filenameOf(c: ValidCase, code: string): string {
  if (c.filename) return c.filename;
  return /^\s*(model|datasource|generator|enum|\/\/\/|type\s+\w+\s*\{)/m.test(code) && !/^\s*(import|export|interface|const)\b/m.test(code) ? 'prisma/schema.prisma' : 'src/example.ts';
}

function describeFinding(f: Finding): string {
  return `${f.ruleId}/${f.messageId ?? '-'} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn}: ${f.message}`;
}

async function findingsFor(rule: RuleModule, c: ValidCase, code: string): Promise<{ rule: Finding[]; problems: Finding[] }> {
  const filename = filenameOf(c, code);
  const result = await analyseWorkspace({ files: { ...(c.files ?? {}), [filename]: code }, ...(c.manifest ? { manifest: c.manifest } : {}), rules: [rule] });
  const own = result.findings.filter((f) => f.ruleId === rule.meta.id && f.file === filename).sort((a, b) => a.range.start - b.range.start || (a.messageId ?? '').localeCompare(b.messageId ?? ''));
  const problems = result.findings.filter((f) => (ENGINE_PROBLEM_IDS as readonly string[]).includes(f.ruleId));
  return { rule: own, problems };
}

function applyTo(text: string, fix: Fix, file: string): string {
  return applyFixes(text, [fix], file).output;
}

async function assertParses(rule: RuleModule, c: ValidCase, output: string, what: string): Promise<void> {
  const { problems } = await findingsFor(rule, c, output);
  assert.deepEqual(problems.map(describeFinding), [], `${what} does not parse cleanly`);
}

function checkSuggestions(finding: Finding, expected: readonly ExpectedSuggestion[] | undefined, code: string, c: ValidCase, filename: string): void {
  const produced = finding.suggestions;
  if (produced.length > 0 && expected === undefined) {
    assert.fail(`finding ${describeFinding(finding)} has suggestions that the case does not assert: ${produced.map((s) => s.title).join(' | ')}`);
  }
  if (expected === undefined) return;
  assert.deepEqual(produced.map((s) => s.title), expected.map((s) => s.title), 'suggestion titles');
  produced.forEach((suggestion, i) => {
    const want = expected[i];
    if (!want) return;
    const touchesManifest = suggestion.edits.some((e) => e.file === MANIFEST_PATH);
    if (touchesManifest) {
      assert.ok(c.manifest, 'a manifest suggestion needs a manifest in the case');
      assert.ok(want.manifestOutput !== undefined, `suggestion "${suggestion.title}" edits the manifest: assert manifestOutput`);
      assert.equal(applyTo(manifestText(c.manifest), suggestion, MANIFEST_PATH), want.manifestOutput, `manifest after suggestion "${suggestion.title}"`);
    }
    if (suggestion.edits.some((e) => e.file === undefined || e.file === filename)) {
      assert.ok(want.output !== undefined, `suggestion "${suggestion.title}" edits the code: assert output`);
      const output = applyTo(code, suggestion, filename);
      assert.notEqual(output, code, `suggestion "${suggestion.title}" changes nothing`);
      assert.equal(output, want.output, `code after suggestion "${suggestion.title}"`);
    }
  });
}

export class RuleTester {
  run(rule: RuleModule, cases: RuleCases): void {
    const seen = new Set<string>();
    const key = (c: ValidCase): string => JSON.stringify([c.code, c.filename, c.manifest, c.files]);
    describe(rule.meta.id, () => {
      describe('valid', () => {
        for (const raw of cases.valid) {
          const c: ValidCase = typeof raw === 'string' ? { code: raw } : raw;
          const title = c.name ?? c.code.trim().split('\n')[0] ?? 'case';
          if (seen.has(key(c))) throw new Error(`duplicate test case: ${title}`);
          seen.add(key(c));
          it(title, async () => {
            const { rule: findings, problems } = await findingsFor(rule, c, c.code);
            assert.deepEqual(problems.map(describeFinding), [], 'unexpected engine problems');
            assert.deepEqual(findings.map(describeFinding), [], 'a valid case must not report');
          });
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid) {
          if (seen.has(key(c))) throw new Error(`duplicate test case: ${c.name}`);
          seen.add(key(c));
          it(c.name, async () => {
            const { code, findings: annotated } = parseAnnotations(c.code);
            const filename = filenameOf(c, code);
            const expected: ExpectedFinding[] = [...annotated, ...(c.findings ?? [])].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
            assert.ok(expected.length > 0, 'an invalid case must expect at least one finding (caret annotation or findings)');
            const { rule: actual, problems } = await findingsFor(rule, c, code);
            assert.deepEqual(problems.map(describeFinding), [], 'unexpected engine problems');
            assert.equal(actual.length, expected.length, `expected ${expected.length} finding(s), got:\n${actual.map(describeFinding).join('\n')}`);
            actual.forEach((finding, i) => {
              const want = expected[i] as ExpectedFinding;
              assert.equal(finding.messageId, want.messageId, `finding ${i + 1}: message id`);
              if (want.line !== undefined) assert.equal(finding.line, want.line, `finding ${i + 1}: line`);
              if (want.column !== undefined) assert.equal(finding.column, want.column, `finding ${i + 1}: column`);
              if (want.endLine !== undefined) assert.equal(finding.endLine, want.endLine, `finding ${i + 1}: end line`);
              if (want.endColumn !== undefined) assert.equal(finding.endColumn, want.endColumn, `finding ${i + 1}: end column`);
              if (typeof want.message === 'string') assert.equal(finding.message, want.message);
              else if (want.message) assert.match(finding.message, want.message);
              assert.doesNotMatch(finding.message, /\{\{\w+\}\}/, 'message has an unfilled placeholder');
              const suggestions = want.suggestions ?? (actual.length === 1 ? c.suggestions : undefined);
              checkSuggestions(finding, suggestions, code, c, filename);
            });
            if (c.suggestions && actual.length !== 1) assert.fail('case-level suggestions are for cases with exactly one finding; put them on each finding');

            const fixes = actual.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
            if (fixes.length > 0 && c.output === undefined) assert.fail(`the rule offers a safe fix (${fixes.map((f) => f.title).join(' | ')}); assert its output`);
            if (c.output !== undefined) {
              assert.ok(fixes.length > 0, 'the case expects an output but the rule offers no safe fix');
              const { output } = applyFixes(code, fixes, filename);
              assert.notEqual(output, code, 'output equals the code');
              assert.equal(output, c.output, 'code after the safe fixes');
              await assertParses(rule, c, output, 'the fixed code');
              const again = await findingsFor(rule, c, output);
              const fixed = new Set(actual.filter((f) => f.fix).map((f) => f.fingerprint));
              assert.deepEqual(again.rule.filter((f) => fixed.has(f.fingerprint)).map(describeFinding), [], 'a fixed finding is still reported');
            }
            for (const finding of actual) {
              for (const suggestion of finding.suggestions) {
                if (suggestion.edits.every((e) => e.file === MANIFEST_PATH)) continue;
                await assertParses(rule, c, applyTo(code, suggestion, filename), `the code after suggestion "${suggestion.title}"`);
              }
            }
          });
        }
      });
    });
  }
}
