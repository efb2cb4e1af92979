// The analysis pipeline over texts already in memory: extract each file's data model, classify
// every field with all files as context, run the rules file by file. The scan (files on disk), the
// rule tester and the language server (open documents) all go through here.
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataContainer, DataElement, DataFlow, DocTag, ResolvedManifest, RuleModule, Severity } from '../../../rules/api';
import { createTaxonomy } from '../../../rules/taxonomy';
import { CancelledError, type CancellationSignal, NEVER_CANCELLED, Yielder, throwIfCancelled } from './cancellation';
import { classifyWorkspace } from './classify';
import { buildFileModel, type FileModel } from './data-model';
import { extractFileSafely } from './extract';
import { type Finding, FindingFactory } from './findings';
import { createFlowContext, DataIndex, FileFlowAnalyzer, type FileFlows, type FlowContext, flowMarkers, prismaModelsOf, TypeService } from './flows';
import { parseSource } from './extract/typescript';
import { type Logger, NULL_LOGGER } from './logger';
import type { ExtractedFile, FileProblem, TypeAliasFacts } from './model';
import { applySuppressions, runRules } from './runner';
import { LineIndex } from './text/line-index';
import { createWorkspaceView } from './workspace-view';

export interface SourceText {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface AnalysedSource {
  readonly model: FileModel;
  readonly text: string;
  readonly flows?: FileFlows;
}

export interface AnalysisOptions {
  readonly files: readonly SourceText[];
  readonly manifest: ResolvedManifest;
  readonly rules: readonly RuleModule[];
  readonly logger?: Logger;
  readonly signal?: CancellationSignal;
  /** Follow data into sinks (default true); the benchmark turns it off to measure its cost. */
  readonly flows?: boolean;
  /** Extraction results by file content, kept between runs (the CLI's cache on disk). */
  readonly cache?: ExtractionCache;
  /** Follow flows and run the rules only for these files; every file still counts as context. */
  readonly only?: ReadonlySet<string>;
  /**
   * Syntax trees of flow candidates by path and text, kept by the caller between analyses of
   * nearly the same files (the diff scan's head and base); without it each tree is parsed and dropped.
   */
  readonly trees?: Map<string, ts.SourceFile>;
}

/** Extraction results keyed by a file's path and text: what a second scan of unchanged files reuses. */
export interface ExtractionCache {
  get(path: string, text: string): ExtractedFile | undefined;
  set(path: string, text: string, file: ExtractedFile): void;
}

export interface AnalysisResult {
  /** Files that declare fields, privacy tags or flows, with their text. */
  readonly sources: readonly AnalysedSource[];
  /** Every declared field, personal or not. */
  readonly elements: readonly DataElement[];
  readonly containers: readonly DataContainer[];
  /** Functions declared as erasing data (@erases), and those declared to run after a consent (@consent). */
  readonly functionTags: readonly { readonly file: string; readonly tags: readonly DocTag[] }[];
  /** Personal values reaching sinks, in file order. */
  readonly flows: readonly DataFlow[];
  readonly collectionPoints: readonly CollectionPoint[];
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

interface Extracted {
  readonly extracted: ExtractedFile;
  readonly text: string;
  /** The text may hold flows (sinks, collection points, purpose-declared functions). */
  readonly flowCandidate: boolean;
}

export async function analyseFiles(options: AnalysisOptions): Promise<AnalysisResult> {
  const logger = options.logger ?? NULL_LOGGER;
  const signal = options.signal ?? NEVER_CANCELLED;
  const { manifest } = options;
  const withFlows = options.flows !== false;
  const taxonomy = createTaxonomy(manifest.categories);
  const findings: Finding[] = [];
  const yielder = new Yielder();
  const extracted: Extracted[] = [];
  const markers = flowMarkers(manifest);
  // Field names read and type aliases, from every file (most files declare nothing else).
  const reads = new Set<string>();
  const aliases: { file: string; alias: TypeAliasFacts }[] = [];
  let failed = 0;
  const started = performance.now();

  for (const { path, text } of options.files) {
    await yielder.maybeYield(signal);
    try {
      const cached = options.cache?.get(path, text);
      let file: ExtractedFile;
      let parsed: boolean;
      if (cached) {
        file = cached;
        parsed = cached.language !== 'prisma';
      } else {
        const extraction = await extractFileSafely(path, text);
        file = extraction.extracted;
        parsed = extraction.sourceFile !== undefined;
        // A file the big-stack worker had to parse gets no flow analysis: not cached, so it is retried.
        if (parsed || file.language === 'prisma') options.cache?.set(path, text, file);
      }
      const reported = !options.only || options.only.has(path);
      if (reported) for (const problem of file.problems) findings.push(problemFinding(path, text, problem));
      // Trees are not kept (they would hold hundreds of MB): the flow pass parses candidates again.
      const flowCandidate = withFlows && reported && parsed && markers.test(text);
      for (const name of file.reads) reads.add(name);
      for (const alias of file.typeAliases) aliases.push({ file: path, alias });
      if (flowCandidate || file.containers.length > 0 || file.functionTags.length > 0 || file.suppressions.length > 0) {
        extracted.push({ extracted: file, text, flowCandidate });
      }
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

  const files = extracted.map((e) => e.extracted);
  const classified = classifyWorkspace(files, manifest.vocabulary);
  const classifiedAt = performance.now();

  const models = extracted.map((e, i) => buildFileModel(e.extracted, classified[i] ?? { contexts: [], classifications: [] }));
  const elements = models.flatMap((m) => m.elements);
  const containers = models.flatMap((m) => m.containers);

  // Flows, against the whole workspace's records: first by syntax alone; the files where some value
  // could only be traced by the type checker then get one program, scoped to them and their imports.
  const fileFlows: (FileFlows | undefined)[] = [];
  if (withFlows) {
    const index = new DataIndex(containers, elements, aliases);
    const prismaModels = prismaModelsOf(files);
    const syntaxOnly = createFlowContext(index, manifest, prismaModels);
    const needTypes: number[] = [];
    const treeOf = (path: string, text: string): ts.SourceFile => {
      if (!options.trees) return parseSource(path, text);
      const key = `${path}\u0000${text}`;
      let tree = options.trees.get(key);
      if (!tree) options.trees.set(key, (tree = parseSource(path, text)));
      return tree;
    };
    const analyse = (context: FlowContext, i: number, tree: ts.SourceFile | undefined): FileFlows | undefined => {
      const e = extracted[i] as Extracted;
      try {
        const analyzer = new FileFlowAnalyzer(context, e.extracted.path, tree ?? treeOf(e.extracted.path, e.text), e.extracted.functionTags);
        const result = analyzer.analyse();
        if (context === syntaxOnly && analyzer.neededTypes) needTypes.push(i);
        return result;
      } catch (error) {
        if (error instanceof CancelledError) throw error;
        logger.error(`flow analysis failed on ${e.extracted.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        findings.push(problemFinding(e.extracted.path, e.text, { kind: 'skipped-file', severity: 'warning', message: 'the flows of this file could not be analysed (internal error); its declarations were still checked. The log has the details.', range: { start: 0, end: 0 } }));
        return undefined;
      }
    };
    for (const [i, e] of extracted.entries()) {
      await yielder.maybeYield(signal);
      fileFlows.push(e.flowCandidate ? analyse(syntaxOnly, i, undefined) : undefined);
    }
    if (needTypes.length > 0) {
      const texts = new Map(options.files.map((f) => [f.path, f.text]));
      const types = new TypeService((relative) => texts.get(relative));
      const roots = needTypes.map((i) => (extracted[i] as Extracted).extracted.path);
      const typed = createFlowContext(index, manifest, prismaModels, () => types.lookupFor(roots));
      for (const i of needTypes) {
        await yielder.maybeYield(signal);
        const path = (extracted[i] as Extracted).extracted.path;
        fileFlows[i] = analyse(typed, i, types.treeFor(path)) ?? fileFlows[i];
      }
      logger.debug(`flows: ${needTypes.length} files needed the type checker`);
    }
  }
  const flowsAt = performance.now();

  const collectionPoints = fileFlows.flatMap((f) => f?.collectionPoints ?? []);
  const functionTags = files.filter((f) => f.functionTags.length > 0).map((f) => ({ file: f.path, tags: f.functionTags }));
  const workspace = createWorkspaceView({ elements, containers, reads, functionTags, collectionPoints });

  const sources: AnalysedSource[] = [];
  let suppressed = 0;
  for (const [i, { extracted: file, text }] of extracted.entries()) {
    await yielder.maybeYield(signal);
    if (options.only && !options.only.has(file.path)) continue;
    const model = models[i] as FileModel;
    const flows = fileFlows[i];
    const lines = new LineIndex(text);
    const raw = runRules({ model, text, lines, manifest, taxonomy, rules: options.rules, severityOf: (rule) => severityFor(manifest, rule), logger, factory: new FindingFactory(lines), workspace, ...(flows ? { flows } : {}) });
    const result = applySuppressions(raw, file.suppressions, model, lines);
    suppressed += result.suppressed;
    findings.push(...result.kept);
    if (model.elements.length > 0 || model.tags.length > 0 || (flows && flows.flows.length > 0)) sources.push({ model, text, ...(flows ? { flows } : {}) });
  }
  const done = performance.now();
  logger.debug(
    `analysed ${options.files.length} files: extract ${Math.round(extractedAt - started)} ms, classify ${Math.round(classifiedAt - extractedAt)} ms, flows ${Math.round(flowsAt - classifiedAt)} ms, model and rules ${Math.round(done - flowsAt)} ms`,
  );
  return { sources, elements, containers, functionTags, flows: fileFlows.flatMap((f) => f?.flows ?? []), collectionPoints, findings, suppressed, failed };
}
