// Scans a workspace on disk: loads the manifest, finds and reads the files, then runs the analysis
// pipeline (analyse.ts). Unreadable, binary, minified or oversized files become findings; the rest
// of the scan goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CollectionPoint, DataContainer, DataElement, DataFlow, DocTag, ResolvedManifest, RuleModule } from '../../../rules/api';
import { analyseFiles, type AnalysedSource, problemFinding, type SourceText } from './analyse';
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
    factory.create({ ruleId: 'invalid-manifest', messageId: problem.kind, severity: 'error', message: `${problem.message} (at ${problem.jsonPath})`, file: relative, range: problem.range }),
  );
  return { manifest: loaded.manifest, findings };
}

export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const logger = options.logger ?? NULL_LOGGER;
  const signal = options.signal ?? NEVER_CANCELLED;
  const root = path.resolve(options.root);
  if (!fs.existsSync(root)) throw new ConfigError(`the folder to scan does not exist: ${root}`);
  const ruleIds = options.rules.map((r) => r.meta.id);
  const { manifest, findings: manifestFindings } = loadWorkspaceManifest(root, options.manifestFile, ruleIds);
  const findings: Finding[] = [...manifestFindings];

  const discovery = discoverFiles(root, options.targets ?? ['.'], manifest.ignore);
  for (const problem of discovery.problems) {
    findings.push(problemFinding(problem.file, '', { kind: 'unreadable-file', severity: 'warning', message: problem.message, range: { start: 0, end: 0 } }));
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
    if (source.kind === 'unreadable') findings.push(problemFinding(relative, '', { kind: 'unreadable-file', severity: 'warning', message: source.message, range: { start: 0, end: 0 } }));
    else if (source.reason !== 'generated') findings.push(problemFinding(relative, '', { kind: 'skipped-file', severity: 'info', message: source.message, range: { start: 0, end: 0 } }));
  }

  logger.debug(`read ${files.length} files in ${Math.round(performance.now() - started)} ms`);
  const analysis = await analyseFiles({ files, manifest, rules: options.rules, logger, signal, ...(options.flows === false ? { flows: false } : {}) });
  findings.push(...analysis.findings);
  findings.sort(compareFindings);
  skipped += analysis.failed;
  const durationMs = Math.round(performance.now() - started);
  logger.debug(`scanned ${discovery.files.length} files, ${analysis.elements.length} fields, ${findings.length} findings in ${durationMs} ms`);
  return {
    root,
    manifest,
    sources: analysis.sources,
    elements: analysis.elements,
    containers: analysis.containers,
    functionTags: analysis.functionTags,
    flows: analysis.flows,
    collectionPoints: analysis.collectionPoints,
    findings,
    configErrors: manifestFindings.length,
    internalErrors: findings.filter((f) => f.ruleId === 'internal-error').length,
    stats: { files: discovery.files.length, analysed: discovery.files.length - skipped, skipped, suppressed: analysis.suppressed, durationMs },
  };
}
