// What the flow rules share: one finding per value at a sink (a whole record's fields together),
// how a value and its path read in a message, and the redact fix that wraps the value in the
// project's redaction helper (manifest flows.redactor), importing it when the file does not.
import type { DataFlow, FixProposal, RuleContext, TextEdit } from '../api';

/** The flows of one value at one sink: one field, or every personal field of a whole record. */
export interface FlowGroup {
  readonly flows: readonly DataFlow[];
  readonly first: DataFlow;
}

/** Groups a file's flows by value and sink, keeping the order they were found in. */
export class FlowGroups {
  private readonly groups = new Map<string, DataFlow[]>();

  add(flow: DataFlow): void {
    const key = `${flow.callRange.start}:${flow.range.start}:${flow.range.end}:${flow.sink.kind}`;
    const list = this.groups.get(key);
    if (list) list.push(flow);
    else this.groups.set(key, [flow]);
  }

  *entries(): Generator<FlowGroup> {
    for (const flows of this.groups.values()) yield { flows, first: flows[0] as DataFlow };
  }
}

const MAX_LISTED = 3;

/** `Customer.email`, or `customer (Customer: email, phone and 2 more)` for a whole record. */
export function describeValue(group: FlowGroup): string {
  const { first } = group;
  if (first.resolution === 'name' && first.element) return `${first.valueName} (by its name, ${first.element.id})`;
  if (!first.wholeRecord || !first.element) return first.element?.id ?? first.valueName;
  const fields = group.flows.map((f) => f.element?.field ?? f.valueName);
  const listed = fields.slice(0, MAX_LISTED).join(', ');
  const more = fields.length > MAX_LISTED ? ` and ${fields.length - MAX_LISTED} more` : '';
  return `${first.valueName} (${first.element.container}: ${listed}${more})`;
}

export function categoriesOf(group: FlowGroup): string {
  return [...new Set(group.flows.flatMap((f) => f.categories.slice(0, 1)))].join(', ');
}

/** `Customer.email → contact → logger.info`; a whole record starts at its type. */
export function pathOf(group: FlowGroup): string {
  const { first } = group;
  const path = first.wholeRecord && first.element ? [first.element.container, ...first.path.slice(1)] : first.path;
  return path.join(' → ');
}

/** Whether a flow carries more than record ids (an id is what belongs in a URL path or in storage). */
export function carriesMoreThanIds(flow: DataFlow): boolean {
  return flow.categories.some((c) => c !== 'identifier.internal_id');
}

/** Reports each group once, at its first flow, with the data the flow messages share. */
export function reportGroups<M extends string>(context: RuleContext<M>, groups: FlowGroups, messageId: M): void {
  for (const group of groups.entries()) {
    const { first } = group;
    context.report({
      at: first.range,
      ...(first.element ? { element: first.element } : {}),
      messageId,
      data: { value: describeValue(group), category: categoriesOf(group), sink: first.sink.label, callee: first.sink.callee, path: pathOf(group) },
    });
  }
}

/** Where a new import goes: after the last import line, else at the top. */
function importInsertion(text: string): number {
  const pattern = /^import\s[^;]*?from\s+['"][^'"]+['"];?[ \t]*(\r?\n)?/gm;
  let end = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) end = match.index + match[0].length;
  return end;
}

/** "Redact with redact()": wraps the value at the sink; undefined when no redactor is configured. */
export function redactSuggestion(context: RuleContext<string>, flow: DataFlow): FixProposal | undefined {
  const redactor = context.manifest.flows.redactor;
  if (!redactor) return undefined;
  const { text } = context.file;
  const value = text.slice(flow.range.start, flow.range.end);
  const edits: TextEdit[] = [{ start: flow.range.start, end: flow.range.end, newText: `${redactor.name}(${value})` }];
  const imported = new RegExp(`\\b(import|require)\\b[^;\\n]*\\b${redactor.name}\\b`).test(text);
  const declared = new RegExp(`\\b(function|const|let|var)\\s+${redactor.name}\\b`).test(text);
  if (redactor.import && !imported && !declared) {
    const at = importInsertion(text);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const line = `import { ${redactor.name} } from '${redactor.import}';${eol}`;
    edits.unshift({ start: at, end: at, newText: at > 0 && !/\n$/.test(text.slice(0, at)) ? `${eol}${line}` : line });
  }
  return { title: `Redact with ${redactor.name}()`, edits };
}
