// The language server over the real protocol: dist/server.js spawned with --stdio, a client that
// pushes or pulls diagnostics, code actions applied as a client would, hover, completion, the
// manifest's own diagnostics, the workspace pass and inventory, and stale results never shown.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { removeWorkspace, workspace } from '../cli/run-cli';
import { code } from '../harness/text';
import { TestClient, uriOf } from './lsp-client';

/** Diagnostic messages may be markup in LSP 3.18; ours are plain strings. */
const messageOf = (d: Diagnostic | undefined): string => (typeof d?.message === 'string' ? d.message : (d?.message.value ?? ''));

const MANIFEST = `${JSON.stringify(
  {
    purposes: { 'account.management': { label: 'Run the account', bases: ['contract'] }, support: { label: 'Answer requests' } },
    retentionPolicies: { account: { retention: 'P30D after account.closed' } },
  },
  null,
  2,
)}\n`;

const CUSTOMER = code`
  export interface Customer {
    /** @retention policy:account */
    email: string;
    /** @purpose support
     *  @retention policy:account */
    phone: string;
  }
`;

/** The text of a document after a code action's edits. */
function applyAction(text: string, action: CodeAction, uri: string): string {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change as TextDocumentEdit).edits.filter((e): e is TextEdit => 'newText' in e));
  }
  for (const [changeUri, list] of Object.entries(action.edit?.changes ?? {})) if (changeUri === uri) edits.push(...list);
  assert.ok(edits.length > 0, `action "${action.title}" has no edit for the document`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
}

const PUSH_CLIENT = { workspace: { workspaceEdit: { documentChanges: true } }, window: { workDoneProgress: true } };
const PULL_CLIENT = { ...PUSH_CLIENT, textDocument: { diagnostic: { dynamicRegistration: false } } };

describe('language server (protocol)', function () {
  this.timeout(60_000);
  let root = '';
  let client: TestClient;
  const file = (relative: string): string => path.join(root, relative);

  beforeEach(() => {
    root = workspace({
      'privacy.manifest.json': MANIFEST,
      'src/customer.ts': CUSTOMER,
      'src/closed/patient.ts': 'export interface Patient {\n  diagnosis: string;\n}\n',
    });
    client = new TestClient();
  });
  afterEach(async () => {
    await client.close();
    removeWorkspace(root);
  });

  it('initializes with incremental sync, pull diagnostics, code actions, hover and completion', async () => {
    const result = await client.initialize(root, PUSH_CLIENT);
    const caps = result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'privacy-steward', interFileDependencies: true, workspaceDiagnostics: false });
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.privacySteward']);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('@'));
  });

  it('reads the workspace at start-up with $/progress and serves the inventory of closed files', async () => {
    await client.initialize(root, PUSH_CLIENT);
    await client.ready();
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const inventory = await client.request<{ ready: boolean; personal: number; undeclared: number; categories: { category: string; items: { id: string; uri: string; range: { start: { line: number } }; declared: boolean }[] }[] }>('privacySteward/inventory', {});
    assert.equal(inventory.ready, true);
    const items = inventory.categories.flatMap((c) => c.items);
    const diagnosis = items.find((i) => i.id === 'Patient.diagnosis');
    assert.deepEqual(diagnosis && [diagnosis.uri, diagnosis.range.start.line, diagnosis.declared], [uriOf(file('src/closed/patient.ts')), 1, false]);
    assert.equal(inventory.personal, 3);
    assert.equal(inventory.undeclared, 2);
  });

  it('pushes diagnostics with the right ranges to a client that cannot pull', async () => {
    await client.initialize(root, PUSH_CLIENT);
    await client.open(file('src/customer.ts'), CUSTOMER);
    const diagnostics = await client.diagnostics(file('src/customer.ts'), 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['missing-purpose', 'privacy-steward', 2, 2, 2, 7]],
    );
    assert.match(messageOf(diagnostics[0]), /^Customer\.email holds personal data \(contact\.email\) but declares no @purpose/);
  });

  it('answers pull requests for the current version', async () => {
    await client.initialize(root, PULL_CLIENT);
    await client.open(file('src/customer.ts'), CUSTOMER);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(file('src/customer.ts')) } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['missing-purpose']);
    assert.equal(client.published.length, 0, 'a pull client gets no pushed diagnostics');
  });

  it('offers one quick fix per purpose, applying one clears the diagnostic', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/customer.ts'));
    await client.open(file('src/customer.ts'), CUSTOMER);
    const [diagnostic] = await client.diagnostics(file('src/customer.ts'), 1);
    assert.ok(diagnostic);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.deepEqual(actions.map((a) => a.title), [
      'Declare purpose: account.management',
      'Declare purpose: support',
      'Mark Customer.email as not personal data',
      'Ignore missing-purpose here',
    ]);
    const declare = actions[0] as CodeAction;
    assert.equal(declare.kind, 'quickfix');
    assert.deepEqual((declare.edit?.documentChanges?.[0] as TextDocumentEdit).textDocument, { uri, version: 1 });
    const fixed = applyAction(CUSTOMER, declare, uri);
    assert.match(fixed, /\/\*\*\n {3}\* @retention policy:account\n {3}\* @purpose account\.management\n {3}\*\/\n {2}email: string;/);
    await client.change(file('src/customer.ts'), 2, fixed);
    assert.deepEqual(await client.diagnostics(file('src/customer.ts'), 2), []);
  });

  it('offers to declare a purpose for the whole type when several of its fields lack one', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const text = 'export interface Lead {\n  /** @retention P1Y */\n  email: string;\n  /** @retention P1Y */\n  phone: string;\n}\n';
    const uri = uriOf(file('src/lead.ts'));
    await client.open(file('src/lead.ts'), text);
    const diagnostics = await client.diagnostics(file('src/lead.ts'), 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['missing-purpose', 2], ['missing-purpose', 4]]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[1]!.range, context: { diagnostics: [diagnostics[1]] } });
    const whole = actions.find((a) => a.title === 'Declare purpose support for the whole Lead');
    assert.ok(whole, `no type-level action among: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyAction(text, whole, uri);
    assert.equal(fixed, `/** @purpose support */\n${text}`);
    await client.change(file('src/lead.ts'), 2, fixed);
    assert.deepEqual(await client.diagnostics(file('src/lead.ts'), 2), []);
  });

  it('offers to create the manifest in a workspace without one, and creates it through workspace/applyEdit', async () => {
    fs.rmSync(file('privacy.manifest.json'));
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/customer.ts'));
    await client.open(file('src/customer.ts'), CUSTOMER);
    const [diagnostic] = await client.diagnostics(file('src/customer.ts'), 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    const create = actions.find((a) => a.title === 'Create privacy.manifest.json');
    assert.ok(create?.command, `no create action among: ${actions.map((a) => a.title).join(' | ')}`);
    const result = await client.request<{ created: boolean; uri: string }>('workspace/executeCommand', { command: create.command.command, arguments: create.command.arguments });
    assert.deepEqual(result, { created: true, uri: uriOf(file('privacy.manifest.json')) });
    const [change, insert] = client.applied[0]?.documentChanges ?? [];
    assert.deepEqual(change, { kind: 'create', uri: uriOf(file('privacy.manifest.json')), options: { ignoreIfExists: true } });
    const manifest = JSON.parse(((insert as TextDocumentEdit).edits[0] as TextEdit).newText) as { purposes: object; retentionPolicies: object };
    assert.ok(Object.keys(manifest.purposes).length > 0 && Object.keys(manifest.retentionPolicies).length > 0, 'the starter manifest declares purposes and policies');
  });

  it('marks a field as not personal data and silences one line, as plain edits for clients without snippets', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/customer.ts'));
    await client.open(file('src/customer.ts'), CUSTOMER);
    const [diagnostic] = await client.diagnostics(file('src/customer.ts'), 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    const notPersonal = actions.find((a) => a.title.startsWith('Mark'));
    assert.match(applyAction(CUSTOMER, notPersonal!, uri), / {3}\* @notPersonal reason\n/);
    const ignore = actions.find((a) => a.title.startsWith('Ignore'));
    assert.match(applyAction(CUSTOMER, ignore!, uri), /^ {2}\/\/ privacy-steward-ignore missing-purpose -- reason\n {2}\/\*\* @retention policy:account \*\//m);
  });

  it('names a snippet command for clients that implement it', async () => {
    await client.initialize(root, PUSH_CLIENT, { debounceMs: 0, snippetCommand: true });
    const uri = uriOf(file('src/customer.ts'));
    await client.open(file('src/customer.ts'), CUSTOMER);
    const [diagnostic] = await client.diagnostics(file('src/customer.ts'), 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    const notPersonal = actions.find((a) => a.title.startsWith('Mark'));
    assert.equal(notPersonal?.command?.command, 'privacySteward.applySnippet');
    assert.match((notPersonal?.command?.arguments?.[0] as { snippet: string }).snippet, /@notPersonal \$\{1:reason\}/);
  });

  it('fixes everything safe with source.fixAll.privacySteward', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/lower.ts'));
    const text = 'export interface Lead {\n  /** @retention p1y */\n  email: string;\n}\n';
    await client.open(file('src/lower.ts'), text);
    await client.diagnostics(file('src/lower.ts'), 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.privacySteward'] } });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.privacySteward']);
    assert.equal(applyAction(text, actions[0] as CodeAction, uri), 'export interface Lead {\n  /** @retention P1Y */\n  email: string;\n}\n');
  });

  it('explains a field on hover and a purpose on its tag', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/customer.ts'));
    await client.open(file('src/customer.ts'), CUSTOMER);
    await client.diagnostics(file('src/customer.ts'), 1);
    const onField = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
    const fieldText = (onField.contents as MarkupContent).value;
    assert.match(fieldText, /^\*\*Customer\.email\*\* holds personal data: `contact\.email` \(Email address\); confidence 0\.\d\d\./);
    assert.match(fieldText, /- name “email” reads as email \(contact\.email\)/);
    assert.match(fieldText, /- purpose: none\n- retention: `policy:account`/);
    const onTag = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 18 } });
    assert.equal((onTag.contents as MarkupContent).value, '**support**: Answer requests.');
  });

  it('follows a field into a log and a third party: diagnostics on the open file, flows in the hover, recipients in the inventory', async () => {
    const service = code`
      import * as Sentry from '@sentry/node';
      import type { Customer } from './customer';
      export function report(customer: Customer) {
        console.log(customer.phone);
        Sentry.setUser({ email: customer.email });
      }
    `;
    fs.writeFileSync(file('src/report.ts'), service);
    await client.initialize(root, PUSH_CLIENT);
    await client.ready();
    await client.open(file('src/report.ts'), service);
    const diagnostics = await client.diagnostics(file('src/report.ts'), 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['personal-data-in-log', 3, 14],
      ['personal-data-to-third-party', 4, 26],
    ]);
    assert.match(messageOf(diagnostics[1]), /^Customer\.email \(contact\.email\) is sent to Sentry by Sentry\.setUser, a recipient the manifest does not declare/);
    await client.open(file('src/customer.ts'), CUSTOMER);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(file('src/customer.ts')) }, position: { line: 2, character: 4 } });
    assert.match((hover.contents as MarkupContent).value, /\nFlows to:\n- Sentry \(error-tracker\) by `Sentry\.setUser`, src\/report\.ts:5$/);
    const inventory = await client.request<{ recipients: { recipient: string; declared: boolean; flows: { value: string; callee: string; range: { start: { line: number } } }[] }[] }>('privacySteward/inventory', {});
    assert.deepEqual(inventory.recipients.map((r) => [r.recipient, r.declared, r.flows.map((f) => [f.value, f.callee, f.range.start.line])]), [['sentry', false, [['Customer.email', 'Sentry.setUser', 4]]]]);
  });

  it('serves the privacy impact assessment, applies answers without writing files, and links records to it with code lenses', async () => {
    await client.initialize(root, PUSH_CLIENT);
    await client.open(file('src/customer.ts'), CUSTOMER);
    await client.diagnostics(file('src/customer.ts'), 1);
    const lenses = await client.request<{ command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file('src/customer.ts')) } });
    assert.deepEqual(lenses.map((l) => [l.command.title, l.command.command, l.command.arguments]), [['Privacy impact assessment: 2 personal fields', 'privacySteward.openPia', [{ root: uriOf(root), record: 'Customer' }]]]);
    const pia = await client.request<{ document: { questions: { id: string; status: string }[] }; files: { uri: string; text: string }[]; upToDate: boolean }>('privacySteward/pia', { root: uriOf(root) });
    assert.equal(pia.upToDate, false);
    assert.deepEqual(pia.files.map((f) => path.basename(f.uri)), ['pia.json', 'PIA.md', 'threat-model.otm.json']);
    assert.equal(pia.document.questions.find((q) => q.id === 'signoff.dpo')?.status, 'open');
    const saved = await client.request<{ document: { questions: { id: string; status: string; answer?: { text: string } }[] }; files: { uri: string; text: string }[] }>('privacySteward/piaSave', { root: uriOf(root), answers: [{ id: 'signoff.dpo', text: 'Approved.' }] });
    assert.deepEqual(saved.document.questions.find((q) => q.id === 'signoff.dpo')?.answer?.text, 'Approved.');
    assert.match(saved.files.find((f) => f.uri.endsWith('PIA.md'))?.text ?? '', /<!-- answer:signoff\.dpo -->\nApproved\.\n<!-- \/answer -->/);
    assert.ok(!fs.existsSync(file('privacy/pia.json')), 'the server writes nothing: the client does');
  });

  it('completes tag names and values from the manifest and the taxonomy', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const uri = uriOf(file('src/draft.ts'));
    const text = 'export interface Draft {\n  /** @purpose  */\n  email: string;\n  /** @ */\n  phone: string;\n}\n';
    await client.open(file('src/draft.ts'), text);
    const values = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 15 } });
    assert.deepEqual(values.map((i) => i.label), ['account.management', 'support']);
    assert.equal(values[0]?.detail, 'Run the account');
    const tags = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 7 } });
    assert.deepEqual(tags.map((i) => i.label), ['personal', 'notPersonal', 'purpose', 'retention', 'basis', 'subject', 'source', 'erases', 'consent']);
    const outside = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.deepEqual(outside, []);
  });

  it('reports manifest problems in the manifest at their position', async () => {
    await client.initialize(root, PUSH_CLIENT);
    const manifest = '{\n  "purposes": {\n    "support": { "label": "Support", "bases": ["contractual"] }\n  }\n}\n';
    await client.open(file('privacy.manifest.json'), manifest, 'json');
    const diagnostics = await client.diagnostics(file('privacy.manifest.json'), 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['invalid-manifest', 2, 47]]);
    assert.match(messageOf(diagnostics[0]), /must be one of: consent, contract, .* \(at \$\.purposes\.support\.bases\[0\]\)$/);
  });

  it('re-analyses when the manifest changes on disk', async () => {
    await client.initialize(root, PUSH_CLIENT);
    await client.ready();
    const text = 'export interface Customer {\n  /** @purpose billing\n   *  @retention policy:account */\n  email: string;\n}\n';
    await client.open(file('src/billing.ts'), text);
    const before = await client.diagnostics(file('src/billing.ts'), 1);
    assert.deepEqual(before.map((d) => d.code), ['unknown-purpose']);
    const updated = JSON.parse(MANIFEST) as { purposes: Record<string, { label: string }> };
    updated.purposes['billing'] = { label: 'Bill the customer' };
    fs.writeFileSync(file('privacy.manifest.json'), JSON.stringify(updated));
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('privacy.manifest.json')), type: 2 }] });
    const after = await client.waitFor('new diagnostics', () => (client.published.length > count ? client.published[client.published.length - 1] : undefined));
    assert.deepEqual(after.diagnostics, []);
  });

  it('never publishes a result for a version the editor has left', async () => {
    await client.initialize(root, PUSH_CLIENT, { debounceMs: 50 });
    const big = `${CUSTOMER}\n${Array.from({ length: 600 }, (_, i) => `export interface Filler${i} { sku${i}: string; priceCents${i}: number }`).join('\n')}\n`;
    await client.open(file('src/big.ts'), big);
    await client.diagnostics(file('src/big.ts'), 1);
    const from = client.published.length;
    await client.change(file('src/big.ts'), 2, big.replace('email: string', 'email: string;\n  fax: string'));
    await client.change(file('src/big.ts'), 3, big.replace('email: string', 'email: string;\n  mobile: string'));
    const last = await client.diagnostics(file('src/big.ts'), 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = client.published.slice(from).filter((p) => p.uri === uriOf(file('src/big.ts')));
    assert.deepEqual(later.map((p) => p.version), [3], 'only the latest version is published');
    assert.ok(last.some((d) => messageOf(d).startsWith('Customer.mobile')));
    assert.ok(!last.some((d) => messageOf(d).startsWith('Customer.fax')));
  });

  it('clears pushed diagnostics when a document closes', async () => {
    await client.initialize(root, PUSH_CLIENT);
    await client.open(file('src/customer.ts'), CUSTOMER);
    await client.diagnostics(file('src/customer.ts'), 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file('src/customer.ts')) } });
    await client.waitFor('cleared diagnostics', () => {
      const last = client.published[client.published.length - 1];
      return last && last.diagnostics.length === 0 ? last : undefined;
    });
  });
});
