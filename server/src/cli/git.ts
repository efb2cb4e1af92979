// What the diff scan asks git, read-only: the merge base of a ref and HEAD, the files the working
// tree changed against it (untracked ones included), and a file's text at that commit. Runs the
// git found on PATH with fixed arguments; nothing from the workspace is executed.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError } from '../engine';

function git(cwd: string, args: readonly string[], what: string): string {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? '';
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError('--diff needs git on the PATH; install git or scan without --diff');
    throw new ConfigError(`${what} failed${stderr ? ` (${stderr})` : ''}`);
  }
}

export interface GitChange {
  /** The merge base of the base ref and HEAD. */
  readonly mergeBase: string;
  /** Paths changed against the merge base, relative to the workspace root: added, modified, deleted or untracked. */
  readonly changed: readonly string[];
  /** A file's text at the merge base (undefined when it did not exist there). */
  textAtBase(relative: string): string | undefined;
}

/** The change of the working tree in `root` (a git work tree or a folder inside one) against `base`. */
export function changeAgainst(root: string, base: string): GitChange {
  const top = git(root, ['rev-parse', '--show-toplevel'], `finding the git repository of ${root}`).trim();
  if (base.startsWith('-')) throw new ConfigError(`--diff takes a git ref, not "${base}"`);
  const mergeBase = git(top, ['merge-base', base, 'HEAD'], `finding the merge base of ${base} and HEAD (is ${base} fetched? in CI, fetch with enough depth)`).trim();
  const prefix = path.relative(top, root).split(path.sep).join('/');
  const inRoot = (repoPath: string): string | undefined => {
    if (prefix === '') return repoPath;
    return repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : undefined;
  };
  const diff = git(top, ['diff', '--name-only', '--no-renames', '-z', mergeBase, '--'], 'listing the changed files');
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z'], 'listing untracked files');
  const changed = [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter((p) => p !== '').map(inRoot).filter((p): p is string => p !== undefined))].sort();
  return {
    mergeBase,
    changed,
    textAtBase(relative) {
      const repoPath = prefix === '' ? relative : `${prefix}/${relative}`;
      try {
        return execFileSync('git', ['show', `${mergeBase}:${repoPath}`], { cwd: top, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return undefined;
      }
    },
  };
}
