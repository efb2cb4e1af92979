// `npm run bench:lsp`: the language server over the protocol, in the 2,400-file benchmark corpus.
// Opens a 1,000-line file, makes 60 edits one after the other and measures, for each, the time from
// didChange to the published diagnostics of that version minus the debounce; prints p50 / p95, the
// workspace pass time and the server's RSS. A measurement, not a test: it exits 0 either way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from '../lsp/lsp-client';
import { ensureCorpus } from './corpus';

const EDITS = 60;
const DEBOUNCE_MS = 200;
const AIMS = { p50: 30, p95: 100, rssMb: 500 };

/** A realistic 1,000-line file: entities with personal fields, then service code. */
function bigFile(): string {
  const parts: string[] = ["import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';", ''];
  for (let e = 0; e < 12; e++) {
    parts.push(`/** Customer record ${e}. */`, '@Entity()', `export class Customer${e} {`, "  @PrimaryGeneratedColumn('uuid')", '  id!: string;');
    for (const field of ['email', 'firstName', 'lastName', 'phoneNumber', 'street', 'city', 'postalCode', 'createdAt', 'status']) parts.push('  @Column()', `  ${field}!: string;`);
    parts.push('}', '');
  }
  let n = 0;
  while (parts.length < 1000) {
    parts.push(`export function step${n}(values: readonly number[], factor = ${(n % 7) + 1}): number {`, '  let total = 0;', '  for (const value of values) {', '    total += value > 10 ? value * factor : value;', '  }', '  return total;', '}', '');
    n++;
  }
  return `${parts.join('\n')}\n`;
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const corpus = ensureCorpus();
  const file = path.join(corpus.root, 'packages', 'pkg-0', 'src', 'bench-edited.ts');
  const text = bigFile();
  fs.writeFileSync(file, text);
  const client = new TestClient();
  try {
    const started = performance.now();
    await client.initialize(corpus.root, { workspace: { workspaceEdit: { documentChanges: true } }, window: { workDoneProgress: true } }, { debounceMs: DEBOUNCE_MS });
    await client.waitFor('the workspace pass', () => client.notifications.find((n) => (n.params as { state: string }).state === 'ready'), 300_000);
    const passMs = performance.now() - started;
    const rssAfterPass = rssMb(client.pid);
    await client.open(file, text);
    await client.diagnostics(file, 1);
    const latencies: number[] = [];
    let current = text;
    for (let version = 2; version <= EDITS + 1; version++) {
      // Alternate edits that change the findings and edits that do not.
      current = version % 2 === 0 ? current.replace(/(\n {2}@Column\(\)\n {2})(\w+)!: string;/, `$1extra${version}!: string;`) : current.replace('let total = 0;', `let total = ${version};`);
      const sent = performance.now();
      await client.change(file, version, current);
      await client.diagnostics(file, version);
      latencies.push(performance.now() - sent - DEBOUNCE_MS);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const rssEnd = rssMb(client.pid);
    const lines = [
      'Privacy Steward language-server benchmark',
      `workspace: ${corpus.files.toLocaleString('en-US')} files (${(corpus.bytes / 1024 / 1024).toFixed(1)} MB); edited file: ${text.split('\n').length - 1} lines`,
      `workspace pass (initialize → ready):  ${Math.round(passMs).toLocaleString('en-US')} ms`,
      `didChange → publishDiagnostics, minus the ${DEBOUNCE_MS} ms debounce, over ${EDITS} edits:`,
      `  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   min ${(sorted[0] ?? NaN).toFixed(1)} ms   max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`,
      `  aims: p50 ≤ ${AIMS.p50} ms (${p50 <= AIMS.p50 ? 'met' : 'not met'}), p95 ≤ ${AIMS.p95} ms (${p95 <= AIMS.p95 ? 'met' : 'not met'})`,
      `server RSS after the workspace pass: ${Math.round(rssAfterPass)} MB (aim ≤ ${AIMS.rssMb} MB: ${rssAfterPass <= AIMS.rssMb ? 'met' : 'not met'}); after the edits: ${Math.round(rssEnd)} MB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await client.close();
    fs.rmSync(file, { force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
