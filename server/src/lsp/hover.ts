// Hover text in plain words: on a field, whether it holds personal data, of which categories, how
// sure the classifier is and why, what is declared and where its data flows; on a tag's value, what
// the manifest says of it.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { DataElement, DataFlow, DocTag, ResolvedManifest, Taxonomy } from '../../../rules/api';
import { listEntries } from '../../../rules/lib/doc-edits';
import type { FileModel } from '../engine/data-model';

function within(offset: number, range: { start: number; end: number }): boolean {
  return offset >= range.start && offset <= range.end;
}

function describeElement(element: DataElement, taxonomy: Taxonomy): string {
  const { classification, declared } = element;
  const lines: string[] = [];
  if (classification.personal) {
    const categories = classification.categories.map((c) => `\`${c}\` (${taxonomy.get(c)?.label ?? c})`).join(', ');
    lines.push(`**${element.id}** holds personal data: ${categories}; confidence ${classification.confidence.toFixed(2)}.`);
  } else {
    lines.push(`**${element.id}** is not personal data (confidence ${classification.confidence.toFixed(2)}).`);
  }
  if (classification.evidence.length > 0) {
    lines.push('', 'Why:', ...classification.evidence.map((e) => `- ${e.detail}`));
  }
  if (classification.personal) {
    const inherited = (d: { inherited: boolean } | undefined): string => (d?.inherited ? ' (from the type)' : '');
    const purposes = declared.purposes.length > 0 ? declared.purposes.map((p) => `\`${p.value}\``).join(', ') + inherited(declared.purposes[0]) : 'none';
    lines.push(
      '',
      'Declared:',
      `- purpose: ${purposes}`,
      `- retention: ${declared.retention ? `\`${declared.retention.value}\`${inherited(declared.retention)}` : 'none'}`,
      `- basis: ${declared.basis ? `\`${declared.basis.value.join(', ')}\`${inherited(declared.basis)}` : 'none'}`,
    );
    if (declared.source) lines.push(`- source: \`${declared.source.value}\``);
    if (declared.subject) lines.push(`- subject: \`${declared.subject.value}\``);
  }
  return lines.join('\n');
}

/** What the manifest says about one entry of a tag's value. */
function describeTagValue(tag: DocTag, value: string, manifest: ResolvedManifest, taxonomy: Taxonomy): string | undefined {
  switch (tag.name) {
    case 'purpose': {
      const purpose = manifest.purposes[value];
      if (!purpose) return `Purpose \`${value}\` is not declared in the manifest.`;
      const bases = purpose.bases && purpose.bases.length > 0 ? ` Lawful bases: ${purpose.bases.join(', ')}.` : '';
      return `**${value}**: ${purpose.label}.${bases}${purpose.consentKey ? ` Needs consent \`${purpose.consentKey}\`.` : ''}${purpose.description ? `\n\n${purpose.description}` : ''}`;
    }
    case 'retention': {
      const policyId = /^policy:(.+)$/.exec(tag.value.trim())?.[1];
      if (!policyId) return undefined;
      const policy = manifest.retentionPolicies[policyId];
      return policy ? `**policy:${policyId}**: ${policy.label ?? ''} — keeps data \`${policy.retention}\`${policy.disposal ? `, then ${policy.disposal}s it` : ''}.` : `Policy \`${policyId}\` is not declared in the manifest.`;
    }
    case 'personal': {
      const info = taxonomy.get(value);
      return info ? `**${value}**: ${info.label} — ${info.description}.${info.legal === 'special' ? ' A special category (GDPR Art. 9).' : info.legal === 'criminal' ? ' Criminal-offence data (GDPR Art. 10).' : ''}` : undefined;
    }
    default:
      return undefined;
  }
}

/** A flow as one hover line: where the value goes and where in the code. */
export interface FlowLine {
  readonly flow: DataFlow;
  /** `src/services/signup.ts:12` */
  readonly location: string;
}

const MAX_FLOW_LINES = 6;

function describeFlows(flows: readonly FlowLine[]): string[] {
  if (flows.length === 0) return [];
  const lines = ['', 'Flows to:'];
  for (const { flow, location } of flows.slice(0, MAX_FLOW_LINES)) {
    const via = flow.path.length > 2 ? ` via ${flow.path.slice(1, -1).join(' → ')}` : '';
    lines.push(`- ${flow.sink.label} (${flow.sink.kind}) by \`${flow.sink.callee}\`${via}, ${location}${flow.resolution === 'name' ? ' (matched by name)' : ''}`);
  }
  if (flows.length > MAX_FLOW_LINES) lines.push(`- and ${flows.length - MAX_FLOW_LINES} more`);
  return lines;
}

/** The hover of a field or a tag value; `flowsOf` gives where a field's data goes in the workspace. */
export function hoverAt(model: FileModel | undefined, offset: number, manifest: ResolvedManifest, taxonomy: Taxonomy, flowsOf: (element: DataElement) => readonly FlowLine[] = () => []): Hover | undefined {
  if (!model) return undefined;
  for (const tag of model.tags) {
    if (!within(offset, tag.valueRange)) continue;
    const entry = listEntries(tag.value, tag.valueRange).find((e) => within(offset, e.range));
    const text = describeTagValue(tag, entry?.value ?? tag.value, manifest, taxonomy);
    if (text) return { contents: { kind: 'markdown', value: text } satisfies MarkupContent };
  }
  const element = model.elements.find((e) => within(offset, e.nameRange));
  if (!element) return undefined;
  const text = [describeElement(element, taxonomy), ...describeFlows(flowsOf(element))].join('\n');
  return { contents: { kind: 'markdown', value: text } };
}
