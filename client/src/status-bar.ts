// The status bar item: how many personal fields lack a purpose or retention, a spinner while the
// workspace is read, and a click that opens the inventory view.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('privacySteward.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Privacy Steward';
    this.item.command = 'privacySteward.showInventory';
    this.update({ state: 'loading', personal: 0, undeclared: 0 });
    this.item.show();
  }

  update(status: StatusParams): void {
    switch (status.state) {
      case 'loading':
        this.item.text = '$(sync~spin) Privacy';
        this.item.tooltip = 'Privacy Steward is reading the workspace';
        this.item.backgroundColor = undefined;
        return;
      case 'error':
        this.item.text = '$(error) Privacy';
        this.item.tooltip = status.message ?? 'Privacy Steward failed; see its log';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        return;
      case 'disabled':
        this.item.text = '$(circle-slash) Privacy';
        this.item.tooltip = 'Privacy Steward is disabled (privacySteward.enable)';
        this.item.backgroundColor = undefined;
        return;
      default:
        this.item.text = status.undeclared > 0 ? `$(shield) ${status.undeclared} undeclared` : '$(shield) declared';
        this.item.tooltip = `${status.personal} personal-data fields, ${status.undeclared} without a purpose or retention. Click for the inventory.`;
        this.item.backgroundColor = status.undeclared > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
