// The diff scan: reads the working tree, rebuilds the merge base's workspace from git for the files
// the change touched (and the manifest, if it changed), analyses both over the same scope and
// compares them (engine/review.ts). Unchanged files are extracted once, through the cache. (A
// worker thread for the base was slower on two cores: it cannot share the cache or the trees.)
import { RULES } from '../../../rules';
import { analyseRead, changeScope, type ExtractionCache, type Logger, manifestFromText, readWorkspace, reviewChange, type Review, type ScanResult, type SourceText, summariseRevision, withinScope, type WorkspaceRead } from '../engine';
import { isDiscoverable } from '../engine/workspace/discover';
import type { RevisionStore } from './extraction-cache';
import { changeAgainst } from './git';

export interface DiffScanOptions {
  readonly root: string;
  readonly targets: readonly string[];
  readonly manifestFile?: string;
  readonly baseRef: string;
  readonly logger: Logger;
  readonly cache: ExtractionCache;
  /** Summaries of earlier whole-workspace scans (--cache): the base may be one of them. */
  readonly revisions?: RevisionStore;
}

export interface DiffScan {
  readonly head: ScanResult;
  readonly review: Review;
}

/** Whether a workspace-relative path lies under one of the scan's targets (relative or absolute). */
function underTargets(root: string, targets: readonly string[], relative: string): boolean {
  return targets.some((target) => {
    const t = (target.startsWith('/') ? target.slice(root.length + 1) : target).replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
    return t === '' || relative === t || relative.startsWith(`${t}/`);
  });
}

export async function diffScan(options: DiffScanOptions): Promise<DiffScan> {
  const { logger, cache } = options;
  const started = performance.now();
  const read = await readWorkspace({ root: options.root, targets: options.targets, rules: RULES, logger, ...(options.manifestFile ? { manifestFile: options.manifestFile } : {}) });
  const change = changeAgainst(read.root, options.baseRef, (relative) => relative === read.manifestPath || isDiscoverable(relative, read.manifest.ignore));
  const changed = new Set(change.changed);
  logger.debug(`diff: merge base ${change.mergeBase.slice(0, 12)}, ${changed.size} changed files`);

  // The base revision: unchanged files as they are, changed ones from git (absent when added),
  // and the source files the change deleted.
  const baseFiles: SourceText[] = [];
  const headPaths = new Set(read.files.map((f) => f.path));
  for (const file of read.files) {
    if (!changed.has(file.path)) baseFiles.push(file);
    else {
      const text = change.textAtBase(file.path);
      if (text !== undefined) baseFiles.push({ path: file.path, text });
    }
  }
  for (const relative of changed) {
    if (headPaths.has(relative) || !isDiscoverable(relative, read.manifest.ignore) || !underTargets(read.root, options.targets, relative)) continue;
    const text = change.textAtBase(relative);
    if (text !== undefined) baseFiles.push({ path: relative, text });
  }
  baseFiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const manifestChanged = changed.has(read.manifestPath);
  const baseManifestText = manifestChanged ? change.textAtBase(read.manifestPath) : read.manifestText;
  const baseManifest = manifestChanged ? manifestFromText(baseManifestText, read.manifestPath, RULES.map((r) => r.meta.id)) : { manifest: read.manifest, findings: read.manifestFindings };
  const baseRead: WorkspaceRead = { ...read, manifest: baseManifest.manifest, manifestFindings: baseManifest.findings, files: baseFiles, problems: read.problems.filter((p) => !changed.has(p.file)) };

  // A changed manifest can change any finding: then everything is compared.
  const scope = manifestChanged ? undefined : await changeScope(changed, read.files, baseFiles, read.manifest.vocabulary, cache);
  logger.debug(`diff: ${scope ? `${scope.size} files in scope` : 'the manifest changed: the whole workspace is in scope'}`);
  // The scope's unchanged files are parsed once for both revisions.
  const analyse = { rules: RULES, logger, cache, trees: new Map(), ...(scope ? { only: scope } : {}) };
  const head = await analyseRead(read, analyse);
  // A whole-workspace scan of exactly the base (CI's scan of the main branch, with --cache) has
  // left its summary: then the base need not be analysed again.
  const baseKey = options.revisions?.workspaceKey(baseFiles, baseManifestText);
  const stored = baseKey !== undefined ? options.revisions?.revision(baseKey) : undefined;
  logger.debug(`diff: ${stored ? 'the base is a revision scanned before: its summary is reused' : 'analysing the base'}`);
  const base = stored ? withinScope(stored, scope && new Set([...scope, read.manifestPath])) : summariseRevision(await analyseRead(baseRead, analyse));
  const review = reviewChange(base, head, change.mergeBase, change.changed);
  logger.debug(`diff: ${review.findings.length} new findings, ${review.elements.length} new personal fields in ${Math.round(performance.now() - started)} ms`);
  return { head, review };
}
