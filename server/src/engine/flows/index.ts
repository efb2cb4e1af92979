// The flow analysis of one file: its sink calls and the personal values reaching them (with the
// path they took), the declared fields read by its functions declared for a purpose, and its
// collection points. Runs after classification, on the extraction's own syntax tree.
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataFlow, DocTag, PurposeRead, ResolvedManifest, SinkRef } from '../../../../rules/api';
import { splitList } from '../../../../rules/declarations/bases';
import { SINK_DEFINITIONS, SinkCatalogue } from '../../../../rules/flows/catalogue';
import { analyseName } from '../classify/name-analysis';
import { compiler } from '../extract/typescript/compiler';
import type { ExtractedFile } from '../model';
import { CollectionPointFinder } from './collection-points';
import type { DataIndex } from './data-index';
import { Resolver, type ResolvedValue } from './resolve';
import { isWritingAssignment, type SinkCall, SinkFinder } from './sink-calls';
import { enclosingFunction, type FunctionLike, functionNameOf, isAssignmentTarget, isFunctionLike } from './syntax';
import type { TypeLookup } from './type-service';
import { ValueCollector } from './values';

export { DataIndex } from './data-index';
export { TypeService } from './type-service';

export interface FileFlows {
  readonly flows: readonly DataFlow[];
  readonly purposeReads: readonly PurposeRead[];
  readonly collectionPoints: readonly CollectionPoint[];
}

export const NO_FLOWS: FileFlows = Object.freeze({ flows: [], purposeReads: [], collectionPoints: [] });

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A quick test on a file's text: could it hold a sink, a collection point or a purpose-declared
 * function? Only such files keep their tree for the flow analysis.
 */
export function flowMarkers(manifest: ResolvedManifest): RegExp {
  const alternatives = new Set<string>(['@purpose\\b', 'use server', '\\buseForm\\b', '@(Body|Query)\\(', '\\bformData\\b', '\\.json\\(\\)', '\\.(post|put|patch)\\(']);
  // Names are matched as words (`log` must not match `catalogue`), modules inside their quotes.
  for (const definition of SINK_DEFINITIONS) {
    for (const name of [...(definition.globals ?? []), ...(definition.receivers ?? [])]) alternatives.add(`\\b${escape(name)}\\b`);
    for (const module of definition.modules ?? []) alternatives.add(`['"]${escape((module.split('#')[0] ?? module).replace(/\/\*$/, '/'))}`);
  }
  for (const recipient of Object.values(manifest.recipients)) for (const module of recipient.modules ?? []) alternatives.add(`['"]${escape(module)}`);
  return new RegExp([...alternatives].join('|'));
}

/** The purposes declared on a function's doc comment (for arrow functions, on their variable statement). */
function purposesOf(fn: FunctionLike, sourceFile: ts.SourceFile, tags: readonly DocTag[]): { purposes: string[]; tag?: DocTag } {
  let host: ts.Node = fn;
  if ((compiler.isArrowFunction(fn) || compiler.isFunctionExpression(fn)) && compiler.isVariableDeclaration(fn.parent)) host = fn.parent.parent.parent;
  const from = host.getFullStart();
  const to = host.getStart(sourceFile);
  const own = tags.filter((t) => t.name === 'purpose' && t.owner.kind === 'function' && t.range.start >= from && t.range.end <= to);
  return { purposes: own.flatMap((t) => splitList(t.value)), ...(own[0] ? { tag: own[0] } : {}) };
}

/** Names of the Prisma models (their client delegates are `prisma.<model>`). */
export function prismaModelsOf(files: readonly ExtractedFile[]): string[] {
  return files.filter((f) => f.language === 'prisma').flatMap((f) => f.containers.filter((c) => !c.parent).map((c) => c.name));
}

export interface FlowContext {
  readonly index: DataIndex;
  readonly manifest: ResolvedManifest;
  readonly catalogue: SinkCatalogue;
  /** The checker for this file, created on first use. */
  readonly types?: () => TypeLookup | undefined;
  readonly prismaModels: readonly string[];
}

export function createFlowContext(index: DataIndex, manifest: ResolvedManifest, prismaModels: readonly string[], types?: () => TypeLookup | undefined): FlowContext {
  return { index, manifest, catalogue: new SinkCatalogue(manifest.recipients), prismaModels, ...(types ? { types } : {}) };
}

export class FileFlowAnalyzer {
  private readonly values: ValueCollector;
  private readonly finder: SinkFinder;
  private readonly resolver: Resolver;
  private readonly points: CollectionPointFinder;
  private asked = false;

  constructor(
    private readonly context: FlowContext,
    private readonly file: string,
    private readonly sourceFile: ts.SourceFile,
    private readonly functionTags: readonly DocTag[],
  ) {
    const flows = context.manifest.flows;
    this.values = new ValueCollector(new Set([...(flows.sanitizers ?? []), ...(flows.redactor ? [flows.redactor.name] : [])]));
    this.finder = new SinkFinder(sourceFile, context.catalogue);
    let lookup: TypeLookup | undefined;
    const types = (): TypeLookup | undefined => {
      if (!this.asked) {
        this.asked = true;
        lookup = context.types?.();
      }
      return lookup;
    };
    this.resolver = new Resolver(file, context.index, this.finder.importBindings, this.values, types, context.prismaModels);
    this.points = new CollectionPointFinder(file, sourceFile, context.index, this.resolver);
  }

  /** The sink a payload or URL argument of a call reaches; undefined for first-party HTTP payloads. */
  private sinkRef(call: SinkCall, role: 'url' | 'payload'): SinkRef | undefined {
    const { definition } = call;
    const base = { callee: call.callee, ...(call.module ? { module: call.module } : {}) };
    if (role === 'url') return { ...base, kind: 'url', recipient: definition.id, label: definition.kind === 'url' ? definition.label : 'a request URL', thirdParty: false };
    if (definition.kind === 'http') {
      if (!call.host) return undefined;
      const known = this.context.catalogue.recipientOfHost(call.host);
      if (known?.internal) return undefined;
      return { ...base, kind: 'http', recipient: known?.id ?? 'external-host', label: known?.label ?? 'an external host', thirdParty: true, host: call.host };
    }
    return { ...base, kind: definition.kind, recipient: definition.id, label: definition.label, thirdParty: this.context.catalogue.isThirdParty(definition) };
  }

  /** A field read is worth tracing when some personal field has its name, or the name itself is personal. */
  private worthResolving(name: string, whole: boolean): boolean {
    if (whole || this.context.index.hasPersonalField(name)) return true;
    const term = analyseName(name).term;
    return term !== undefined && (term.term.strength === 'direct' || term.term.strength === 'secret');
  }

  private flowsAt(call: SinkCall): DataFlow[] {
    const flows: DataFlow[] = [];
    const seen = new Set<string>();
    const enclosing = enclosingFunction(call.node);
    const purposes = enclosing ? purposesOf(enclosing.fn, this.sourceFile, this.functionTags).purposes : [];
    const callRange = { start: call.node.getStart(this.sourceFile), end: call.node.getEnd() };
    for (const arg of call.args) {
      const sink = this.sinkRef(call, arg.role);
      if (!sink) continue;
      for (const ref of this.values.collect(arg.node)) {
        if (!this.worthResolving(ref.name, ref.whole)) continue;
        for (const value of this.resolver.resolve(ref)) {
          const key = `${value.element?.id ?? value.valueName}\u0000${sink.kind}`;
          if (seen.has(key)) continue;
          seen.add(key);
          flows.push(this.flow(value, sink, ref.node, callRange, enclosing ? { name: enclosing.name, purposes } : undefined));
        }
      }
    }
    return flows;
  }

  private flow(value: ResolvedValue, sink: SinkRef, node: ts.Node, callRange: DataFlow['callRange'], enclosing: DataFlow['enclosing']): DataFlow {
    return {
      ...(value.element ? { element: value.element } : {}),
      valueName: value.valueName,
      categories: value.categories,
      sink,
      file: this.file,
      range: { start: node.getStart(this.sourceFile), end: node.getEnd() },
      callRange,
      path: [...value.path, sink.callee],
      resolution: value.resolution,
      wholeRecord: value.wholeRecord,
      ...(enclosing ? { enclosing } : {}),
    };
  }

  private purposeReadsIn(fn: FunctionLike, name: string): PurposeRead[] {
    const { purposes, tag } = purposesOf(fn, this.sourceFile, this.functionTags);
    if (!tag || purposes.length === 0 || !fn.body) return [];
    const reads: PurposeRead[] = [];
    const seen = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (compiler.isPropertyAccessExpression(node) && !isAssignmentTarget(node)) {
        const element = this.resolver.fieldRead(node);
        if (element?.classification.personal && !seen.has(element.id)) {
          seen.add(element.id);
          reads.push({ element, function: name, purposes, tag, range: { start: node.name.getStart(this.sourceFile), end: node.getEnd() } });
        }
      }
      compiler.forEachChild(node, visit);
    };
    visit(fn.body);
    return reads;
  }

  /** Whether some value could only be traced with the type checker (asked for, given or not). */
  get neededTypes(): boolean {
    return this.asked;
  }

  analyse(): FileFlows {
    const flows: DataFlow[] = [];
    const purposeReads: PurposeRead[] = [];
    const collectionPoints: CollectionPoint[] = [];
    const hasPurposeTags = this.functionTags.some((t) => t.name === 'purpose');
    const visit = (node: ts.Node): void => {
      const point = this.points.at(node);
      if (point) collectionPoints.push(point);
      if (compiler.isCallExpression(node) || compiler.isNewExpression(node)) {
        const sink = this.finder.callSink(node);
        if (sink) flows.push(...this.flowsAt(sink));
      } else if (isWritingAssignment(node)) {
        const sink = this.finder.assignmentSink(node);
        if (sink) flows.push(...this.flowsAt(sink));
      } else if (hasPurposeTags && isFunctionLike(node)) {
        const name = functionNameOf(node);
        if (name) purposeReads.push(...this.purposeReadsIn(node, name));
      }
      compiler.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    return { flows, purposeReads, collectionPoints };
  }
}
