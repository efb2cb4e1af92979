// Runs the rules over one file's data model: one pass over containers, elements and tags, each rule
// isolated so that a crash becomes one internal-error finding instead of hiding the other rules.
import type { DataElement, ResolvedManifest, RuleContext, RuleModule, RuleVisitors, Severity, Taxonomy, WorkspaceView } from '../../../rules/api';
import type { FileModel } from './data-model';
import { type FileFlows, NO_FLOWS } from './flows';
import { type Finding, FindingFactory, type Fix, renderMessage } from './findings';
import type { Logger } from './logger';
import type { Suppression } from './model';
import type { LineIndex } from './text/line-index';

export interface RuleRun {
  readonly model: FileModel;
  readonly text: string;
  readonly lines: LineIndex;
  readonly manifest: ResolvedManifest;
  readonly taxonomy: Taxonomy;
  readonly rules: readonly RuleModule[];
  /** The effective severity of a rule, or `off`. */
  readonly severityOf: (rule: RuleModule) => Severity | 'off';
  readonly logger: Logger;
  readonly factory: FindingFactory;
  readonly workspace: WorkspaceView;
  /** The file's flows, purpose reads and collection points (none when flows are not analysed). */
  readonly flows?: FileFlows;
}

/** A rule that broke its own contract (unknown message id, undeclared safe fix). */
class RuleContractError extends Error {}

export function runRules(run: RuleRun): Finding[] {
  const findings: Finding[] = [];
  const language = run.model.language;
  for (const rule of run.rules) {
    const severity = run.severityOf(rule);
    if (severity === 'off') continue;
    const produced: Finding[] = [];
    const context: RuleContext<string> = {
      file: { path: run.model.path, text: run.text, language },
      manifest: run.manifest,
      taxonomy: run.taxonomy,
      workspace: run.workspace,
      report(report) {
        const template = rule.meta.messages[report.messageId];
        if (template === undefined) throw new RuleContractError(`unknown message id ${report.messageId}`);
        if (report.fix && rule.meta.fixable !== 'safe') throw new RuleContractError('reported a safe fix without meta.fixable = safe');
        const fix: Fix | undefined = report.fix ? { title: report.fix.title, safety: 'safe', edits: report.fix.edits } : undefined;
        const suggestions: Fix[] = (report.suggestions ?? []).map((s) => ({ title: s.title, safety: 'suggestion', edits: s.edits }));
        const category = report.category ?? report.element?.classification.categories[0];
        produced.push(
          run.factory.create({
            ruleId: rule.meta.id,
            severity,
            messageId: report.messageId,
            message: renderMessage(template, report.data),
            file: run.model.path,
            range: report.at,
            ...(category ? { category } : {}),
            ...(report.element ? { elementId: report.element.id } : {}),
            ...(fix ? { fix } : {}),
            suggestions,
          }),
        );
      },
    };
    try {
      const visitors: RuleVisitors = rule.create(context);
      if (visitors.container) for (const container of run.model.containers) visitors.container(container);
      if (visitors.element) for (const element of run.model.elements) visitors.element(element);
      if (visitors.tag) for (const tag of run.model.tags) visitors.tag(tag);
      const flows = run.flows ?? NO_FLOWS;
      if (visitors.flow) for (const flow of flows.flows) visitors.flow(flow);
      if (visitors.purposeRead) for (const read of flows.purposeReads) visitors.purposeRead(read);
      visitors.fileEnd?.();
      findings.push(...produced);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      run.logger.error(`rule ${rule.meta.id} failed on ${run.model.path}: ${error instanceof Error ? (error.stack ?? error.message) : name}`);
      findings.push(
        run.factory.create({
          ruleId: 'internal-error',
          severity: 'error',
          message: `Rule ${rule.meta.id} failed on this file (${name}), so its findings here are missing; the log has the details. Please report it.`,
          file: run.model.path,
          range: { start: 0, end: 0 },
        }),
      );
    }
  }
  return findings;
}

/**
 * Lines on which a `privacy-steward-ignore` comment silences a finding: the line above the finding,
 * above the element's declaration (decorators included) and above its doc comment.
 */
function candidateLines(finding: Finding, element: DataElement | undefined, lines: LineIndex): number[] {
  const candidates = [finding.line - 1];
  if (element) {
    candidates.push(lines.positionAt(element.range.start).line - 1);
    if (element.doc.comment) candidates.push(lines.positionAt(element.doc.comment.start).line - 1);
  }
  return candidates;
}

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], model: FileModel, lines: LineIndex): { kept: Finding[]; suppressed: number } {
  if (suppressions.length === 0) return { kept: [...findings], suppressed: 0 };
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    const element = finding.elementId ? elements.get(finding.elementId) : undefined;
    const lineSet = new Set(candidateLines(finding, element, lines));
    const silenced = suppressions.some((s) => lineSet.has(s.line) && s.rules.includes(finding.ruleId));
    if (silenced) suppressed++;
    else kept.push(finding);
  }
  return { kept, suppressed };
}
