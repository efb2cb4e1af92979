// One measurement in a fresh process (spawned by scan-bench.ts), printed as one JSON line:
// `parse` reads and parses the files the scan analyses, exactly as it does; `scan` runs the whole scan;
// `scan-no-flows` runs it without the flow analysis, to measure what following data costs.
import * as fs from 'node:fs';
import { RULES } from '../../rules';
import * as path from 'node:path';
import { defaultManifest, loadManifest, MANIFEST_FILE_NAME, scanWorkspace } from '../../server/src/engine';
import { parseSource } from '../../server/src/engine/extract/typescript';
import { discoverFiles } from '../../server/src/engine/workspace/discover';
import { readSource } from '../../server/src/engine/workspace/read-source';

async function main(): Promise<void> {
  const [mode, root] = process.argv.slice(2);
  if (!root || (mode !== 'parse' && mode !== 'scan' && mode !== 'scan-no-flows')) throw new Error('usage: measure.js parse|scan|scan-no-flows <folder>');
  const started = performance.now();
  if (mode === 'parse') {
    // The files the scan analyses: the same discovery and the same ignore globs.
    const manifestFile = path.join(root, MANIFEST_FILE_NAME);
    const ignore = fs.existsSync(manifestFile) ? loadManifest(fs.readFileSync(manifestFile, 'utf8'), MANIFEST_FILE_NAME, []).manifest.ignore : defaultManifest().ignore;
    const { files } = discoverFiles(root, ['.'], ignore);
    let parsed = 0;
    for (const file of files) {
      if (file.endsWith('.prisma')) continue;
      const source = readSource(file);
      if (source.kind !== 'text') continue;
      parseSource(file, source.text);
      parsed++;
    }
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, files: parsed, maxRssKb: process.resourceUsage().maxRSS })}\n`);
    return;
  }
  const debug = (message: string): void => {
    if (process.env['BENCH_DEBUG']) process.stderr.write(`${message}\n`);
  };
  const result = await scanWorkspace({ root, rules: RULES, logger: { error: debug, warn: debug, info: debug, debug }, ...(mode === 'scan-no-flows' ? { flows: false } : {}) });
  process.stdout.write(
    `${JSON.stringify({
      ms: performance.now() - started,
      files: result.stats.files,
      elements: result.elements.length,
      personal: result.elements.filter((e) => e.classification.personal).length,
      findings: result.findings.length,
      flows: result.flows.length,
      maxRssKb: process.resourceUsage().maxRSS,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
