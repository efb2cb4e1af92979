// Neovim (Debian's 0.7, headless) as a real, non-VS-Code LSP client: it gets pushed diagnostics
// (it cannot pull), requests code actions, applies a quick fix, and sees the diagnostic go.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeWorkspace, REPO, workspace } from '../cli/run-cli';

describe('Neovim as an LSP client', function () {
  this.timeout(90_000);

  it('receives diagnostics and applies a quick fix', () => {
    const root = workspace({
      'privacy.manifest.json': JSON.stringify({ purposes: { support: { label: 'Answer requests' } }, retentionPolicies: { tickets: { retention: 'P1Y' } } }),
      'customer.ts': 'export interface Customer {\n  /** @retention policy:tickets */\n  email: string;\n}\n',
    });
    try {
      const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(root, '.xdg', k.toLowerCase())]));
      const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '--clean', '-u', path.join(REPO, 'test', 'nvim', 'lsp-test.lua'), 'customer.ts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 80_000,
        env: { ...process.env, ...xdg, LSP_SERVER: path.join(REPO, 'dist', 'server.js'), EXPECT_ACTION: 'Declare purpose: support' },
      });
      assert.equal(run.error, undefined, 'nvim could not start: run test/nvim/setup-neovim.sh');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const diagnostics = JSON.parse(/^DIAGNOSTICS (.*)$/m.exec(run.stdout)?.[1] ?? '[]') as { lnum: number; col: number; end_col: number; source: string; code: string; message: string }[];
      assert.deepEqual(diagnostics.map((d) => [d.source, d.code, d.lnum, d.col, d.end_col]), [['privacy-steward', 'missing-purpose', 2, 2, 7]]);
      assert.match(diagnostics[0]?.message ?? '', /^Customer\.email holds personal data \(contact\.email\) but declares no @purpose/);
      const actions = JSON.parse(/^CODE_ACTIONS (.*)$/m.exec(run.stdout)?.[1] ?? '[]') as string[];
      assert.deepEqual(actions, ['Declare purpose: support', 'Mark Customer.email as not personal data', 'Ignore missing-purpose here']);
      const lines = JSON.parse(/^LINES (.*)$/m.exec(run.stdout)?.[1] ?? '[]') as string[];
      assert.deepEqual(lines.slice(1, 6), ['  /**', '   * @retention policy:tickets', '   * @purpose support', '   */', '  email: string;']);
      assert.match(run.stdout, /^PASS in \d+ ms$/m);
      assert.ok(fs.existsSync(path.join(root, 'customer.ts')));
    } finally {
      removeWorkspace(root);
    }
  });
});
