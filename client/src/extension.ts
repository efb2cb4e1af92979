// The VS Code extension: starts the language server and wires the commands, the "Personal data"
// view, the privacy impact assessment panel and the status bar to it. Nothing from the workspace runs, so untrusted workspaces are fine.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { InventoryView } from './inventory-view';
import { PiaPanel } from './pia-panel';
import { createLanguageClient } from './language-client';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** What activate() returns: the running pieces, for the extension's own tests. */
export interface PrivacyStewardApi {
  readonly client: LanguageClient;
  readonly inventory: InventoryView;
  readonly pia: PiaPanel;
  readonly status: () => StatusParams | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PrivacyStewardApi | undefined> {
  const output = vscode.window.createOutputChannel('Privacy Steward', { log: true });
  context.subscriptions.push(output);
  if (!vscode.workspace.getConfiguration('privacySteward').get<boolean>('enable', true)) {
    output.info('disabled by privacySteward.enable');
    return undefined;
  }
  client = createLanguageClient(context, output);
  const inventory = new InventoryView(client);
  const statusBar = new StatusBar();
  let lastStatus: StatusParams | undefined;
  context.subscriptions.push(statusBar, vscode.window.registerTreeDataProvider('privacySteward.inventory', inventory));
  const pia = new PiaPanel(client);
  registerCommands(context, client, inventory, pia, output);
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      lastStatus = status;
      statusBar.update(status);
      if (status.state === 'ready') void inventory.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('privacySteward.enable')) void vscode.window.showInformationMessage('Reload the window to apply privacySteward.enable.');
    }),
  );
  await client.start();
  return { client, inventory, pia, status: () => lastStatus };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
