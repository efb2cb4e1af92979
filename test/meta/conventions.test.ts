// Conventions the codebase keeps: every module opens with a header comment saying what it owns,
// no focused or skipped tests linger, and the engine never writes to the console or exits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  if (fs.existsSync(folder)) walk(folder);
  return out;
}

const ALL = ['rules', 'server', 'client', 'test'].flatMap((f) => sources(path.join(REPO, f)));

describe('conventions', () => {
  it('every module starts with a header comment', () => {
    const missing = ALL.filter((file) => {
      const text = fs.readFileSync(file, 'utf8').replace(/^#!.*\n/, '');
      return !/^(\/\/ |\/\*\*?)/.test(text) && !path.basename(file).endsWith('.test.ts');
    });
    assert.deepEqual(missing.map((f) => path.relative(REPO, f)), []);
  });

  it('no focused tests', () => {
    const focused = ALL.filter((file) => /\b(it|describe)\.only\(/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(focused.map((f) => path.relative(REPO, f)), []);
  });

  it('the engine never writes to the console or ends the process', () => {
    const offenders = sources(path.join(REPO, 'server', 'src', 'engine')).filter((file) => /\b(console\.\w+|process\.exit|process\.stdout|process\.stderr)\b/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(REPO, f)), []);
  });

  it('the engine does not know the CLI or the language server', () => {
    const offenders = sources(path.join(REPO, 'server', 'src', 'engine')).filter((file) => /from '\.\.\/(\.\.\/)?(cli|lsp)\b|from 'vscode/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(REPO, f)), []);
  });
});
