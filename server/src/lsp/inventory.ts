// The personal-data inventory for the editor's view and status bar: every personal field of the
// workspace by category, with its location and whether a purpose and retention are declared, and the
// third parties that receive personal data.
import type { DataElement } from '../../../rules/api';
import { SinkCatalogue } from '../../../rules/flows/catalogue';
import { needsDeclarations } from '../../../rules/lib/declarations';
import { LineIndex } from '../engine';
import type { InventoryCategory, InventoryItem, InventoryResult, RecipientFlow, StatusParams } from './protocol';
import type { Workspaces } from './workspaces';

function isUndeclared(element: DataElement): boolean {
  return needsDeclarations(element) && (element.declared.purposes.length === 0 || element.declared.retention === undefined);
}

export function buildInventory(workspaces: Workspaces, ready: boolean): InventoryResult {
  const byCategory = new Map<string, InventoryItem[]>();
  let personal = 0;
  let undeclared = 0;
  const labels = new Map<string, string>();
  for (const workspace of workspaces.all()) {
    const lines = new Map<string, LineIndex>();
    for (const element of workspace.elements()) {
      if (!element.classification.personal) continue;
      personal++;
      if (isUndeclared(element)) undeclared++;
      const category = element.classification.categories[0] ?? 'other';
      labels.set(category, workspace.taxonomy.get(category)?.label ?? category);
      let index = lines.get(element.file);
      if (!index) lines.set(element.file, (index = new LineIndex(workspace.textOf(element.file) ?? '')));
      const start = index.positionAt(element.nameRange.start);
      const end = index.positionAt(element.nameRange.end);
      const list = byCategory.get(category) ?? [];
      list.push({
        id: element.id,
        container: element.container,
        field: element.field,
        categories: element.classification.categories,
        uri: workspaces.uriOf(workspace, element.file),
        range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
        purposes: element.declared.purposes.map((p) => p.value),
        retention: element.declared.retention?.value ?? null,
        declared: !isUndeclared(element),
      });
      byCategory.set(category, list);
    }
  }
  const recipients = new Map<string, { recipient: string; label: string; kind: string; declared: boolean; flows: RecipientFlow[] }>();
  for (const workspace of workspaces.all()) {
    const catalogue = new SinkCatalogue(workspace.manifest.recipients);
    const lines = new Map<string, LineIndex>();
    for (const flow of workspace.allFlows()) {
      if (!flow.sink.thirdParty) continue;
      const key = flow.sink.recipient;
      const entry = recipients.get(key) ?? { recipient: key, label: flow.sink.label, kind: flow.sink.kind, declared: catalogue.declaredRecipient(key, flow.sink.module) !== undefined, flows: [] };
      let index = lines.get(flow.file);
      if (!index) lines.set(flow.file, (index = new LineIndex(workspace.textOf(flow.file) ?? '')));
      const start = index.positionAt(flow.range.start);
      const end = index.positionAt(flow.range.end);
      entry.flows.push({
        value: flow.element?.id ?? flow.valueName,
        callee: flow.sink.callee,
        uri: workspaces.uriOf(workspace, flow.file),
        range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
      });
      recipients.set(key, entry);
    }
  }
  const categories: InventoryCategory[] = [...byCategory.entries()]
    .map(([category, items]) => ({ category, label: labels.get(category) ?? category, items: items.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line)) }))
    .sort((a, b) => b.items.length - a.items.length || (a.category < b.category ? -1 : 1));
  const recipientList = [...recipients.values()].sort((a, b) => b.flows.length - a.flows.length || (a.label < b.label ? -1 : 1));
  return { ready, categories, recipients: recipientList, personal, undeclared };
}

export function statusOf(inventory: InventoryResult): StatusParams {
  return { state: inventory.ready ? 'ready' : 'loading', personal: inventory.personal, undeclared: inventory.undeclared };
}
