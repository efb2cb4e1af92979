// The "Personal data" view: categories, then fields with their location, declared and undeclared
// fields shown differently, and the third parties receiving personal data; a click reveals the code.
// Fed by the server's privacySteward/inventory.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, type InventoryCategory, type InventoryItem, type InventoryRecipient, type InventoryResult, type RecipientFlow } from '../../server/src/lsp/protocol';

type Node =
  | { readonly kind: 'category'; readonly category: InventoryCategory }
  | { readonly kind: 'item'; readonly item: InventoryItem }
  | { readonly kind: 'recipients' }
  | { readonly kind: 'recipient'; readonly recipient: InventoryRecipient }
  | { readonly kind: 'flow'; readonly flow: RecipientFlow };

export class InventoryView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: InventoryResult = { ready: false, categories: [], recipients: [], personal: 0, undeclared: 0 };

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
    if (!node) {
      const categories: Node[] = this.result.categories.map((category) => ({ kind: 'category', category }));
      return this.result.recipients.length > 0 ? [...categories, { kind: 'recipients' }] : categories;
    }
    if (node.kind === 'category') return node.category.items.map((item) => ({ kind: 'item', item }));
    if (node.kind === 'recipients') return this.result.recipients.map((recipient) => ({ kind: 'recipient', recipient }));
    if (node.kind === 'recipient') return node.recipient.flows.map((flow) => ({ kind: 'flow', flow }));
    return [];
  }

  private reveal(item: vscode.TreeItem, uri: vscode.Uri, range: InventoryItem['range']): void {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    item.command = { command: 'vscode.open', title: 'Reveal', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'recipients') {
      const item = new vscode.TreeItem('Recipients', vscode.TreeItemCollapsibleState.Collapsed);
      const open = this.result.recipients.filter((r) => !r.declared).length;
      item.description = `${this.result.recipients.length} third part${this.result.recipients.length === 1 ? 'y' : 'ies'}${open > 0 ? `, ${open} undeclared` : ''}`;
      item.iconPath = new vscode.ThemeIcon('globe');
      item.contextValue = 'recipients';
      return item;
    }
    if (node.kind === 'recipient') {
      const { recipient } = node;
      const item = new vscode.TreeItem(recipient.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${recipient.kind} · ${recipient.flows.length} flow${recipient.flows.length === 1 ? '' : 's'}${recipient.declared ? '' : ', not declared'}`;
      item.iconPath = recipient.declared ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.contextValue = recipient.declared ? 'declared-recipient' : 'undeclared-recipient';
      return item;
    }
    if (node.kind === 'flow') {
      const { flow } = node;
      const uri = vscode.Uri.parse(flow.uri);
      const item = new vscode.TreeItem(flow.value, vscode.TreeItemCollapsibleState.None);
      item.description = `${flow.callee} · ${vscode.workspace.asRelativePath(uri)}:${flow.range.start.line + 1}`;
      item.iconPath = new vscode.ThemeIcon('arrow-right');
      this.reveal(item, uri, flow.range);
      return item;
    }
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
    this.reveal(item, uri, field.range);
    return item;
  }
}
