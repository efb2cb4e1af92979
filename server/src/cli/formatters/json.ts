// The versioned JSON report (contract version 1): personal-data elements, findings and a summary.
// Later versions may add fields; they never remove or rename one.
import type { DataElement, Taxonomy } from '../../../../rules/api';
import type { Finding, ScanResult } from '../../engine';
import { summariseInventory } from '../../engine/inventory';
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

export function formatJson(result: ScanResult, taxonomy: Taxonomy): string {
  const elements: Record<string, unknown>[] = [];
  for (const source of result.sources) {
    const personal = source.model.elements.filter((e) => e.classification.personal);
    if (personal.length === 0) continue;
    const lines = new LineIndex(source.text);
    for (const element of personal) elements.push(elementJson(element, lines, taxonomy));
  }
  const inventory = summariseInventory(result.elements);
  const count = (severity: Finding['severity']): number => result.findings.filter((f) => f.severity === severity).length;
  const report = {
    version: 1,
    root: result.root,
    elements,
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
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
