// The README's CI recipes stay runnable: the workflow is valid YAML with the steps it promises, and
// every privacy-steward command in them parses with the CLI's own argument parser.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseArguments } from '../../server/src/cli/args';
import { REPO } from '../cli/run-cli';

const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### In CI: pull-request review'), README.indexOf('\n## ', README.indexOf('### In CI: pull-request review')));

function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
}

/** The privacy-steward invocations in a script, with GitHub expressions replaced by sample values. */
function invocations(script: string): string[][] {
  return script
    .split('\n')
    .map((line) => line.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main').replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx privacy-steward '))
    .map((line) => line.replace(/\s*>>.*$/, '').split(/\s+/).slice(2));
}

describe('README CI recipes', () => {
  it('has a GitHub Actions workflow that scans with --diff, uploads SARIF and writes the job summary', () => {
    const [workflowText] = codeBlocks(section, 'yaml');
    assert.ok(workflowText, 'a yaml block');
    const workflow = parseYaml(workflowText) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
    assert.ok('pull_request' in workflow.on);
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth'], 0, 'the merge base must be fetched');
    assert.ok(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif') && s.with?.['sarif_file'] === 'privacy.sarif'));
    const script = steps.map((s) => s.run ?? '').join('\n');
    assert.match(script, /--diff origin\/\$\{\{ github\.base_ref \}\} .*--format sarif --output privacy\.sarif/);
    assert.match(script, /--format markdown >> "\$GITHUB_STEP_SUMMARY"/);
  });

  it('has only privacy-steward commands the CLI accepts', () => {
    const commands = [...codeBlocks(section, 'yaml'), ...codeBlocks(section, 'sh')].flatMap(invocations);
    assert.ok(commands.length >= 5, `found ${commands.length}`);
    for (const argv of commands) {
      const parsed = parseArguments(argv);
      assert.equal(parsed.command, argv[0], argv.join(' '));
    }
  });
});
