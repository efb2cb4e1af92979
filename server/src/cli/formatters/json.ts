// The versioned JSON report (contract version 1): personal-data elements, their flows into sinks,
// collection points, findings and a summary; with --diff, only what the change introduces and a
// review block.
// Later versions may add fields; they never remove or rename one.
import type { CollectionPoint, DataElement, DataFlow, Taxonomy } from '../../../../rules/api';
import type { Coverage, Finding, ScanResult } from '../../engine';
import { summariseFlows, summariseInventory } from '../../engine/inventory';
import { LineIndex } from '../../engine/text/line-index';

function elementJson(element: DataElement, lines: LineIndex, taxonomy: Taxonomy): Record<string, unknown> {
  const start = lines.positionAt(element.nameRange.start);
  const { classification, declared } = element;
  return {
    id: element.id,
    file: element.file,
    line: start.line,
    column: start.column,
    container: element.container,
    field: element.field,
    form: element.form,
    categories: classification.categories,
    special: classification.categories.some((c) => taxonomy.isSpecial(c) || taxonomy.isCriminal(c)),
    confidence: classification.confidence,
    evidence: classification.evidence.map((e) => e.detail),
    declared: {
      purposes: declared.purposes.map((p) => p.value),
      retention: declared.retention?.value ?? null,
      basis: declared.basis ? declared.basis.value.join(', ') : null,
      subject: declared.subject?.value ?? null,
      source: declared.source?.value ?? null,
    },
  };
}

function findingJson(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fingerprint: finding.fingerprint,
    ...(finding.category ? { category: finding.category } : {}),
    ...(finding.elementId ? { elementId: finding.elementId } : {}),
    fixable: finding.fix !== undefined,
    suggestions: finding.suggestions.map((s) => s.title),
  };
}

function flowJson(flow: DataFlow, lines: LineIndex): Record<string, unknown> {
  const at = lines.positionAt(flow.range.start);
  const { sink } = flow;
  return {
    from: flow.element?.id ?? null,
    value: flow.valueName,
    categories: flow.categories,
    sink: { kind: sink.kind, recipient: sink.recipient, label: sink.label, callee: sink.callee, thirdParty: sink.thirdParty, ...(sink.module ? { module: sink.module } : {}) },
    file: flow.file,
    line: at.line,
    column: at.column,
    path: flow.path,
    resolution: flow.resolution,
    wholeRecord: flow.wholeRecord,
    ...(flow.enclosing ? { function: flow.enclosing.name, purposes: flow.enclosing.purposes } : {}),
  };
}

function collectionPointJson(point: CollectionPoint): Record<string, unknown> {
  return { id: point.id, kind: point.kind, ...(point.method ? { method: point.method } : {}), handler: point.handler, file: point.file, line: point.line, elements: point.elementIds, fields: point.fieldNames };
}

/** What a diff scan compared, for the report's `review` block. */
export interface ReviewJson {
  readonly base: string;
  readonly mergeBase: string;
  readonly changedFiles: readonly string[];
  readonly removedElements: readonly string[];
  readonly coverageBefore: Coverage;
  readonly coverageAfter: Coverage;
  /** Findings a baseline accepted. */
  readonly baselined: number;
}

export function formatJson(result: ScanResult, taxonomy: Taxonomy, review?: ReviewJson): string {
  const elements: Record<string, unknown>[] = [];
  const flows: Record<string, unknown>[] = [];
  for (const source of result.sources) {
    const personal = source.model.elements.filter((e) => e.classification.personal);
    const fileFlows = source.flows?.flows ?? [];
    if (personal.length === 0 && fileFlows.length === 0) continue;
    const lines = new LineIndex(source.text);
    for (const element of personal) elements.push(elementJson(element, lines, taxonomy));
    for (const flow of fileFlows) flows.push(flowJson(flow, lines));
  }
  const flowSummary = summariseFlows(result.flows, result.collectionPoints);
  const inventory = summariseInventory(result.elements);
  const count = (severity: Finding['severity']): number => result.findings.filter((f) => f.severity === severity).length;
  const report = {
    version: 1,
    root: result.root,
    elements,
    flows,
    collectionPoints: result.collectionPoints.map(collectionPointJson),
    findings: result.findings.map(findingJson),
    summary: {
      files: result.stats.files,
      elements: elements.length,
      findings: result.findings.length,
      durationMs: result.stats.durationMs,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      analysedFiles: result.stats.analysed,
      skippedFiles: result.stats.skipped,
      suppressed: result.stats.suppressed,
      coverage: {
        purpose: inventory.personalFields === 0 ? 1 : Number((inventory.withPurpose / inventory.personalFields).toFixed(3)),
        retention: inventory.personalFields === 0 ? 1 : Number((inventory.withRetention / inventory.personalFields).toFixed(3)),
      },
      byCategory: inventory.byCategory,
      flows: flowSummary.flows,
      flowsByKind: flowSummary.byKind,
      recipients: flowSummary.recipients.map((r) => ({ recipient: r.recipient, label: r.label, kind: r.kind, fields: r.fields })),
      collectionPoints: flowSummary.collectionPoints,
    },
    ...(review ? { review } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
