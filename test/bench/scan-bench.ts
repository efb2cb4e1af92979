// `npm run bench`: builds (or reuses) the corpus and measures, each in a fresh process, a plain parse
// of every file, the full scan, the scan without flows, the CLI end to end, and a pull request's
// diff scan against the full scan; prints times, files/s, peak RSS and the ratios. A measurement,
// not a test: it exits 0 whether or not the aims are met.
//   node out/test/bench/scan-bench.js [--corpus DIR] [--runs N]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusStats, DEFAULT_CORPUS, ensureCorpus } from './corpus';
import { AIM_DIFF_SHARE, benchDiff } from './diff-bench';

const REPO = path.resolve(__dirname, '..', '..', '..');
const MEASURE = path.join(__dirname, 'measure.js');
const AIM_RATIO = 2.0;
const AIM_FLOWS_RATIO = 2.0;
const AIM_RSS_MB = 400;

interface Sample {
  readonly ms: number;
  readonly files: number;
  readonly maxRssKb: number;
  readonly elements?: number;
  readonly personal?: number;
  readonly findings?: number;
  readonly flows?: number;
}

function run(mode: 'parse' | 'scan' | 'scan-no-flows', root: string): Sample {
  const child = spawnSync(process.execPath, [MEASURE, mode, root], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${mode} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Sample;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The CLI as CI runs it; peak RSS from GNU time when it is installed. */
function runCli(root: string): { ms: number; rssMb?: number } {
  const cli = path.join(REPO, 'dist', 'cli.js');
  const time = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const child = time
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'scan', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, 'scan', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (child.status === null || child.status > 1) throw new Error(`the CLI failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
  return rss ? { ms, rssMb: Number(rss[1]) / 1024 } : { ms };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function main(): void {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs) || 3);
  let corpus: CorpusStats;
  let origin: string;
  if (values.corpus) {
    const root = path.resolve(values.corpus);
    corpus = { root, files: 0, bytes: 0 };
    origin = 'given folder';
  } else {
    corpus = ensureCorpus(DEFAULT_CORPUS, 1);
    origin = 'generated, seed 1';
  }
  const parses: Sample[] = [];
  const scans: Sample[] = [];
  const withoutFlows: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(run('parse', corpus.root));
    scans.push(run('scan', corpus.root));
    withoutFlows.push(run('scan-no-flows', corpus.root));
  }
  const cli = runCli(corpus.root);
  const parseMs = median(parses.map((s) => s.ms));
  const scanMs = median(scans.map((s) => s.ms));
  const noFlowsMs = median(withoutFlows.map((s) => s.ms));
  const flowsRatio = scanMs / noFlowsMs;
  const scanRssMb = Math.max(...scans.map((s) => s.maxRssKb)) / 1024;
  const last = scans[scans.length - 1] as Sample;
  const ratio = scanMs / parseMs;
  const size = corpus.bytes > 0 ? `${(corpus.bytes / 1024 / 1024).toFixed(1)} MB` : 'size not measured';
  const lines = [
    'Privacy Steward scan benchmark',
    `corpus: ${fmt(last.files)} files, ${size} (${origin}) at ${corpus.root}`,
    `        ${fmt(last.elements ?? 0)} fields, ${fmt(last.personal ?? 0)} personal, ${fmt(last.flows ?? 0)} flows, ${fmt(last.findings ?? 0)} findings; ${runs} runs each, medians`,
    `parse baseline (read + ts.createSourceFile):  ${fmt(parseMs).padStart(7)} ms`,
    `scan (scanWorkspace, all rules):              ${fmt(scanMs).padStart(7)} ms   ${fmt((last.files * 1000) / scanMs)} files/s   peak RSS ${fmt(scanRssMb)} MB`,
    `scan without flows (declarations only):       ${fmt(noFlowsMs).padStart(7)} ms   peak RSS ${fmt(Math.max(...withoutFlows.map((s) => s.maxRssKb)) / 1024)} MB`,
    `cli end to end (dist/cli.js --format json):   ${fmt(cli.ms).padStart(7)} ms${cli.rssMb !== undefined ? `   peak RSS ${fmt(cli.rssMb)} MB` : '   (no /usr/bin/time: RSS not measured)'}`,
    `ratio scan / parse: ${ratio.toFixed(2)}   (aim ≤ ${AIM_RATIO.toFixed(1)}: ${ratio <= AIM_RATIO ? 'met' : 'not met'})`,
    `ratio scan / scan without flows: ${flowsRatio.toFixed(2)}   (aim ≤ ${AIM_FLOWS_RATIO.toFixed(1)}: ${flowsRatio <= AIM_FLOWS_RATIO ? 'met' : 'not met'})`,
    `peak RSS of the scan: ${fmt(scanRssMb)} MB   (aim ≤ ${AIM_RSS_MB} MB: ${scanRssMb <= AIM_RSS_MB ? 'met' : 'not met'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.corpus) return;
  const pr = benchDiff(corpus.root, runs);
  const share = (ms: number): string => `${(ms / pr.fullMs).toFixed(2)} of the full scan`;
  const aim = (ms: number): string => `(aim ≤ ${AIM_DIFF_SHARE}: ${ms / pr.fullMs <= AIM_DIFF_SHARE ? 'met' : 'not met'})`;
  process.stdout.write(
    `${[
      `pull request: ${pr.touched.length} files touched (${pr.newFindings} new findings); dist/cli.js end to end, ${runs} runs each, medians`,
      `  full scan:                                 ${fmt(pr.fullMs).padStart(7)} ms`,
      `  full scan, warm --cache:                   ${fmt(pr.fullCachedMs).padStart(7)} ms   ${share(pr.fullCachedMs)}`,
      `  diff scan (--diff HEAD):                   ${fmt(pr.diffMs).padStart(7)} ms   ${share(pr.diffMs)} ${aim(pr.diffMs)}`,
      `  diff scan, --cache from a scan of the base:${fmt(pr.diffCachedMs).padStart(7)} ms   ${share(pr.diffCachedMs)} ${aim(pr.diffCachedMs)}`,
    ].join('\n')}\n`,
  );
}

main();
