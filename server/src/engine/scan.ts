// Scans a workspace on disk: loads the manifest, finds and reads the files, then runs the analysis
// pipeline (analyse.ts). Unreadable, binary, minified or oversized files become findings; the rest
// of the scan goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CollectionPoint, DataContainer, DataElement, DataFlow, DocTag, ResolvedManifest, RuleModule } from '../../../rules/api';
import { analyseFiles, type AnalysedSource, type AnalysisOptions, type ExtractionCache, problemFinding, type SourceText } from './analyse';
import { type CancellationSignal, NEVER_CANCELLED, Yielder } from './cancellation';
import { ConfigError } from './errors';
import { compareFindings, type Finding, FindingFactory } from './findings';
import { type Logger, NULL_LOGGER } from './logger';
import { defaultManifest, loadManifest, MANIFEST_FILE_NAME } from './manifest/load';
import { LineIndex } from './text/line-index';
import { discoverFiles, toRelative } from './workspace/discover';
import { readSource } from './workspace/read-source';

export { type AnalysedSource, severityFor } from './analyse';

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
  /** Follow data into sinks (default true). */
  readonly flows?: boolean;
  /** Extraction results of earlier scans, by file content. */
  readonly cache?: ExtractionCache;
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

export interface ScanResult {
  readonly root: string;
  readonly manifest: ResolvedManifest;
  /** Analysed files that declare fields or privacy tags, with their text (for fixes). */
  readonly sources: readonly AnalysedSource[];
  /** Every declared field, personal or not. */
  readonly elements: readonly DataElement[];
  readonly containers: readonly DataContainer[];
  /** Privacy tags written on functions (@erases, @consent, @purpose), by file. */
  readonly functionTags: readonly { readonly file: string; readonly tags: readonly DocTag[] }[];
  /** Personal values reaching sinks. */
  readonly flows: readonly DataFlow[];
  readonly collectionPoints: readonly CollectionPoint[];
  readonly findings: readonly Finding[];
  /** Problems in the manifest: the configuration is not what the team wrote. */
  readonly configErrors: number;
  /** Rules that crashed. */
  readonly internalErrors: number;
  readonly stats: ScanStats;
}

interface ManifestLoad {
  readonly manifest: ResolvedManifest;
  readonly findings: Finding[];
}

/** Loads a manifest from its text (undefined: the workspace has none) and turns its problems into findings. */
export function manifestFromText(text: string | undefined, relative: string, ruleIds: readonly string[]): ManifestLoad {
  if (text === undefined) return { manifest: defaultManifest(), findings: [] };
  const loaded = loadManifest(text, relative, ruleIds);
  const factory = new FindingFactory(new LineIndex(text));
  const findings = loaded.problems.map((problem) =>
    factory.create({ ruleId: 'invalid-manifest', messageId: problem.kind, severity: 'error', message: `${problem.message} (at ${problem.jsonPath})`, file: relative, range: problem.range }),
  );
  return { manifest: loaded.manifest, findings };
}

function loadWorkspaceManifest(root: string, explicit: string | undefined, ruleIds: readonly string[]): ManifestLoad & { relative: string; text?: string } {
  const file = explicit ? path.resolve(root, explicit) : path.join(root, MANIFEST_FILE_NAME);
  const relative = toRelative(root, file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { manifest: defaultManifest(), findings: [], relative };
    throw new ConfigError(`cannot read the manifest ${file} (${code ?? 'error'}); check the path given to --manifest or create privacy.manifest.json`, file);
  }
  return { ...manifestFromText(text, relative, ruleIds), relative, text };
}

/** A workspace read from disk: its manifest, the texts of its source files, and what could not be read. */
export interface WorkspaceRead {
  readonly root: string;
  readonly manifest: ResolvedManifest;
  /** Workspace-relative path of the manifest file (which may not exist). */
  readonly manifestPath: string;
  /** The manifest's text, when there is a manifest. */
  readonly manifestText?: string;
  readonly manifestFindings: readonly Finding[];
  readonly files: readonly SourceText[];
  /** Unreadable and skipped files. */
  readonly problems: readonly Finding[];
  /** Source files found (read or not). */
  readonly found: number;
  readonly skipped: number;
  readonly startedAt: number;
}

/** Reads a workspace: the manifest, then every source file that discovery and the manifest's ignore globs keep. */
export async function readWorkspace(options: Pick<ScanOptions, 'root' | 'targets' | 'manifestFile' | 'rules' | 'logger' | 'signal'>): Promise<WorkspaceRead> {
  const startedAt = performance.now();
  const logger = options.logger ?? NULL_LOGGER;
  const signal = options.signal ?? NEVER_CANCELLED;
  const root = path.resolve(options.root);
  if (!fs.existsSync(root)) throw new ConfigError(`the folder to scan does not exist: ${root}`);
  const ruleIds = options.rules.map((r) => r.meta.id);
  const { manifest, findings: manifestFindings, relative: manifestPath, text: manifestText } = loadWorkspaceManifest(root, options.manifestFile, ruleIds);
  const problems: Finding[] = [];
  const discovery = discoverFiles(root, options.targets ?? ['.'], manifest.ignore);
  for (const problem of discovery.problems) {
    problems.push(problemFinding(problem.file, '', { kind: 'unreadable-file', severity: 'warning', message: problem.message, range: { start: 0, end: 0 } }));
  }
  logger.debug(`found ${discovery.files.length} files under ${root}`);
  const yielder = new Yielder();
  const files: SourceText[] = [];
  let skipped = 0;
  for (const absolute of discovery.files) {
    await yielder.maybeYield(signal);
    const relative = toRelative(root, absolute);
    const source = readSource(absolute);
    if (source.kind === 'text') {
      files.push({ path: relative, text: source.text });
      continue;
    }
    skipped++;
    if (source.kind === 'unreadable') problems.push(problemFinding(relative, '', { kind: 'unreadable-file', severity: 'warning', message: source.message, range: { start: 0, end: 0 } }));
    else if (source.reason !== 'generated') problems.push(problemFinding(relative, '', { kind: 'skipped-file', severity: 'info', message: source.message, range: { start: 0, end: 0 } }));
  }
  logger.debug(`read ${files.length} files in ${Math.round(performance.now() - startedAt)} ms`);
  return { root, manifest, manifestPath, ...(manifestText !== undefined ? { manifestText } : {}), manifestFindings, files, problems, found: discovery.files.length, skipped, startedAt };
}

/** The analysis options of a workspace already read: all but the files and the manifest it holds. */
export type AnalyseReadOptions = Omit<AnalysisOptions, 'files' | 'manifest'>;

/** Analyses a workspace already read (or assembled, as the diff scan does for the base revision). */
export async function analyseRead(read: WorkspaceRead, options: AnalyseReadOptions): Promise<ScanResult> {
  const logger = options.logger ?? NULL_LOGGER;
  const analysis = await analyseFiles({ ...options, files: read.files, manifest: read.manifest, logger });
  const only = options.only;
  const findings: Finding[] = [...read.manifestFindings, ...read.problems.filter((f) => !only || only.has(f.file)), ...analysis.findings];
  findings.sort(compareFindings);
  const skipped = read.skipped + analysis.failed;
  const durationMs = Math.round(performance.now() - read.startedAt);
  logger.debug(`scanned ${read.found} files, ${analysis.elements.length} fields, ${findings.length} findings in ${durationMs} ms`);
  return {
    root: read.root,
    manifest: read.manifest,
    sources: analysis.sources,
    elements: analysis.elements,
    containers: analysis.containers,
    functionTags: analysis.functionTags,
    flows: analysis.flows,
    collectionPoints: analysis.collectionPoints,
    findings,
    configErrors: read.manifestFindings.length,
    internalErrors: findings.filter((f) => f.ruleId === 'internal-error').length,
    stats: { files: read.found, analysed: read.found - skipped, skipped, suppressed: analysis.suppressed, durationMs },
  };
}

export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const read = await readWorkspace(options);
  return analyseRead(read, { rules: options.rules, ...(options.logger ? { logger: options.logger } : {}), ...(options.signal ? { signal: options.signal } : {}), ...(options.flows === false ? { flows: false } : {}), ...(options.cache ? { cache: options.cache } : {}) });
}
