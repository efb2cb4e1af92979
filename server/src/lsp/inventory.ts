// The personal-data inventory for the editor's view and status bar: every personal field of the
// workspace by category, with its location and whether a purpose and retention are declared.
import type { DataElement } from '../../../rules/api';
import { needsDeclarations } from '../../../rules/lib/declarations';
import { LineIndex } from '../engine';
import type { InventoryCategory, InventoryItem, InventoryResult, StatusParams } from './protocol';
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
  const categories: InventoryCategory[] = [...byCategory.entries()]
    .map(([category, items]) => ({ category, label: labels.get(category) ?? category, items: items.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line)) }))
    .sort((a, b) => b.items.length - a.items.length || (a.category < b.category ? -1 : 1));
  return { ready, categories, personal, undeclared };
}

export function statusOf(inventory: InventoryResult): StatusParams {
  return { state: inventory.ready ? 'ready' : 'loading', personal: inventory.personal, undeclared: inventory.undeclared };
}
