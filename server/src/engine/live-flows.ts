// The editor's flow state, beside LiveWorkspace: the field names the workspace reads (counted per
// file, so an edit updates them), the type aliases, each file's flows and collection points, and
// the type checker scoped to the edited file. The workspace pass resolves by syntax only; the
// document being edited is also resolved through the checker.
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataContainer, DataElement, DataFlow, ResolvedManifest, WorkspaceView } from '../../../rules/api';
import type { FileModel } from './data-model';
import { parseSource } from './extract/typescript';
import { createFlowContext, DataIndex, FileFlowAnalyzer, type FileFlows, flowMarkers, prismaModelsOf, TypeService } from './flows';
import type { Logger } from './logger';
import type { ExtractedFile } from './model';
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
  private readonly perFile = new Map<string, FileFlows>();
  private readonly types: TypeService;
  private index = new DataIndex();
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
    this.index.setAliases(file.path, file.typeAliases);
  }

  removed(file: ExtractedFile): void {
    for (const name of file.reads) {
      const count = (this.readCounts.get(name) ?? 1) - 1;
      if (count <= 0) this.readCounts.delete(name);
      else this.readCounts.set(name, count);
    }
    this.index.setAliases(file.path, []);
    this.index.setRecords(file.path, [], []);
    this.perFile.delete(file.path);
    this.types.forget(file.path);
  }

  private analyseSource(source: FlowSource, manifest: ResolvedManifest, prismaModels: readonly string[], withChecker: boolean): FileFlows | undefined {
    const tree = source.tree ?? parseSource(source.relative, source.text);
    if (withChecker) this.types.setTree(source.relative, source.text, tree);
    const context = createFlowContext(this.index, manifest, prismaModels, withChecker ? () => this.types.lookupFor([source.relative]) : undefined);
    try {
      return new FileFlowAnalyzer(context, source.relative, tree, source.extracted.functionTags).analyse();
    } catch (error) {
      this.logger.error(`flow analysis failed on ${source.relative}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  /** The workspace pass: every file's records indexed again, then every file's flows, by syntax. */
  analyseAll(sources: readonly FlowSource[], models: readonly FileModel[], manifest: ResolvedManifest): void {
    this.perFile.clear();
    const aliases = sources.flatMap((s) => s.extracted.typeAliases.map((alias) => ({ file: s.relative, alias })));
    this.index = new DataIndex(
      models.flatMap((m) => m.containers),
      models.flatMap((m) => m.elements),
      aliases,
    );
    const prismaModels = prismaModelsOf(sources.map((s) => s.extracted));
    for (const source of sources) {
      if (source.extracted.language === 'prisma' || !this.mayHaveFlows(manifest, source.text)) continue;
      const flows = this.analyseSource(source, manifest, prismaModels, false);
      if (flows) this.perFile.set(source.relative, flows);
    }
  }

  /** One file (the edited document) against the workspace, through the checker; its records are indexed first. */
  analyseOne(source: FlowSource, model: FileModel, manifest: ResolvedManifest, prismaModels: readonly string[]): FileFlows | undefined {
    this.index.setRecords(source.relative, model.containers, model.elements);
    if (source.extracted.language === 'prisma' || !this.mayHaveFlows(manifest, source.text)) {
      this.perFile.delete(source.relative);
      return undefined;
    }
    const flows = this.analyseSource(source, manifest, prismaModels, true);
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

  view(elements: readonly DataElement[], containers: readonly DataContainer[], functionTags: { file: string; tags: ExtractedFile['functionTags'] }[]): WorkspaceView {
    return createWorkspaceView({ elements, containers, reads: this.readCounts, functionTags, collectionPoints: this.collectionPoints() });
  }
}
