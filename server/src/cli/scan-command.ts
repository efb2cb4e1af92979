// The scan command: decides the workspace root from the paths given, runs the engine, applies safe
// fixes in passes when asked (--fix), and renders the report. Returns data; main.ts owns the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../rules';
import { createTaxonomy } from '../../../rules/taxonomy';
import { applyFixes, ConfigError, type Fix, type Logger, scanWorkspace, type ScanResult } from '../engine';
import type { ScanArguments } from './args';
import { formatJson } from './formatters/json';
import { ANSI, formatText, PLAIN } from './formatters/text';

/** ESLint's limit: fixes that keep producing new fixes stop after this many passes. */
const MAX_FIX_PASSES = 10;

export interface ScanIo {
  readonly cwd: string;
  readonly colour: boolean;
  readonly logger: Logger;
}

export interface ScanOutcome {
  readonly result: ScanResult;
  readonly report: string;
  readonly fixedFiles: readonly string[];
}

/** A single folder argument is the workspace root; otherwise the current folder is. */
export function rootAndTargets(cwd: string, paths: readonly string[]): { root: string; targets: string[] } {
  if (paths.length === 0) return { root: cwd, targets: ['.'] };
  if (paths.length === 1) {
    const only = path.resolve(cwd, paths[0] ?? '.');
    if (fs.existsSync(only) && fs.statSync(only).isDirectory()) return { root: only, targets: ['.'] };
  }
  return { root: cwd, targets: paths.map((p) => path.resolve(cwd, p)) };
}

/** Applies one pass of safe fixes; returns the files it changed. */
function applySafeFixes(result: ScanResult): string[] {
  const byFile = new Map<string, Fix[]>();
  for (const finding of result.findings) {
    if (!finding.fix) continue;
    const files = new Set(finding.fix.edits.map((e) => e.file ?? finding.file));
    for (const file of files) {
      const fixes = byFile.get(file) ?? [];
      fixes.push({ ...finding.fix, edits: finding.fix.edits.map((e) => ({ ...e, file: e.file ?? finding.file })) });
      byFile.set(file, fixes);
    }
  }
  const changed: string[] = [];
  for (const [file, fixes] of byFile) {
    const absolute = path.resolve(result.root, file);
    if (path.relative(result.root, absolute).startsWith('..')) continue;
    const text = fs.readFileSync(absolute, 'utf8');
    const { output, applied } = applyFixes(text, fixes, file);
    if (applied.length > 0 && output !== text) {
      fs.writeFileSync(absolute, output);
      changed.push(file);
    }
  }
  return changed;
}

export async function runScan(args: ScanArguments, io: ScanIo): Promise<ScanOutcome> {
  for (const given of args.paths) {
    if (!fs.existsSync(path.resolve(io.cwd, given))) throw new ConfigError(`no such file or folder: ${given}`);
  }
  const { root, targets } = rootAndTargets(io.cwd, args.paths);
  const options = { root, targets, rules: RULES, logger: io.logger, ...(args.manifest !== undefined ? { manifestFile: path.resolve(io.cwd, args.manifest) } : {}) };
  let result = await scanWorkspace(options);
  const fixed = new Set<string>();
  if (args.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const changed = applySafeFixes(result);
      if (changed.length === 0) break;
      for (const file of changed) fixed.add(file);
      io.logger.info(`fix pass ${pass + 1}: changed ${changed.length} files`);
      result = await scanWorkspace(options);
    }
  }
  const taxonomy = createTaxonomy(result.manifest.categories);
  const report = args.format === 'json' ? formatJson(result, taxonomy) : formatText(result, io.colour ? ANSI : PLAIN);
  return { result, report, fixedFiles: [...fixed].sort() };
}
