// What the diff scan asks git, read-only: the merge base of a ref and HEAD, the files the working
// tree changed against it (untracked ones included), and a file's text at that commit. Runs the
// git found on PATH with fixed arguments; nothing from the workspace is executed.
import { execFileSync, spawnSync } from 'node:child_process';
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

/**
 * The texts of files at a commit, with one `git cat-file --batch` for all of them (one process
 * instead of one per file). Undefined for a path the commit does not have.
 */
function textsAt(top: string, commit: string, repoPaths: readonly string[]): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  if (repoPaths.length === 0) return texts;
  const run = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: repoPaths.map((p) => `${commit}:${p}\n`).join(''), maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
  if (run.status !== 0 || !run.stdout) throw new ConfigError('reading the changed files at the merge base failed (git cat-file)');
  const out: Buffer = run.stdout;
  let at = 0;
  for (const repoPath of repoPaths) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    const match = / blob (\d+)$/.exec(header);
    if (!match) {
      texts.set(repoPath, undefined); // "<object> missing", or a tree or submodule there
      continue;
    }
    const size = Number(match[1]);
    texts.set(repoPath, out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

/**
 * The change of the working tree in `root` (a git work tree or a folder inside one) against `base`.
 * The base texts of the changed files that `prefetch` accepts are read at once.
 */
export function changeAgainst(root: string, base: string, prefetch: (relative: string) => boolean = () => true): GitChange {
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
  const repoPathOf = (relative: string): string => (prefix === '' ? relative : `${prefix}/${relative}`);
  // Read together, up front: the diff scan asks for the changed sources (and the manifest).
  const atBase = textsAt(top, mergeBase, changed.filter(prefetch).map(repoPathOf));
  return {
    mergeBase,
    changed,
    textAtBase(relative) {
      const repoPath = repoPathOf(relative);
      if (!atBase.has(repoPath)) atBase.set(repoPath, textsAt(top, mergeBase, [repoPath]).get(repoPath));
      return atBase.get(repoPath);
    },
  };
}
