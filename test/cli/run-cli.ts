// Runs the bundled CLI (dist/cli.js) as a user would, and makes throwaway workspaces for it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const DEMO = path.join(REPO, 'test', 'fixtures', 'demo');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without GitHub Actions' variables, so that tests behave the same in CI. */
function withoutCiVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GITHUB_')));
}

export function runCli(args: readonly string[], options: { cwd?: string; asNobody?: boolean; env?: Readonly<Record<string, string>> } = {}): CliRun {
  const command = options.asNobody ? 'setpriv' : process.execPath;
  const argv = options.asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args] : [CLI, ...args];
  const result = spawnSync(command, argv, {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...withoutCiVariables(process.env), NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary workspace with the given files (path → text or bytes); readable by every user. */
export function workspace(files: Readonly<Record<string, string | Buffer>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-steward-test-'));
  fs.chmodSync(root, 0o755);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

export interface JsonReport {
  readonly version: number;
  readonly root: string;
  readonly elements: readonly { id: string; file: string; line: number; column: number; container: string; field: string; categories: string[]; special: boolean; confidence: number; evidence: string[]; declared: { purposes: string[]; retention: string | null; basis: string | null } }[];
  readonly findings: readonly { ruleId: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number; fingerprint: string }[];
  readonly flows: readonly { from: string | null; sink: { kind: string; recipient: string }; file: string; line: number; path: string[] }[];
  readonly collectionPoints: readonly { id: string; kind: string; handler: string; file: string; line: number; elements: string[]; fields: string[] }[];
  readonly summary: { files: number; elements: number; findings: number; durationMs: number; flows: number; recipients: { recipient: string }[] };
}

export function parseReport(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
  }
}
