// The privacy impact assessment for the editor: regenerated from the files on disk (the same scan
// as the CLI), with people's answers applied when the webview saves; the client writes the files.
// Also the code lenses that link a record with personal data to its part of the assessment.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../../../rules';
import { type Logger, scanWorkspace } from '../engine';
import type { FileModel } from '../engine/data-model';
import { applyAnswers, gatherFacts, markdownHash, OTM_FILE, PIA_JSON, PIA_MARKDOWN, PiaError, piaFolder, piaInputFromScan, renderPia, updatePia } from '../engine/pia';
import { toOtmJson } from '../engine/pia/exports';
import { pathToUri } from './convert';
import { OPEN_PIA_COMMAND, type PiaResult } from './protocol';

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Regenerates the assessment of a folder; with answers, applies them and returns the files to write. */
export async function piaFor(root: string, manifestFile: string | undefined, answers: readonly { id: string; text: string; by?: string }[] | undefined, logger: Logger): Promise<PiaResult> {
  const result = await scanWorkspace({ root, rules: RULES, logger, ...(manifestFile ? { manifestFile } : {}) });
  const folder = piaFolder(result);
  const absolute = path.resolve(root, folder);
  const files = { json: path.join(absolute, PIA_JSON), markdown: path.join(absolute, PIA_MARKDOWN), otm: path.join(absolute, OTM_FILE) };
  const committed = { json: read(files.json), markdown: read(files.markdown) };
  const now = new Date().toISOString();
  const facts = gatherFacts(piaInputFromScan(result));
  let update;
  let problem: string | undefined;
  try {
    update = updatePia(facts, { ...(committed.json !== undefined ? { json: committed.json } : {}), ...(committed.markdown !== undefined ? { markdown: committed.markdown } : {}) }, { now, folder });
  } catch (error) {
    if (!(error instanceof PiaError)) throw error;
    // Show the assessment anyway; saving would overwrite the hand edit only after the person saw why.
    problem = error.message;
    update = updatePia(facts, committed.json !== undefined && !/pia\.json:\d/.test(error.message) ? { json: committed.json } : {}, { now, folder, force: true });
  }
  let document = update.document;
  let markdown = update.markdown;
  if (answers && answers.length > 0) {
    const toRoot = folder === '.' ? '' : path.posix.relative(folder, '.');
    document = applyAnswers(document, answers, now);
    markdown = renderPia(document, { toRoot });
    document = { ...document, markdownHash: markdownHash(markdown) };
  }
  return {
    document,
    files: [
      { uri: pathToUri(files.json), text: `${JSON.stringify(document, null, 2)}\n` },
      { uri: pathToUri(files.markdown), text: markdown },
      { uri: pathToUri(files.otm), text: toOtmJson(document) },
    ],
    upToDate: update.upToDate && !answers,
    ...(problem ? { problem } : {}),
  };
}

/** "Privacy impact assessment: N personal fields" above each record with personal data. */
export function piaCodeLenses(model: FileModel | undefined, document: TextDocument, root: string): CodeLens[] {
  if (!model) return [];
  const lenses: CodeLens[] = [];
  for (const container of model.containers) {
    if (container.name.includes('.') || container.role === 'transient') continue;
    const personal = model.elements.filter((e) => e.container === container.name && e.classification.personal && !e.declared.notPersonal).length;
    if (personal === 0) continue;
    const start = document.positionAt(container.nameRange.start);
    lenses.push({
      range: { start, end: document.positionAt(container.nameRange.end) },
      command: { title: `Privacy impact assessment: ${personal} personal field${personal === 1 ? '' : 's'}`, command: OPEN_PIA_COMMAND, arguments: [{ root: pathToUri(root), record: container.name }] },
    });
  }
  return lenses;
}
