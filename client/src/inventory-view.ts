// The "Personal data" view: categories, then fields with their location, declared and undeclared
// fields shown differently; a click reveals the field. Fed by the server's privacySteward/inventory.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, type InventoryCategory, type InventoryItem, type InventoryResult } from '../../server/src/lsp/protocol';

type Node = { readonly kind: 'category'; readonly category: InventoryCategory } | { readonly kind: 'item'; readonly item: InventoryItem };

export class InventoryView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: InventoryResult = { ready: false, categories: [], personal: 0, undeclared: 0 };

  constructor(private readonly client: LanguageClient) {}

  /** Asks the server for the inventory again and redraws the view. */
  async refresh(): Promise<InventoryResult> {
    this.result = await this.client.sendRequest<InventoryResult>(INVENTORY_REQUEST, {});
    this.changed.fire(undefined);
    return this.result;
  }

  /** The current inventory (for tests and the status bar). */
  get current(): InventoryResult {
    return this.result;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.result.categories.map((category) => ({ kind: 'category', category }));
    if (node.kind === 'category') return node.category.items.map((item) => ({ kind: 'item', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'category') {
      const { category } = node;
      const open = category.items.filter((i) => !i.declared).length;
      const item = new vscode.TreeItem(category.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${category.category} · ${category.items.length} field${category.items.length === 1 ? '' : 's'}${open > 0 ? `, ${open} undeclared` : ''}`;
      item.iconPath = new vscode.ThemeIcon('symbol-folder');
      item.contextValue = 'category';
      return item;
    }
    const { item: field } = node;
    const uri = vscode.Uri.parse(field.uri);
    const item = new vscode.TreeItem(field.id, vscode.TreeItemCollapsibleState.None);
    item.description = `${vscode.workspace.asRelativePath(uri)}:${field.range.start.line + 1}`;
    item.iconPath = field.declared ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = new vscode.MarkdownString(
      [`**${field.id}**: ${field.categories.join(', ')}`, `purpose: ${field.purposes.length > 0 ? field.purposes.join(', ') : '—'}`, `retention: ${field.retention ?? '—'}`].join('\n\n'),
    );
    item.contextValue = field.declared ? 'declared' : 'undeclared';
    const range = new vscode.Range(field.range.start.line, field.range.start.character, field.range.end.line, field.range.end.character);
    item.command = { command: 'vscode.open', title: 'Reveal', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}
