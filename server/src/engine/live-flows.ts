// The editor's flow state, beside LiveWorkspace: the field names the workspace reads (counted per
// file, so an edit updates them), the type aliases, each file's flows and collection points, and
// the type checker scoped to the edited file. The workspace pass resolves by syntax only; the
// document being edited is also resolved through the checker.
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataFlow, ResolvedManifest, WorkspaceView } from '../../../rules/api';
import type { FileModel } from './data-model';
import { parseSource } from './extract/typescript';
import { createFlowContext, DataIndex, FileFlowAnalyzer, type FileFlows, flowMarkers, prismaModelsOf, TypeService } from './flows';
import type { Logger } from './logger';
import type { ExtractedFile, TypeAliasFacts } from './model';
import { createWorkspaceView } from './workspace-view';

export interface FlowSource {
  readonly relative: string;
  readonly text: string;
  readonly extracted: ExtractedFile;
  /** The tree from the last extraction, when it was kept. */
  readonly tree?: ts.SourceFile;
}

export class LiveFlows {
  private readonly readCounts = new Map<string, number>();
  private readonly aliases = new Map<string, readonly TypeAliasFacts[]>();
  private readonly perFile = new Map<string, FileFlows>();
  private readonly types: TypeService;
  private markers: RegExp | undefined;

  constructor(
    textOf: (relative: string) => string | undefined,
    private readonly logger: Logger,
  ) {
    this.types = new TypeService(textOf);
  }

  /** The manifest changed: its recipients may add sink modules. */
  setManifest(manifest: ResolvedManifest): void {
    this.markers = flowMarkers(manifest);
  }

  /** Whether a file's text could hold flows (only those get a flow analysis). */
  mayHaveFlows(manifest: ResolvedManifest, text: string): boolean {
    this.markers ??= flowMarkers(manifest);
    return this.markers.test(text);
  }

  added(file: ExtractedFile): void {
    for (const name of file.reads) this.readCounts.set(name, (this.readCounts.get(name) ?? 0) + 1);
    if (file.typeAliases.length > 0) this.aliases.set(file.path, file.typeAliases);
  }

  removed(file: ExtractedFile): void {
    for (const name of file.reads) {
      const count = (this.readCounts.get(name) ?? 1) - 1;
      if (count <= 0) this.readCounts.delete(name);
      else this.readCounts.set(name, count);
    }
    this.aliases.delete(file.path);
    this.perFile.delete(file.path);
    this.types.forget(file.path);
  }

  private indexOf(models: Iterable<FileModel>): DataIndex {
    const containers = [];
    const elements = [];
    for (const model of models) {
      containers.push(...model.containers);
      elements.push(...model.elements);
    }
    const aliases = [...this.aliases.entries()].flatMap(([file, list]) => list.map((alias) => ({ file, alias })));
    return new DataIndex(containers, elements, aliases);
  }

  private analyseSource(source: FlowSource, index: DataIndex, manifest: ResolvedManifest, prismaModels: readonly string[], withChecker: boolean): FileFlows | undefined {
    const tree = source.tree ?? parseSource(source.relative, source.text);
    if (withChecker) this.types.setTree(source.relative, source.text, tree);
    const context = createFlowContext(index, manifest, prismaModels, withChecker ? () => this.types.lookupFor([source.relative]) : undefined);
    try {
      return new FileFlowAnalyzer(context, source.relative, tree, source.extracted.functionTags).analyse();
    } catch (error) {
      this.logger.error(`flow analysis failed on ${source.relative}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  /** The workspace pass: every file's flows, by syntax. */
  analyseAll(sources: readonly FlowSource[], models: Iterable<FileModel>, manifest: ResolvedManifest): void {
    this.perFile.clear();
    const index = this.indexOf(models);
    const prismaModels = prismaModelsOf(sources.map((s) => s.extracted));
    for (const source of sources) {
      if (source.extracted.language === 'prisma' || !this.mayHaveFlows(manifest, source.text)) continue;
      const flows = this.analyseSource(source, index, manifest, prismaModels, false);
      if (flows) this.perFile.set(source.relative, flows);
    }
  }

  /** One file (the edited document) against the workspace, through the checker. */
  analyseOne(source: FlowSource, models: Iterable<FileModel>, manifest: ResolvedManifest, prismaModels: readonly string[]): FileFlows | undefined {
    if (source.extracted.language === 'prisma' || !this.mayHaveFlows(manifest, source.text)) {
      this.perFile.delete(source.relative);
      return undefined;
    }
    const flows = this.analyseSource(source, this.indexOf(models), manifest, prismaModels, true);
    if (flows) this.perFile.set(source.relative, flows);
    else this.perFile.delete(source.relative);
    return flows;
  }

  flowsOf(relative: string): FileFlows | undefined {
    return this.perFile.get(relative);
  }

  allFlows(): DataFlow[] {
    return [...this.perFile.values()].flatMap((f) => f.flows);
  }

  collectionPoints(): CollectionPoint[] {
    return [...this.perFile.values()].flatMap((f) => f.collectionPoints);
  }

  view(models: readonly FileModel[], functionTags: { file: string; tags: ExtractedFile['functionTags'] }[]): WorkspaceView {
    return createWorkspaceView({
      elements: models.flatMap((m) => m.elements),
      containers: models.flatMap((m) => m.containers),
      reads: this.readCounts,
      functionTags,
      collectionPoints: this.collectionPoints(),
    });
  }
}
