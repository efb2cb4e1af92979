// Temporary git repositories for the review tests: a main branch with the base files, a feature
// branch on top, and commits or working-tree edits for the change under review.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspace } from './run-cli';

const IDENTITY = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
}

/** Writes files into the working tree without committing them. */
export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
}

/** Writes (or, for undefined, deletes) files and commits everything. */
export function commit(root: string, files: Readonly<Record<string, string | undefined>>, message: string): void {
  for (const [relative, text] of Object.entries(files)) {
    if (text === undefined) fs.rmSync(path.join(root, relative));
    else writeFiles(root, { [relative]: text });
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '--no-gpg-sign', '-m', message);
}

/** A new repository whose main branch holds `base`, checked out on a branch named feature. */
export function repository(base: Readonly<Record<string, string>>): string {
  const root = workspace({});
  git(root, 'init', '-q', '-b', 'main');
  commit(root, base, 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  return root;
}
