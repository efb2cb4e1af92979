// The privacy impact assessment in a webview: the code's answers with their evidence, the open
// questions and LINDDUN threats with a text box each, saved back to pia.json and PIA.md. Strict
// content security policy (nonce-only script and style, no remote resources), theme colours.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type Diagram, PIA_REQUEST, PIA_SAVE_REQUEST, type PiaResult } from '../../server/src/lsp/protocol';
import { diagramSvg } from './pia-diagram';

/** The parts of pia.json the panel shows (the server sends the whole document). */
interface Evidence {
  readonly what: string;
  readonly file?: string;
  readonly line?: number;
}
interface Entry {
  readonly id: string;
  readonly status: string;
  readonly evidence: readonly Evidence[];
  readonly answer?: { readonly text: string; readonly by?: string; readonly at?: string };
}
interface Question extends Entry {
  readonly section: string;
  readonly mode: string;
  readonly question: string;
  readonly audience: string;
  readonly blocksSignOff: boolean;
  readonly draft?: string;
}
interface Threat extends Entry {
  readonly category: string;
  readonly title: string;
  readonly question: string;
}
interface Document {
  readonly generation: number;
  readonly scope: { readonly name: string; readonly personalFields: number; readonly records: number };
  readonly records: readonly { readonly container: string; readonly file: string; readonly line?: number; readonly fields: readonly { readonly field: string; readonly categories: readonly string[]; readonly purposes: readonly string[]; readonly retention: string | null }[] }[];
  readonly questions: readonly Question[];
  readonly threats: readonly Threat[];
  readonly diagram: Diagram;
}

const SECTIONS: readonly [string, string][] = [
  ['screening', 'Screening'],
  ['description', 'Description of the processing'],
  ['necessity', 'Necessity and proportionality'],
  ['risks', 'Risks (LINDDUN)'],
  ['measures', 'Measures'],
  ['incident', 'Incident readiness'],
  ['signoff', 'Sign-off'],
];

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const anchorOf = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-');

export class PiaPanel {
  private panel: vscode.WebviewPanel | undefined;
  private root: string | undefined;
  private last: PiaResult | undefined;
  /** The HTML last shown (for the extension's own tests). */
  html = '';

  constructor(private readonly client: LanguageClient) {}

  /** Opens (or reveals) the assessment of a folder, scrolled to a record's part when given. */
  async show(root?: string, record?: string): Promise<void> {
    this.root = root ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('privacySteward.pia', 'Privacy impact assessment', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type: string; answers?: { id: string; text: string }[]; file?: string; line?: number }) => {
        if (message.type === 'save' && message.answers) void this.save(message.answers);
        if (message.type === 'open' && message.file) void this.open(message.file, message.line);
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside);
    }
    const result = await this.client.sendRequest<PiaResult | null>(PIA_REQUEST, this.root ? { root: this.root } : {});
    if (!result) {
      this.render(undefined);
      return;
    }
    this.last = result;
    this.render(result);
    if (record) void this.panel.webview.postMessage({ type: 'scrollTo', anchor: `record-${anchorOf(record)}` });
  }

  /** Scrolls the panel to an element: `diagram`, `record-<Type>`, or a question's id. */
  reveal(anchor: string): void {
    void this.panel?.webview.postMessage({ type: 'scrollTo', anchor });
  }

  /** Saves answers: the server merges them, the files are written into the workspace. */
  async save(answers: readonly { id: string; text: string }[]): Promise<PiaResult | undefined> {
    const result = await this.client.sendRequest<PiaResult | null>(PIA_SAVE_REQUEST, { ...(this.root ? { root: this.root } : {}), answers });
    if (!result) return undefined;
    const markdown = result.files.find((f) => f.uri.endsWith('/PIA.md'));
    if (this.last?.problem && markdown) {
      // PIA.md was edited outside its blocks: keep that version beside the new one.
      const old = await vscode.workspace.fs.readFile(vscode.Uri.parse(markdown.uri)).then((b) => b, () => undefined);
      if (old) await vscode.workspace.fs.writeFile(vscode.Uri.parse(`${markdown.uri}.bak`), old);
    }
    for (const file of result.files) {
      const uri = vscode.Uri.parse(file.uri);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, Buffer.from(file.text, 'utf8'));
    }
    this.last = result;
    this.render(result);
    void vscode.window.showInformationMessage(`Privacy Steward: saved the privacy impact assessment (${result.files.map((f) => vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))).join(', ')}).`);
    return result;
  }

  private async open(file: string, line: number | undefined): Promise<void> {
    const folder = this.root ? vscode.Uri.parse(this.root) : vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return;
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, file), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  }

  private evidence(list: readonly Evidence[]): string {
    if (list.length === 0) return '';
    const items = list.slice(0, 12).map((e) => (e.file ? `<li><a href="#" data-file="${escape(e.file)}" data-line="${e.line ?? 1}">${escape(e.what)}</a> <span class="where">${escape(e.file)}${e.line ? `:${e.line}` : ''}</span></li>` : `<li>${escape(e.what)}</li>`));
    const more = list.length > 12 ? `<li class="where">and ${list.length - 12} more</li>` : '';
    return `<details><summary>Evidence (${list.length})</summary><ul>${items.join('')}${more}</ul></details>`;
  }

  private entry(id: string, title: string, status: string, detail: string, answer: string | undefined, label: string): string {
    return `<article class="entry ${escape(status)}" id="${escape(anchorOf(id))}">
  <h3>${escape(title)}</h3>
  <p class="meta"><span class="badge ${escape(status)}">${escape(status)}</span> <code>${escape(id)}</code></p>
  ${detail}
  <label for="a-${escape(anchorOf(id))}">${escape(label)}</label>
  <textarea id="a-${escape(anchorOf(id))}" data-id="${escape(id)}" rows="3">${escape(answer ?? '')}</textarea>
</article>`;
  }

  private render(result: PiaResult | undefined): void {
    if (!this.panel) return;
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
    const doc = result?.document as Document | undefined;
    let body: string;
    if (!doc) {
      body = '<p>Open a folder to assess.</p>';
    } else {
      const open = doc.questions.filter((q) => q.status === 'open' || q.status === 'draft' || q.status === 'stale').length;
      const parts: string[] = [
        `<header><h1>Privacy impact assessment — ${escape(doc.scope.name)}</h1><p>Generation ${doc.generation} · ${doc.scope.personalFields} personal fields in ${doc.scope.records} records · ${open} questions to answer · ${doc.threats.filter((t) => t.status !== 'answered').length} threats to review</p>${result?.problem ? `<p class="problem">${escape(result.problem)}</p>` : ''}<button id="save">Save answers</button></header>`,
      ];
      for (const [section, title] of SECTIONS) {
        parts.push(`<section><h2>${escape(title)}</h2>`);
        for (const q of doc.questions.filter((x) => x.section === section)) {
          const draft = q.draft ? `<p class="draft"><strong>${q.mode === 'auto' ? 'From the code' : 'Draft from the code'}:</strong> ${escape(q.draft)}</p>` : '';
          parts.push(this.entry(q.id, q.question, q.status, `${draft}${this.evidence(q.evidence)}`, q.answer?.text, q.mode === 'auto' ? 'Comment (optional)' : `Answer (${q.audience}${q.blocksSignOff ? ', blocks sign-off' : ''})`));
          if (q.id === 'description.flows') parts.push(diagramSvg(doc.diagram));
          if (q.id === 'description.inventory') {
            for (const record of doc.records) {
              const rows = record.fields.map((f) => `<tr><td>${escape(f.field)}</td><td>${escape(f.categories.join(', '))}</td><td>${escape(f.purposes.join(', ') || '—')}</td><td>${escape(f.retention ?? '—')}</td></tr>`).join('');
              parts.push(`<div class="record" id="record-${escape(anchorOf(record.container))}"><h4><a href="#" data-file="${escape(record.file)}" data-line="${record.line ?? 1}">${escape(record.container)}</a></h4><table><thead><tr><th>field</th><th>categories</th><th>purposes</th><th>retention</th></tr></thead><tbody>${rows}</tbody></table></div>`);
            }
          }
        }
        if (section === 'risks') for (const t of doc.threats) parts.push(this.entry(`threat:${t.id}`, t.title, t.status, this.evidence(t.evidence), t.answer?.text, t.question));
        parts.push('</section>');
      }
      body = parts.join('\n');
    }
    this.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy impact assessment</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 32px; }
[id] { scroll-margin-top: 150px; }
header { position: sticky; top: 0; background: var(--vscode-editor-background); padding: 8px 0; border-bottom: 1px solid var(--vscode-panel-border); }
h1 { font-size: 1.4em; margin: 8px 0; } h2 { margin-top: 24px; border-bottom: 1px solid var(--vscode-panel-border); } h3 { font-size: 1.05em; margin: 0 0 4px; }
.entry { border-left: 3px solid var(--vscode-panel-border); padding: 6px 12px; margin: 12px 0; }
.entry.stale { border-left-color: var(--vscode-editorWarning-foreground); } .entry.open, .entry.draft { border-left-color: var(--vscode-editorInfo-foreground); } .entry.answered { border-left-color: var(--vscode-testing-iconPassed); }
.badge { font-size: 0.85em; padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.meta, .where { color: var(--vscode-descriptionForeground); }
.problem { color: var(--vscode-errorForeground); }
textarea { width: 100%; box-sizing: border-box; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); font-family: inherit; }
label { display: block; margin-top: 6px; color: var(--vscode-descriptionForeground); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.diagram { max-width: 100%; height: auto; font-size: 12px; } .diagram text { fill: var(--vscode-foreground); } .diagram .column { fill: var(--vscode-descriptionForeground); }
.diagram .edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.2; }
.diagram .node rect { fill: var(--vscode-editorWidget-background); stroke-width: 2; }
.node.service rect, .key.service { stroke: var(--vscode-charts-blue); border-color: var(--vscode-charts-blue); } .node.browser rect, .key.browser { stroke: var(--vscode-charts-orange); border-color: var(--vscode-charts-orange); } .node.third-party rect, .key.third-party { stroke: var(--vscode-charts-red); border-color: var(--vscode-charts-red); }
.key { border: 2px solid; border-radius: 4px; padding: 0 4px; } .legend { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); } table { border-collapse: collapse; margin: 4px 0 12px; } th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; text-align: left; }
</style></head>
<body>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('save')?.addEventListener('click', () => {
  const answers = [...document.querySelectorAll('textarea[data-id]')].map((t) => ({ id: t.dataset.id, text: t.value }));
  vscode.postMessage({ type: 'save', answers });
});
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-file]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', file: link.dataset.file, line: Number(link.dataset.line) });
});
window.addEventListener('message', (event) => {
  if (event.data?.type === 'scrollTo') document.getElementById(event.data.anchor)?.scrollIntoView();
});
</script>
</body></html>`;
    this.panel.webview.html = this.html;
  }
}
