// The analysis pipeline over texts already in memory: extract each file's data model, classify
// every field with all files as context, run the rules file by file. The scan (files on disk), the
// rule tester and the language server (open documents) all go through here.
import type { DataElement, ResolvedManifest, RuleModule, Severity } from '../../../rules/api';
import { createTaxonomy } from '../../../rules/taxonomy';
import { CancelledError, type CancellationSignal, NEVER_CANCELLED, Yielder, throwIfCancelled } from './cancellation';
import { classifyWorkspace } from './classify';
import { buildFileModel, type FileModel } from './data-model';
import { extractFileSafely } from './extract';
import { type Finding, FindingFactory } from './findings';
import { type Logger, NULL_LOGGER } from './logger';
import type { ExtractedFile, FileProblem } from './model';
import { applySuppressions, runRules } from './runner';
import { LineIndex } from './text/line-index';

export interface SourceText {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface AnalysedSource {
  readonly model: FileModel;
  readonly text: string;
}

export interface AnalysisOptions {
  readonly files: readonly SourceText[];
  readonly manifest: ResolvedManifest;
  readonly rules: readonly RuleModule[];
  readonly logger?: Logger;
  readonly signal?: CancellationSignal;
}

export interface AnalysisResult {
  /** Files that declare fields or privacy tags, with their text. */
  readonly sources: readonly AnalysedSource[];
  /** Every declared field, personal or not. */
  readonly elements: readonly DataElement[];
  /** Unsorted; the caller merges and sorts. */
  readonly findings: readonly Finding[];
  readonly suppressed: number;
  /** Files that could not be analysed (too deeply nested, parser failure). */
  readonly failed: number;
}

/** A rule's severity: the manifest's setting, else the rule's default. */
export function severityFor(manifest: ResolvedManifest, rule: RuleModule): Severity | 'off' {
  return manifest.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
}

/** A file-level problem as a finding (the engine's own ids: syntax-error, unreadable-file…). */
export function problemFinding(file: string, text: string, problem: FileProblem): Finding {
  return new FindingFactory(new LineIndex(text)).create({ ruleId: problem.kind, severity: problem.severity, message: problem.message, file, range: problem.range });
}

export async function analyseFiles(options: AnalysisOptions): Promise<AnalysisResult> {
  const logger = options.logger ?? NULL_LOGGER;
  const signal = options.signal ?? NEVER_CANCELLED;
  const { manifest } = options;
  const taxonomy = createTaxonomy(manifest.categories);
  const findings: Finding[] = [];
  const yielder = new Yielder();
  const extracted: { extracted: ExtractedFile; text: string }[] = [];
  let failed = 0;
  const started = performance.now();

  for (const { path, text } of options.files) {
    await yielder.maybeYield(signal);
    try {
      const file = await extractFileSafely(path, text);
      for (const problem of file.problems) findings.push(problemFinding(path, text, problem));
      if (file.containers.length > 0 || file.functionTags.length > 0 || file.suppressions.length > 0) extracted.push({ extracted: file, text });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      failed++;
      const tooDeep = error instanceof RangeError;
      logger.warn(`could not analyse ${path}: ${error instanceof Error ? error.name : 'error'}`);
      findings.push(
        problemFinding(path, text, {
          kind: tooDeep ? 'skipped-file' : 'unreadable-file',
          severity: 'warning',
          message: tooDeep ? 'the code is nested too deeply to parse; the file was not analysed' : `the file could not be analysed (${error instanceof Error ? error.name : 'error'}); the log has the details`,
          range: { start: 0, end: 0 },
        }),
      );
    }
  }
  throwIfCancelled(signal);
  const extractedAt = performance.now();

  const classified = classifyWorkspace(
    extracted.map((e) => e.extracted),
    manifest.vocabulary,
  );
  const classifiedAt = performance.now();

  const sources: AnalysedSource[] = [];
  const elements: DataElement[] = [];
  let suppressed = 0;
  for (const [i, { extracted: file, text }] of extracted.entries()) {
    await yielder.maybeYield(signal);
    const model = buildFileModel(file, classified[i] ?? { contexts: [], classifications: [] });
    const lines = new LineIndex(text);
    const raw = runRules({ model, text, lines, manifest, taxonomy, rules: options.rules, severityOf: (rule) => severityFor(manifest, rule), logger, factory: new FindingFactory(lines) });
    const result = applySuppressions(raw, file.suppressions, model, lines);
    suppressed += result.suppressed;
    findings.push(...result.kept);
    elements.push(...model.elements);
    sources.push({ model, text });
  }
  const done = performance.now();
  logger.debug(
    `analysed ${options.files.length} files: extract ${Math.round(extractedAt - started)} ms, classify ${Math.round(classifiedAt - extractedAt)} ms, model and rules ${Math.round(done - classifiedAt)} ms`,
  );
  return { sources, elements, findings, suppressed, failed };
}
