// The privacy impact assessment's façade for the adapters: from a scan and the texts of the committed
// pia.json and PIA.md to the texts to write. Answers edited in PIA.md's blocks are read back; a
// PIA.md edited outside its blocks is not overwritten unless asked. No file system here.
import * as path from 'node:path';
import { type JSONPath, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { createTaxonomy } from '../../../../rules/taxonomy';
import type { ScanResult } from '../scan';
import { LineIndex } from '../text/line-index';
import { applyAnswers, generatePia, type PiaDocument, PIA_VERSION } from './document';
import type { PiaFacts, PiaInput } from './facts';
import { answerBlocks, firstDifferentLine, markdownHash, renderPia } from './markdown';

export { applyAnswers, generatePia, piaStatus, type PiaDocument, type PiaQuestionState, type PiaThreatState } from './document';
export { gatherFacts, type PiaFacts, type PiaInput } from './facts';
export { answerBlocks, markdownHash, renderPia } from './markdown';
export { toMermaid, toOtm } from './diagram';

export const PIA_JSON = 'pia.json';
export const PIA_MARKDOWN = 'PIA.md';
export const OTM_FILE = 'threat-model.otm.json';

/** The folder of the assessment, relative to the workspace root. */
export function piaFolder(result: Pick<ScanResult, 'manifest'>): string {
  return (result.manifest.pia.folder ?? 'privacy').replace(/\\/g, '/').replace(/\/+$/, '') || '.';
}

/** What the assessment knows from a scan. */
export function piaInputFromScan(result: ScanResult): PiaInput {
  const texts = new Map(result.sources.map((s) => [s.model.path, s.text]));
  return {
    name: path.basename(result.root),
    manifest: result.manifest,
    taxonomy: createTaxonomy(result.manifest.categories),
    elements: result.elements,
    containers: result.containers,
    flows: result.flows,
    collectionPoints: result.collectionPoints,
    findings: result.findings,
    functionTags: result.functionTags,
    textOf: (file) => texts.get(file),
  };
}

/** A problem with the committed documents: what, where, and what to do. */
export class PiaError extends Error {}

function parseDocument(text: string, file: string): PiaDocument {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: true }) as unknown;
  const first = errors[0];
  if (first) {
    const at = new LineIndex(text).positionAt(first.offset);
    throw new PiaError(`${file}:${at.line}:${at.column}: ${printParseErrorCode(first.error)}; fix the JSON (people's answers are in it), or move the file away to start a new assessment`);
  }
  const doc = value as Partial<PiaDocument> | null;
  const where = (p: JSONPath): string => `${file} (at $.${p.join('.')})`;
  if (!doc || typeof doc !== 'object') throw new PiaError(`${file}: expected a JSON object written by privacy-steward pia`);
  if (doc.version !== PIA_VERSION) throw new PiaError(`${where(['version'])}: version ${String(doc.version)} is not ${PIA_VERSION}; this Privacy Steward reads version ${PIA_VERSION}`);
  if (!Array.isArray(doc.questions) || !Array.isArray(doc.threats)) throw new PiaError(`${where(['questions'])}: questions and threats must be arrays; restore the file from version control`);
  return doc as PiaDocument;
}

export interface PiaTexts {
  /** The committed pia.json, if there is one. */
  readonly json?: string;
  /** The committed PIA.md, if there is one. */
  readonly markdown?: string;
}

export interface PiaUpdate {
  readonly document: PiaDocument;
  readonly json: string;
  readonly markdown: string;
  /** Answers taken from PIA.md's blocks. */
  readonly fromMarkdown: number;
  /** Whether the committed documents already say this (nothing to write). */
  readonly upToDate: boolean;
  readonly previous?: PiaDocument;
}

export interface PiaUpdateOptions {
  /** ISO time of this generation. */
  readonly now: string;
  /** Path of the PIA folder relative to the root (for links and messages). */
  readonly folder: string;
  /** Regenerate PIA.md even when it was edited outside its answer blocks. */
  readonly force?: boolean;
}

/** Generates the assessment for `facts`, merging the committed documents; throws PiaError for a broken or hand-edited one. */
export function updatePia(facts: PiaFacts, committed: PiaTexts, options: PiaUpdateOptions): PiaUpdate {
  const jsonFile = path.posix.join(options.folder, PIA_JSON);
  const markdownFile = path.posix.join(options.folder, PIA_MARKDOWN);
  const toRoot = options.folder === '.' ? '' : path.posix.relative(options.folder, '.');
  let previous = committed.json !== undefined ? parseDocument(committed.json, jsonFile) : undefined;
  let fromMarkdown = 0;
  if (previous && committed.markdown !== undefined) {
    const normalised = committed.markdown.replace(/\r\n/g, '\n');
    if (previous.markdownHash && markdownHash(normalised) !== previous.markdownHash && !options.force) {
      const line = firstDifferentLine(renderPia(previous, { toRoot }).replace(/<!-- answer:(\S+) -->\n[\s\S]*?\n?<!-- \/answer -->/g, ''), normalised.replace(/<!-- answer:(\S+) -->\n[\s\S]*?\n?<!-- \/answer -->/g, ''));
      throw new PiaError(`${markdownFile}: edited outside the answer blocks (near line ${line}); that text would be lost on regeneration. Move it into an answer block (<!-- answer:… --> … <!-- /answer -->), or run with --force to regenerate anyway.`);
    }
    // Answers people wrote in PIA.md's blocks since the last generation.
    const edited: { id: string; text: string }[] = [];
    const known = new Map<string, string>([...previous.questions.map((q): [string, string] => [q.id, q.answer?.text ?? '']), ...previous.threats.map((t): [string, string] => [`threat:${t.id}`, t.answer?.text ?? ''])]);
    // An empty block never clears an answer: it is a PIA.md older than pia.json (answered in the editor).
    for (const [id, text] of answerBlocks(normalised)) {
      if (text !== '' && known.has(id) && (known.get(id) ?? '') !== text) edited.push({ id, text });
    }
    fromMarkdown = edited.length;
    if (edited.length > 0) previous = applyAnswers(previous, edited, options.now);
  }
  const generated = generatePia(facts, previous, { now: options.now });
  const markdown = renderPia(generated, { toRoot });
  const document: PiaDocument = { ...generated, markdownHash: markdownHash(markdown) };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const upToDate = committed.json === json && committed.markdown?.replace(/\r\n/g, '\n') === markdown;
  return { document, json, markdown, fromMarkdown, upToDate, ...(previous ? { previous } : {}) };
}
