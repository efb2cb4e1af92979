// The packaged extension in a real VS Code extension host, on a copy of the demo workspace: it
// activates, diagnostics appear, a quick fix applies, hover explains a field, the inventory view
// has entries; the last step has the run's screenshot taken with the Problems panel open.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PrivacyStewardApi } from '../../../client/src/extension';

const ID = 'privacy-steward.privacy-steward';
/** Must equal SCREENSHOT_MARKER in code-server-host.ts (not imported: that module runs the shim). */
const SCREENSHOT_MARKER = '[[privacy-steward:screenshot]]';

async function waitFor<T>(what: string, read: () => T | undefined | Promise<T | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function fileUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the demo workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'privacy-steward');

describe('Privacy Steward in VS Code', () => {
  let api: PrivacyStewardApi;
  const dto = (): vscode.Uri => fileUri('src/dto/create-customer.dto.ts');

  it('activates on the demo workspace', async () => {
    console.log(`[e2e] VS Code ${vscode.version}, extension host on Node ${process.version}`);
    const extension = vscode.extensions.getExtension<PrivacyStewardApi>(ID);
    assert.ok(extension, `${ID} is installed`);
    api = (await extension.activate()) as PrivacyStewardApi;
    assert.ok(api?.client, 'the language client started');
    await waitFor('the workspace pass', () => (api.status()?.state === 'ready' ? true : undefined));
  });

  it('shows diagnostics for personal data without declarations', async () => {
    const document = await vscode.workspace.openTextDocument(dto());
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('diagnostics', () => (ours(document.uri).length > 0 ? ours(document.uri) : undefined));
    const first = diagnostics.find((d) => d.code === 'missing-purpose');
    assert.ok(first, 'a missing-purpose diagnostic');
    assert.equal(document.getText(first.range), 'firstName');
    assert.match(first.message, /^CreateCustomerDto\.firstName holds personal data \(name\) collected by POST CustomersController\.create \(src\/api\/customers\.controller\.ts:9\) but declares no @purpose/);
  });

  it('applies a quick fix from the code action provider', async () => {
    const document = await vscode.workspace.openTextDocument(dto());
    const before = ours(document.uri);
    const target = before.find((d) => d.code === 'missing-purpose' && document.getText(d.range) === 'firstName');
    assert.ok(target);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, target.range);
    const declare = actions.find((a) => a.title === 'Declare purpose: account.management');
    assert.ok(declare?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(declare.edit));
    assert.match(document.getText(), /\/\*\* @purpose account\.management \*\/\n {2}@IsString\(\)\n {2}firstName!: string;/);
    await waitFor('the diagnostic to go', () => (ours(document.uri).some((d) => d.code === 'missing-purpose' && document.getText(d.range) === 'firstName') ? undefined : true));
  });

  it('explains a field on hover', async () => {
    const document = await vscode.workspace.openTextDocument(dto());
    const offset = document.getText().indexOf('lastName!');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*CreateCustomerDto\.lastName\*\* holds personal data: `name`/);
    assert.match(text, /reads as last name/);
  });

  it('fills the Personal data view with the workspace inventory', async () => {
    const inventory = await api.inventory.refresh();
    assert.ok(inventory.personal >= 40, `personal fields: ${inventory.personal}`);
    const categories = api.inventory.getChildren();
    assert.ok(categories.length >= 10);
    const health = categories.find((node) => node.kind === 'category' && node.category.category === 'special.health');
    assert.ok(health, 'a special.health category');
    const items = api.inventory.getChildren(health);
    assert.ok(items.some((node) => node.kind === 'item' && node.item.id === 'HealthProfile.allergies' && node.item.declared));
    // The third parties that receive personal data, declared (Segment) or not (Sentry).
    const recipientsNode = categories.find((node) => node.kind === 'recipients');
    assert.ok(recipientsNode, 'a Recipients node');
    const recipients = api.inventory.getChildren(recipientsNode);
    const labels = recipients.map((node) => (node.kind === 'recipient' ? `${node.recipient.label}${node.recipient.declared ? '' : ' (not declared)'}` : '?'));
    assert.deepEqual(labels.sort(), ['Segment', 'Sentry (not declared)']);
    const sentry = recipients.find((node) => node.kind === 'recipient' && node.recipient.recipient === 'sentry');
    assert.ok(sentry && api.inventory.getChildren(sentry).some((node) => node.kind === 'flow' && node.flow.value === 'Customer.email'));
    await vscode.commands.executeCommand('privacySteward.showInventory');
  });

  it('reports a flow of personal data into a log in the controller', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('src/api/customers.controller.ts'));
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor('the log finding', () => ours(document.uri).find((d) => d.code === 'personal-data-in-log'));
    assert.equal(document.getText(diagnostic.range), 'dto.contact');
    assert.match(diagnostic.message, /^CreateCustomerDto\.contact \(contact\.email\) is written to the NestJS Logger by logger\.log/);
  });

  it('opens the privacy impact assessment in a webview from a code lens, saves an answer into pia.json (screenshot)', async () => {
    const entity = await vscode.workspace.openTextDocument(fileUri('src/entities/customer.entity.ts'));
    await vscode.window.showTextDocument(entity);
    const lenses = await waitFor('the code lens on Customer', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', entity.uri);
      return found?.some((l) => l.command?.command === 'privacySteward.openPia') ? found : undefined;
    });
    const lens = lenses.find((l) => l.command?.command === 'privacySteward.openPia');
    assert.match(lens?.command?.title ?? '', /^Privacy impact assessment: \d+ personal fields$/);
    await vscode.commands.executeCommand(lens!.command!.command, ...(lens!.command!.arguments ?? []));
    await waitFor('the assessment in the webview', () => (api.pia.html.includes('screening.special-categories') ? true : undefined));
    assert.match(api.pia.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';"/);
    assert.match(api.pia.html, /id="record-Customer"/);
    assert.match(api.pia.html, /<svg id="diagram" class="diagram" role="img" aria-label="Data-flow diagram"/);
    const saved = await api.pia.save([{ id: 'screening.scale', text: 'About 20,000 customers in the EU.' }]);
    assert.ok(saved, 'the server answered the save');
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(fileUri('privacy/pia.json'))).toString('utf8')) as { questions: { id: string; status: string; answer?: { text: string } }[] };
    const scale = json.questions.find((q) => q.id === 'screening.scale');
    assert.deepEqual([scale?.answer?.text, scale?.status], ['About 20,000 customers in the EU.', 'answered']);
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(fileUri('privacy/PIA.md'))).toString('utf8'), /<!-- answer:screening\.scale -->\nAbout 20,000 customers in the EU\.\n<!-- \/answer -->/);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    api.pia.reveal('diagram');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const screenshot = process.env['PRIVACY_STEWARD_SCREENSHOT'];
    if (screenshot) {
      const file = path.join(path.dirname(screenshot), 'pia-webview.png');
      fs.rmSync(file, { force: true });
      // The shim saves <folder>/pia-webview.png when it reads this line.
      console.log('[[privacy-steward:screenshot:pia-webview]]');
      await waitFor('the webview screenshot', () => (fs.existsSync(file) ? true : undefined), 30_000);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows the Problems panel, the Personal data view and the status bar (screenshot)', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('src/schemas/checkout.schema.ts'));
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostics in the checkout schema', () => (ours(document.uri).length > 0 ? true : undefined));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('privacySteward.inventory.focus');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const file = process.env['PRIVACY_STEWARD_SCREENSHOT'];
    if (!file) return;
    fs.rmSync(file, { force: true });
    // The shim takes the screenshot when it reads this line, while the extension still runs.
    console.log(SCREENSHOT_MARKER);
    await waitFor('the screenshot', () => (fs.existsSync(file) ? true : undefined), 30_000);
  });
});
