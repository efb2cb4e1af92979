// The pull-request benchmark: the corpus committed to a git repository, a change touching 5 files
// (two entities gain a personal field, two services log it, one DTO is added), and the CLI timed end
// to end: a full scan against `scan --diff HEAD`, without a cache and with the --cache that a scan
// of the base left (as CI's scan of the main branch leaves it for pull requests).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const IDENTITY = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
export const AIM_DIFF_SHARE = 0.25;

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
}

/** A git copy of the corpus with one commit, made once per corpus version. */
function committedCorpus(corpus: string): string {
  const root = `${corpus}-git`;
  const marker = path.join(root, '.git', 'privacy-steward-bench');
  if (!fs.existsSync(marker)) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(corpus, root, { recursive: true });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--no-gpg-sign', '-m', 'corpus');
    fs.writeFileSync(marker, '');
  }
  git(root, 'checkout', '-q', '--', '.');
  git(root, 'clean', '-fdq');
  return root;
}

function filesIn(root: string, folder: string, count: number): string[] {
  const found: string[] = [];
  for (const pkg of fs.readdirSync(path.join(root, 'packages')).sort()) {
    const dir = path.join(root, 'packages', pkg, 'src', folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      found.push(path.join(dir, name));
      if (found.length === count) return found;
    }
  }
  return found;
}

/**
 * The change a pull request makes, 5 files touched: two entities gain a personal field, two services
 * of the same package log it, one DTO is added. Returns their paths relative to the root.
 */
export function makeChange(root: string): string[] {
  const touched: string[] = [];
  const entities: { className: string; module: string }[] = [];
  for (const file of filesIn(root, 'entities', 2)) {
    const text = fs.readFileSync(file, 'utf8');
    const at = text.lastIndexOf('}');
    fs.writeFileSync(file, `${text.slice(0, at)}\n  @Column({ nullable: true })\n  secondaryEmail?: string;\n${text.slice(at)}`);
    entities.push({ className: /export class (\w+)/.exec(text)?.[1] ?? 'Unknown', module: `../entities/${path.basename(file, '.ts')}` });
    touched.push(file);
  }
  for (const [i, file] of filesIn(root, 'services', 2).entries()) {
    const entity = entities[i] ?? entities[0];
    if (!entity) break;
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `import type { ${entity.className} as Audited } from '${entity.module}';\n${text}\nexport function auditLogin(account: Audited): void {\n  console.info('login', account.secondaryEmail);\n}\n`);
    touched.push(file);
  }
  const dto = path.join(root, 'packages', 'pkg-0', 'src', 'dto', 'create-contact.dto.ts');
  fs.mkdirSync(path.dirname(dto), { recursive: true });
  fs.writeFileSync(dto, `export class CreateContactDto {\n  fullName!: string;\n  email!: string;\n  phoneNumber?: string;\n}\n`);
  touched.push(dto);
  return touched.map((f) => path.relative(root, f));
}

function timeCli(root: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'scan', root, '--format', 'json', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.status === null || run.status > 1) throw new Error(`the CLI failed (exit ${run.status}) for ${args.join(' ')}:\n${run.stderr.slice(-2000)}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface DiffBenchResult {
  readonly touched: readonly string[];
  readonly fullMs: number;
  readonly fullCachedMs: number;
  readonly diffMs: number;
  readonly diffCachedMs: number;
  readonly newFindings: number;
}

export function benchDiff(corpus: string, runs: number): DiffBenchResult {
  const root = committedCorpus(corpus);
  const cache = path.join(root, '.git', 'privacy-steward-cache');
  const full: number[] = [];
  const fullCached: number[] = [];
  const diff: number[] = [];
  const diffCached: number[] = [];
  let touched: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      fs.rmSync(cache, { recursive: true, force: true });
      // The cache as CI restores it: written by a whole-workspace scan of the base branch.
      timeCli(root, ['--cache', '--cache-location', cache]);
      touched = makeChange(root);
      full.push(timeCli(root, []));
      diff.push(timeCli(root, ['--diff', 'HEAD']));
      diffCached.push(timeCli(root, ['--diff', 'HEAD', '--cache', '--cache-location', cache]));
      fullCached.push(timeCli(root, ['--cache', '--cache-location', cache]));
      git(root, 'checkout', '-q', '--', '.');
      git(root, 'clean', '-fdq');
    }
    touched = makeChange(root);
    const report = spawnSync(process.execPath, [CLI, 'scan', root, '--format', 'json', '--diff', 'HEAD'], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const newFindings = (JSON.parse(report.stdout) as { findings: unknown[] }).findings.length;
    return { touched, fullMs: median(full), fullCachedMs: median(fullCached), diffMs: median(diff), diffCachedMs: median(diffCached), newFindings };
  } finally {
    git(root, 'checkout', '-q', '--', '.');
    git(root, 'clean', '-fdq');
  }
}
