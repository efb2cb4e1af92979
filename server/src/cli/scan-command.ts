// The scan command: decides the workspace root from the paths given, runs the engine (the whole
// workspace, or with --diff only what a change introduces), applies safe fixes in passes when asked,
// filters by a baseline, and renders the report. Returns data; main.ts owns the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../rules';
import { createTaxonomy } from '../../../rules/taxonomy';
import { analyseRead, applyFixes, baselineOf, ConfigError, type Finding, type Fix, LineIndex, type Logger, readWorkspace, type Review, reviewedResult, type ScanResult, summariseRevision, withoutBaseline } from '../engine';
import type { ScanArguments } from './args';
import { readBaseline } from './baseline';
import { diffScan } from './diff-scan';
import { DiskExtractionCache, defaultCacheDir, MemoryExtractionCache } from './extraction-cache';
import { formatJson, type ReviewJson } from './formatters/json';
import { formatMarkdown } from './formatters/markdown';
import { formatSarif } from './formatters/sarif';
import { ANSI, formatText, PLAIN } from './formatters/text';
import { githubLinks, piaNotice } from './pr-context';

/** ESLint's limit: fixes that keep producing new fixes stop after this many passes. */
const MAX_FIX_PASSES = 10;

export interface ScanIo {
  readonly cwd: string;
  readonly colour: boolean;
  readonly logger: Logger;
  /** Environment variables (for GitHub Actions' links); default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface ScanOutcome {
  /** The head's full result (configuration and internal errors come from here). */
  readonly result: ScanResult;
  readonly report: string;
  readonly fixedFiles: readonly string[];
  /** The findings the gates apply to: new ones with --diff, minus those the baseline accepts. */
  readonly reported: readonly Finding[];
  /** Where --write-baseline wrote (the gates do not apply then). */
  readonly baselineWritten?: string;
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

/** Line and column of an offset, from the analysed texts (or the file on disk for the others); indexes built on demand. */
function lineLookup(result: ScanResult): (file: string, offset: number) => { line: number; column: number } | undefined {
  const texts = new Map(result.sources.map((source) => [source.model.path, source.text]));
  const indexes = new Map<string, LineIndex | undefined>();
  return (file, offset) => {
    if (!indexes.has(file)) {
      let text = texts.get(file);
      if (text === undefined) {
        try {
          text = fs.readFileSync(path.resolve(result.root, file), 'utf8');
        } catch {
          text = undefined;
        }
      }
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(file)?.positionAt(offset);
  };
}

interface Analysis {
  readonly head: ScanResult;
  /** What the reports show: the head's result, or with --diff only what the change introduces. */
  readonly shown: ScanResult;
  readonly review?: Review;
  readonly fixed: readonly string[];
}

async function analyse(args: ScanArguments, io: ScanIo, root: string, targets: readonly string[]): Promise<Analysis> {
  const manifestFile = args.manifest !== undefined ? path.resolve(io.cwd, args.manifest) : undefined;
  const opened = performance.now();
  const disk = args.cache ? DiskExtractionCache.open(args.cacheLocation !== undefined ? path.resolve(io.cwd, args.cacheLocation) : defaultCacheDir(root)) : undefined;
  if (disk) io.logger.debug(`cache: opened in ${Math.round(performance.now() - opened)} ms`);
  try {
    if (args.diff !== undefined) {
      const { head, review } = await diffScan({ root, targets, baseRef: args.diff, logger: io.logger, cache: disk ?? new MemoryExtractionCache(), ...(disk ? { revisions: disk } : {}), ...(manifestFile ? { manifestFile } : {}) });
      return { head, shown: reviewedResult(head, review), review, fixed: [] };
    }
    const scan = async (): Promise<ScanResult> => {
      const read = await readWorkspace({ root, targets, rules: RULES, logger: io.logger, ...(manifestFile ? { manifestFile } : {}) });
      const result = await analyseRead(read, { rules: RULES, logger: io.logger, ...(disk ? { cache: disk } : {}) });
      // Kept for the diff scans of pull requests whose base is this revision.
      if (disk) disk.keepRevision(disk.workspaceKey(read.files, read.manifestText), summariseRevision(result));
      return result;
    };
    let result = await scan();
    const fixed = new Set<string>();
    if (args.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const changed = applySafeFixes(result);
        if (changed.length === 0) break;
        for (const file of changed) fixed.add(file);
        io.logger.info(`fix pass ${pass + 1}: changed ${changed.length} files`);
        result = await scan();
      }
    }
    return { head: result, shown: result, fixed: [...fixed].sort() };
  } finally {
    if (disk) {
      try {
        const saving = performance.now();
        const saved = disk.save();
        io.logger.debug(`cache: ${disk.hits} hits, ${disk.misses} misses; ${saved ? `saved in ${Math.round(performance.now() - saving)} ms` : 'unchanged, not rewritten'}`);
      } catch (error) {
        io.logger.warn(`could not write the cache (${(error as NodeJS.ErrnoException).code ?? 'error'}); the next scan starts without it`);
      }
    }
  }
}

export async function runScan(args: ScanArguments, io: ScanIo): Promise<ScanOutcome> {
  for (const given of args.paths) {
    if (!fs.existsSync(path.resolve(io.cwd, given))) throw new ConfigError(`no such file or folder: ${given}`);
  }
  const baseline = args.baseline !== undefined ? readBaseline(path.resolve(io.cwd, args.baseline)) : undefined;
  const { root, targets } = rootAndTargets(io.cwd, args.paths);
  const { head, shown: unfiltered, review, fixed } = await analyse(args, io, root, targets);

  let baselineWritten: string | undefined;
  if (args.writeBaseline !== undefined) {
    baselineWritten = path.resolve(io.cwd, args.writeBaseline);
    fs.mkdirSync(path.dirname(baselineWritten), { recursive: true });
    fs.writeFileSync(baselineWritten, `${JSON.stringify(baselineOf(unfiltered.findings.filter((f) => f.ruleId !== 'invalid-manifest')), null, 2)}\n`);
  }
  const reported = baseline ? withoutBaseline(unfiltered.findings, baseline) : unfiltered.findings;
  const baselined = unfiltered.findings.length - reported.length;
  const shown: ScanResult = baselined > 0 ? { ...unfiltered, findings: reported } : unfiltered;

  const taxonomy = createTaxonomy(head.manifest.categories);
  const lineOf = lineLookup(head);
  let report: string;
  if (args.format === 'json') {
    const reviewJson: ReviewJson | undefined = review && { base: args.diff ?? '', mergeBase: review.mergeBase, changedFiles: review.changedFiles, removedElements: review.removedElements, coverageBefore: review.coverageBefore, coverageAfter: review.coverageAfter, baselined };
    report = formatJson(shown, taxonomy, reviewJson);
  } else if (args.format === 'sarif') {
    report = formatSarif(shown, shown.findings, { rules: RULES, lineOf, review: review !== undefined });
  } else if (args.format === 'markdown') {
    const links = args.linkBase !== undefined ? { linkBase: args.linkBase, linkPrefix: '' } : githubLinks(io.env ?? {}, root);
    const pia = piaNotice(head, review, io.logger);
    report = formatMarkdown(shown, { taxonomy, lineOf, baselined, ...(review ? { review, baseRef: args.diff ?? '' } : {}), ...(links ?? {}), ...(pia ? { pia } : {}) });
  } else {
    const heading = review ? `Changes against ${args.diff} (merge base ${review.mergeBase.slice(0, 7)}, ${review.changedFiles.length} files changed): only what they introduce.` : undefined;
    report = formatText(shown, io.colour ? ANSI : PLAIN, { review: review !== undefined, ...(heading ? { heading } : {}) });
    if (baselined > 0) report += `${baselined} finding${baselined === 1 ? '' : 's'} accepted by the baseline ${args.baseline}.\n`;
  }
  return { result: head, report, fixedFiles: fixed, reported, ...(baselineWritten ? { baselineWritten } : {}) };
}
