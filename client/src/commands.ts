// The commands of the "Privacy Steward" category, and the snippet command the server's code actions
// name (to place the cursor on the reason of @notPersonal or of an ignore comment).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { APPLY_SNIPPET_COMMAND, OPEN_PIA_COMMAND, SERVER_COMMANDS, type SnippetArguments } from '../../server/src/lsp/protocol';
import type { InventoryView } from './inventory-view';
import type { PiaPanel } from './pia-panel';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, inventory: InventoryView, pia: PiaPanel, output: vscode.LogOutputChannel): void {
  const register = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register('privacySteward.scanWorkspace', async () => {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Privacy Steward: scanning the workspace' }, () =>
      client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.scanWorkspace, arguments: [] }),
    );
    await inventory.refresh();
    const counts = result as { personal: number; undeclared: number } | null;
    if (counts) void vscode.window.showInformationMessage(`Privacy Steward: ${counts.personal} personal-data fields, ${counts.undeclared} without a purpose or retention.`);
    return counts;
  });

  register('privacySteward.createManifest', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage('Open a folder first: privacy.manifest.json goes at the root of the workspace.');
      return undefined;
    }
    const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.createManifest, arguments: [folder.uri.fsPath] })) as { created: boolean; uri: string } | null;
    if (result) await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
    return result;
  });

  register('privacySteward.showInventory', async () => {
    await inventory.refresh();
    await vscode.commands.executeCommand('privacySteward.inventory.focus');
  });

  register('privacySteward.refreshInventory', () => inventory.refresh());

  // From the command palette, or from a code lens above a record (then scrolled to that record).
  register(OPEN_PIA_COMMAND, (target?: { root?: string; record?: string }) => pia.show(target?.root, target?.record));

  register('privacySteward.showLog', () => output.show(true));

  register(APPLY_SNIPPET_COMMAND, async (args: SnippetArguments) => {
    const uri = vscode.Uri.parse(args.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ?? (await vscode.window.showTextDocument(uri));
    if (editor.document.version !== args.version) {
      void vscode.window.showWarningMessage('The document changed; run the quick fix again.');
      return false;
    }
    const range = new vscode.Range(args.range.start.line, args.range.start.character, args.range.end.line, args.range.end.character);
    return editor.insertSnippet(new vscode.SnippetString(args.snippet), range);
  });
}
