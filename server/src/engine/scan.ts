// Scans a workspace: loads the manifest, finds the files, extracts each one's data model, classifies
// every field with the whole workspace as context, then runs the rules file by file. One broken file
// or rule becomes a finding; the rest of the scan goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataElement, ResolvedManifest, RuleModule, Severity, Taxonomy } from '../../../rules/api';
import { createTaxonomy } from '../../../rules/taxonomy';
import { CancelledError, type CancellationSignal, NEVER_CANCELLED, Yielder, throwIfCancelled } from './cancellation';
import { classifyWorkspace } from './classify';
import { buildFileModel, type FileModel } from './data-model';
import { ConfigError } from './errors';
import { extractFileSafely } from './extract';
import { compareFindings, type Finding, FindingFactory } from './findings';
import { type Logger, NULL_LOGGER } from './logger';
import { defaultManifest, loadManifest, MANIFEST_FILE_NAME } from './manifest/load';
import type { ExtractedFile, FileProblem } from './model';
import { applySuppressions, runRules } from './runner';
import { LineIndex } from './text/line-index';
import { discoverFiles, toRelative } from './workspace/discover';
import { readSource } from './workspace/read-source';

export interface ScanOptions {
  /** Absolute path of the workspace root; file paths in results are relative to it. */
  readonly root: string;
  /** Files or folders to analyse, relative to the root (default: the whole root). */
  readonly targets?: readonly string[];
  /** The manifest to use instead of <root>/privacy.manifest.json; it must exist. */
  readonly manifestFile?: string;
  readonly rules: readonly RuleModule[];
  readonly logger?: Logger;
  readonly signal?: CancellationSignal;
}

export interface ScanStats {
  /** Source files found. */
  readonly files: number;
  /** Files analysed (found minus skipped and unreadable). */
  readonly analysed: number;
  readonly skipped: number;
  readonly suppressed: number;
  readonly durationMs: number;
}

export interface AnalysedSource {
  readonly model: FileModel;
  readonly text: string;
}

export interface ScanResult {
  readonly root: string;
  readonly manifest: ResolvedManifest;
  /** Analysed files that declare fields or privacy tags, with their text (for fixes). */
  readonly sources: readonly AnalysedSource[];
  /** Every declared field, personal or not. */
  readonly elements: readonly DataElement[];
  readonly findings: readonly Finding[];
  /** Problems in the manifest: the configuration is not what the team wrote. */
  readonly configErrors: number;
  /** Rules that crashed. */
  readonly internalErrors: number;
  readonly stats: ScanStats;
}

/** A rule's severity: the manifest's setting, else the rule's default. */
export function severityFor(manifest: ResolvedManifest, rule: RuleModule): Severity | 'off' {
  return manifest.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
}

function problemFinding(file: string, text: string, problem: FileProblem): Finding {
  return new FindingFactory(new LineIndex(text)).create({
    ruleId: problem.kind,
    severity: problem.severity,
    message: problem.message,
    file,
    range: problem.range,
  });
}

interface ManifestLoad {
  readonly manifest: ResolvedManifest;
  readonly findings: Finding[];
}

function loadWorkspaceManifest(root: string, explicit: string | undefined, ruleIds: readonly string[]): ManifestLoad {
  const file = explicit ? path.resolve(root, explicit) : path.join(root, MANIFEST_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { manifest: defaultManifest(), findings: [] };
    throw new ConfigError(`cannot read the manifest ${file} (${code ?? 'error'}); check the path given to --manifest or create privacy.manifest.json`, file);
  }
  const relative = toRelative(root, file);
  const loaded = loadManifest(text, relative, ruleIds);
  const factory = new FindingFactory(new LineIndex(text));
  const findings = loaded.problems.map((problem) =>
    factory.create({ ruleId: 'invalid-manifest', severity: 'error', message: `${problem.message} (at ${problem.jsonPath})`, file: relative, range: problem.range }),
  );
  return { manifest: loaded.manifest, findings };
}

interface Extracted {
  readonly extracted: ExtractedFile;
  readonly text: string;
}

export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const logger = options.logger ?? NULL_LOGGER;
  const signal = options.signal ?? NEVER_CANCELLED;
  const root = path.resolve(options.root);
  if (!fs.existsSync(root)) throw new ConfigError(`the folder to scan does not exist: ${root}`);
  const ruleIds = options.rules.map((r) => r.meta.id);
  const { manifest, findings: manifestFindings } = loadWorkspaceManifest(root, options.manifestFile, ruleIds);
  const taxonomy: Taxonomy = createTaxonomy(manifest.categories);
  const findings: Finding[] = [...manifestFindings];

  const discovery = discoverFiles(root, options.targets ?? ['.'], manifest.ignore);
  for (const problem of discovery.problems) {
    findings.push(problemFinding(problem.file, '', { kind: 'unreadable-file', severity: 'warning', message: problem.message, range: { start: 0, end: 0 } }));
  }
  logger.debug(`found ${discovery.files.length} files under ${root}`);

  // 1. Read and extract every file (syntax only; nothing is kept of the syntax tree).
  const yielder = new Yielder();
  const extracted: Extracted[] = [];
  let skipped = 0;
  for (const absolute of discovery.files) {
    await yielder.maybeYield(signal);
    const relative = toRelative(root, absolute);
    const source = readSource(absolute);
    if (source.kind !== 'text') {
      skipped++;
      if (source.kind === 'unreadable') findings.push(problemFinding(relative, '', { kind: 'unreadable-file', severity: 'warning', message: source.message, range: { start: 0, end: 0 } }));
      else if (source.reason !== 'generated') findings.push(problemFinding(relative, '', { kind: 'skipped-file', severity: 'info', message: source.message, range: { start: 0, end: 0 } }));
      continue;
    }
    try {
      const file = await extractFileSafely(relative, source.text);
      for (const problem of file.problems) findings.push(problemFinding(relative, source.text, problem));
      if (file.containers.length > 0 || file.functionTags.length > 0 || file.suppressions.length > 0) extracted.push({ extracted: file, text: source.text });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      skipped++;
      const tooDeep = error instanceof RangeError;
      logger.warn(`could not analyse ${relative}: ${error instanceof Error ? error.name : 'error'}`);
      findings.push(
        problemFinding(relative, source.text, {
          kind: tooDeep ? 'skipped-file' : 'unreadable-file',
          severity: 'warning',
          message: tooDeep ? 'the code is nested too deeply to parse; the file was not analysed' : `the file could not be analysed (${error instanceof Error ? error.name : 'error'}); the log has the details`,
          range: { start: 0, end: 0 },
        }),
      );
    }
  }
  throwIfCancelled(signal);

  // 2. Classify with the whole workspace as context.
  const classified = classifyWorkspace(
    extracted.map((e) => e.extracted),
    manifest.vocabulary,
  );

  // 3. Rules, file by file.
  const sources: AnalysedSource[] = [];
  const elements: DataElement[] = [];
  let suppressed = 0;
  for (const { extracted: file, text } of extracted) {
    await yielder.maybeYield(signal);
    const model = buildFileModel(file, classified);
    const lines = new LineIndex(text);
    const raw = runRules({ model, text, lines, manifest, taxonomy, rules: options.rules, severityOf: (rule) => severityFor(manifest, rule), logger, factory: new FindingFactory(lines) });
    const result = applySuppressions(raw, file.suppressions, model, lines);
    suppressed += result.suppressed;
    findings.push(...result.kept);
    elements.push(...model.elements);
    sources.push({ model, text });
  }
  findings.sort(compareFindings);
  const durationMs = Math.round(performance.now() - started);
  logger.debug(`scanned ${discovery.files.length} files, ${elements.length} fields, ${findings.length} findings in ${durationMs} ms`);
  return {
    root,
    manifest,
    sources,
    elements,
    findings,
    configErrors: manifestFindings.length,
    internalErrors: findings.filter((f) => f.ruleId === 'internal-error').length,
    stats: { files: discovery.files.length, analysed: discovery.files.length - skipped, skipped, suppressed, durationMs },
  };
}
