// Keeps a workspace's analysis current for an editor: the manifest, every file's extracted facts
// (from disk, or from the editor while a document is open) and the last full classification. An edit
// re-extracts one file and classifies it together with the files it refers to and that refer to it,
// against the rest of the workspace as last classified; a full pass runs at start and on demand.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataContainer, DataElement, DataFlow, ResolvedManifest, RuleModule, Taxonomy, WorkspaceView } from '../../../rules/api';
import { createTaxonomy } from '../../../rules/taxonomy';
import { problemFinding, severityFor } from './analyse';
import { type CancellationSignal, NEVER_CANCELLED, Yielder } from './cancellation';
import { type ClassifiedFile, classifyWorkspace, personTypeWordsOf } from './classify';
import { buildFileModel, type FileModel } from './data-model';
import { extractFileSafely, languageOf } from './extract';
import { type Finding, FindingFactory } from './findings';
import { type FileFlows, prismaModelsOf } from './flows';
import { LiveFlows } from './live-flows';
import { type Logger, NULL_LOGGER } from './logger';
import { defaultManifest, loadManifest, MANIFEST_FILE_NAME } from './manifest/load';
import type { ExtractedFile } from './model';
import { applySuppressions, runRules } from './runner';
import { LineIndex } from './text/line-index';
import { DEFAULT_IGNORED_FOLDERS, discoverFiles, ignoreMatcher, toRelative } from './workspace/discover';
import { readSource } from './workspace/read-source';

interface FileState {
  readonly text: string;
  readonly extracted: ExtractedFile | undefined;
  /** The syntax tree of the last extraction, kept for open documents (their flows are analysed on edit). */
  readonly tree?: ts.SourceFile;
  /** Reading and extraction problems (syntax errors, skipped content). */
  readonly problems: readonly Finding[];
}

/** The result of analysing one file against the workspace. */
export interface FileAnalysis {
  readonly path: string;
  /** Rule findings (after suppressions) and the file's own problems, in no particular order. */
  readonly findings: readonly Finding[];
  readonly model: FileModel | undefined;
  readonly flows?: FileFlows;
}

/** Related files classified together with an edited one, at most. */
const MAX_RELATED_FILES = 64;

function referencedNames(file: ExtractedFile): Set<string> {
  const names = new Set<string>();
  for (const container of file.containers) {
    for (const base of container.heritage ?? []) names.add(base);
    for (const field of container.fields) {
      const type = field.type.kind === 'array' ? field.type.element : field.type;
      if (type?.kind === 'reference' && type.refName) names.add(type.refName);
      if (field.relation?.target) names.add(field.relation.target);
    }
  }
  return names;
}

export class LiveWorkspace {
  readonly root: string;
  private readonly rules: readonly RuleModule[];
  private readonly logger: Logger;
  private readonly manifestFile: string;
  private manifestState: { manifest: ResolvedManifest; findings: readonly Finding[] } = { manifest: defaultManifest(), findings: [] };
  private taxonomyCache: Taxonomy = createTaxonomy({});
  private isIgnored: (relative: string) => boolean = () => false;
  private readonly files = new Map<string, FileState>();
  /** Container name → files declaring it; type name → files referring to it. */
  private readonly declaredIn = new Map<string, Set<string>>();
  private readonly referencedFrom = new Map<string, Set<string>>();
  private personTypeWords = new Set<string>();
  private prismaModels: readonly string[] | undefined;
  /** Flattened records and function tags of the workspace, rebuilt when a model or a file changes. */
  private recordsCache: { elements: DataElement[]; containers: DataContainer[] } | undefined;
  private functionTagsCache: { file: string; tags: ExtractedFile['functionTags'] }[] | undefined;
  private readonly models = new Map<string, FileModel>();
  private readonly flows: LiveFlows;

  constructor(options: { root: string; rules: readonly RuleModule[]; logger?: Logger; manifestFile?: string }) {
    this.root = path.resolve(options.root);
    this.rules = options.rules;
    this.logger = options.logger ?? NULL_LOGGER;
    this.manifestFile = options.manifestFile ? path.resolve(this.root, options.manifestFile) : path.join(this.root, MANIFEST_FILE_NAME);
    this.flows = new LiveFlows((relative) => this.files.get(relative)?.text ?? this.readForTypes(relative), this.logger);
    this.loadManifest();
  }

  get manifest(): ResolvedManifest {
    return this.manifestState.manifest;
  }

  /** Problems in the manifest, as findings on the manifest file. */
  get manifestFindings(): readonly Finding[] {
    return this.manifestState.findings;
  }

  /** Absolute path of the manifest (which may not exist yet). */
  get manifestPath(): string {
    return this.manifestFile;
  }

  get taxonomy(): Taxonomy {
    return this.taxonomyCache;
  }

  /** Workspace-relative path of an absolute one (forward slashes). */
  relative(absolute: string): string {
    return toRelative(this.root, absolute);
  }

  /** Reads the manifest from disk, or takes `text` from the editor; undefined text and no file means defaults. */
  loadManifest(text?: string): void {
    let source = text;
    if (source === undefined) {
      try {
        source = fs.readFileSync(this.manifestFile, 'utf8');
      } catch {
        source = undefined;
      }
    }
    if (source === undefined) {
      this.manifestState = { manifest: defaultManifest(), findings: [] };
    } else {
      const relative = this.relative(this.manifestFile);
      const loaded = loadManifest(source, relative, this.rules.map((r) => r.meta.id));
      const factory = new FindingFactory(new LineIndex(source));
      const findings = loaded.problems.map((problem) =>
        factory.create({ ruleId: 'invalid-manifest', messageId: problem.kind, severity: 'error', message: `${problem.message} (at ${problem.jsonPath})`, file: relative, range: problem.range }),
      );
      this.manifestState = { manifest: loaded.manifest, findings };
    }
    this.taxonomyCache = createTaxonomy(this.manifest.categories);
    this.flows.setManifest(this.manifest);
    const globs = ignoreMatcher(this.manifest.ignore);
    this.isIgnored = (relative) => globs(relative) || relative.split('/').some((segment) => DEFAULT_IGNORED_FOLDERS.has(segment));
  }

  /** Whether a workspace-relative path is a source file the workspace analyses. */
  isAnalysable(relative: string): boolean {
    return languageOf(relative) !== undefined && !relative.startsWith('../') && !this.isIgnored(relative);
  }

  /** Reads and extracts every file, then classifies the whole workspace. */
  async loadAll(options: { signal?: CancellationSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
    const signal = options.signal ?? NEVER_CANCELLED;
    const started = performance.now();
    const discovery = discoverFiles(this.root, ['.'], this.manifest.ignore);
    const yielder = new Yielder(20);
    let done = 0;
    for (const absolute of discovery.files) {
      await yielder.maybeYield(signal);
      const relative = this.relative(absolute);
      if (!this.files.has(relative)) await this.setFromDisk(relative);
      done++;
      if (done % 100 === 0) options.onProgress?.(done, discovery.files.length);
    }
    options.onProgress?.(done, discovery.files.length);
    this.classifyAll();
    this.logger.info(`workspace pass: ${discovery.files.length} files in ${Math.round(performance.now() - started)} ms`);
  }

  /** Re-reads a file from disk (after a change on disk, or when the editor closes it). */
  async setFromDisk(relative: string): Promise<void> {
    const source = readSource(path.join(this.root, relative));
    if (source.kind === 'text') {
      await this.setText(relative, source.text);
      return;
    }
    this.forget(relative);
    if (source.kind === 'unreadable' || source.reason !== 'generated') {
      const kind = source.kind === 'unreadable' ? 'unreadable-file' : 'skipped-file';
      this.files.set(relative, { text: '', extracted: undefined, problems: [problemFinding(relative, '', { kind, severity: kind === 'skipped-file' ? 'info' : 'warning', message: source.message, range: { start: 0, end: 0 } })] });
    }
  }

  /** Sets a file's text (an open document's, or the disk's) and extracts it again; `keepTree` for open documents. */
  async setText(relative: string, text: string, keepTree = false): Promise<void> {
    const current = this.files.get(relative);
    if (current && current.text === text && current.extracted && (!keepTree || current.tree)) return;
    this.forget(relative);
    let extracted: ExtractedFile | undefined;
    let tree: ts.SourceFile | undefined;
    let problems: Finding[];
    try {
      const extraction = await extractFileSafely(relative, text);
      extracted = extraction.extracted;
      if (keepTree) tree = extraction.sourceFile;
      problems = extracted.problems.map((p) => problemFinding(relative, text, p));
    } catch (error) {
      this.logger.warn(`could not analyse ${relative}: ${error instanceof Error ? error.name : 'error'}`);
      problems = [problemFinding(relative, text, { kind: 'skipped-file', severity: 'warning', message: 'the code is nested too deeply to parse; the file was not analysed', range: { start: 0, end: 0 } })];
    }
    this.files.set(relative, { text, extracted, problems, ...(tree ? { tree } : {}) });
    this.functionTagsCache = undefined;
    if (extracted) {
      this.flows.added(extracted);
      if (extracted.language === 'prisma') this.prismaModels = undefined;
      for (const container of extracted.containers) this.index(this.declaredIn, container.name, relative);
      for (const name of referencedNames(extracted)) this.index(this.referencedFrom, name, relative);
    }
  }

  /** Drops a file (deleted, or no longer analysable). */
  remove(relative: string): void {
    this.forget(relative);
  }

  has(relative: string): boolean {
    return this.files.has(relative);
  }

  textOf(relative: string): string | undefined {
    return this.files.get(relative)?.text;
  }

  private index(map: Map<string, Set<string>>, key: string, file: string): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(file);
  }

  private forget(relative: string): void {
    const old = this.files.get(relative);
    this.recordsCache = undefined;
    this.functionTagsCache = undefined;
    if (old?.extracted) {
      this.flows.removed(old.extracted);
      if (old.extracted.language === 'prisma') this.prismaModels = undefined;
      for (const container of old.extracted.containers) this.declaredIn.get(container.name)?.delete(relative);
      for (const name of referencedNames(old.extracted)) this.referencedFrom.get(name)?.delete(relative);
    }
    this.files.delete(relative);
    this.models.delete(relative);
  }

  /** The files whose types this one uses, and those that use its types. */
  private related(relative: string, extracted: ExtractedFile): ExtractedFile[] {
    const paths = new Set<string>();
    for (const name of referencedNames(extracted)) for (const file of this.declaredIn.get(name) ?? []) paths.add(file);
    for (const container of extracted.containers) for (const file of this.referencedFrom.get(container.name) ?? []) paths.add(file);
    paths.delete(relative);
    const related: ExtractedFile[] = [];
    for (const file of paths) {
      const other = this.files.get(file)?.extracted;
      if (other) related.push(other);
      if (related.length >= MAX_RELATED_FILES) break;
    }
    return related;
  }

  /** Classifies the whole workspace again, rebuilds every file's model and follows every file's flows. */
  classifyAll(): void {
    const entries = [...this.files.entries()].filter((entry): entry is [string, FileState & { extracted: ExtractedFile }] => entry[1].extracted !== undefined);
    const extracted = entries.map(([, state]) => state.extracted);
    const classified = classifyWorkspace(extracted, this.manifest.vocabulary);
    this.personTypeWords = personTypeWordsOf(extracted, classified);
    this.models.clear();
    entries.forEach(([relative, state], i) => this.models.set(relative, buildFileModel(state.extracted, classified[i] as ClassifiedFile)));
    this.flows.analyseAll(
      entries.map(([relative, state]) => ({ relative, text: state.text, extracted: state.extracted, ...(state.tree ? { tree: state.tree } : {}) })),
      [...this.models.values()],
      this.manifest,
    );
    this.recordsCache = undefined;
  }

  private prismaModelNames(): readonly string[] {
    this.prismaModels ??= prismaModelsOf([...this.files.values()].flatMap((state) => (state.extracted?.language === 'prisma' ? [state.extracted] : [])));
    return this.prismaModels;
  }

  /** A file the checker needs that the workspace does not hold (outside the folders analysed): read from disk. */
  private readForTypes(relative: string): string | undefined {
    if (relative.startsWith('../') || !this.isAnalysable(relative)) return undefined;
    const source = readSource(path.join(this.root, relative));
    return source.kind === 'text' ? source.text : undefined;
  }

  /** Analyses one file against the workspace: its model, flows, rule findings (after suppressions) and problems. */
  analyse(relative: string): FileAnalysis {
    const state = this.files.get(relative);
    if (!state?.extracted) return { path: relative, findings: state?.problems ?? [], model: undefined };
    const related = this.related(relative, state.extracted);
    const classified = classifyWorkspace([state.extracted, ...related], this.manifest.vocabulary, { personTypeWords: this.personTypeWords });
    const model = buildFileModel(state.extracted, classified[0] as ClassifiedFile);
    this.models.set(relative, model);
    this.recordsCache = undefined;
    const flows = this.flows.analyseOne({ relative, text: state.text, extracted: state.extracted, ...(state.tree ? { tree: state.tree } : {}) }, model, this.manifest, this.prismaModelNames());
    const lines = new LineIndex(state.text);
    const raw = runRules({
      model,
      text: state.text,
      lines,
      manifest: this.manifest,
      taxonomy: this.taxonomy,
      rules: this.rules,
      severityOf: (rule) => severityFor(this.manifest, rule),
      logger: this.logger,
      factory: new FindingFactory(lines),
      workspace: this.workspaceView(),
      ...(flows ? { flows } : {}),
    });
    const { kept } = applySuppressions(raw, state.extracted.suppressions, model, lines);
    return { path: relative, findings: [...state.problems, ...kept], model, ...(flows ? { flows } : {}) };
  }

  /** The workspace as rules see it, as last analysed. */
  workspaceView(): WorkspaceView {
    if (!this.recordsCache) {
      const models = [...this.models.values()];
      this.recordsCache = { elements: models.flatMap((m) => m.elements), containers: models.flatMap((m) => m.containers) };
    }
    this.functionTagsCache ??= [...this.files.entries()].flatMap(([file, state]) => (state.extracted && state.extracted.functionTags.length > 0 ? [{ file, tags: state.extracted.functionTags }] : []));
    return this.flows.view(this.recordsCache.elements, this.recordsCache.containers, this.functionTagsCache);
  }

  /** The flows of a file as last analysed. */
  flowsOf(relative: string): FileFlows | undefined {
    return this.flows.flowsOf(relative);
  }

  /** Every flow of the workspace, as last analysed. */
  allFlows(): DataFlow[] {
    return this.flows.allFlows();
  }

  collectionPoints(): CollectionPoint[] {
    return this.flows.collectionPoints();
  }

  /** The model of a file as last classified (undefined for files without declarations). */
  modelOf(relative: string): FileModel | undefined {
    return this.models.get(relative);
  }

  /** Every declared field of the workspace, as last classified. */
  elements(): DataElement[] {
    return [...this.models.values()].flatMap((model) => model.elements);
  }

  /** Number of files the workspace holds. */
  get size(): number {
    return this.files.size;
  }
}
