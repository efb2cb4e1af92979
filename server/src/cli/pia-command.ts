// The pia command: scans the workspace, merges the committed PIA.md and pia.json with what the code
// says now, and writes them (with the OTM threat model) — or, with --check, only says whether they
// are current; with --export, prints an export instead. Returns data; main.ts owns the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../rules';
import { createTaxonomy } from '../../../rules/taxonomy';
import { ConfigError, type Logger, scanWorkspace, type ScanResult } from '../engine';
import { gatherFacts, OTM_FILE, PIA_JSON, PIA_MARKDOWN, piaFolder, piaInputFromScan, piaStatus, updatePia, type PiaUpdate } from '../engine/pia';
import { toCnilImport, toFidesDataset, toOtmJson, toRopaCsv } from '../engine/pia/exports';
import type { PiaArguments } from './args';

export interface PiaOutcome {
  readonly result: ScanResult;
  /** What goes to standard output (or --output). */
  readonly report: string;
  /** Files written, relative to the root. */
  readonly written: readonly string[];
  /** --check: whether the committed assessment is current. */
  readonly current?: boolean;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
}

function summary(update: PiaUpdate, folder: string, written: readonly string[]): string {
  const s = piaStatus(update.document);
  const doc = update.document;
  const lines = [
    `Privacy impact assessment: ${folder}/${PIA_MARKDOWN} (generation ${doc.generation})`,
    `  ${doc.scope.personalFields} personal fields in ${doc.scope.records} records · ${doc.recipients.length} recipients · ${doc.collectionPoints.length} collection points · ${doc.threats.length} LINDDUN threats`,
    `  ${s.answered} answered · ${s.open} open · ${s.drafts} drafts to confirm · ${s.stale} stale · ${s.threatsOpen} threats to review · sign-off ${s.blocking === 0 ? 'possible' : `blocked by ${s.blocking}`}`,
  ];
  if (update.fromMarkdown > 0) lines.push(`  ${update.fromMarkdown} answer(s) taken from ${PIA_MARKDOWN}`);
  const change = doc.changes[0];
  if (change && change.generation === doc.generation) {
    const n = (k: keyof typeof change.added): string => `${change.added[k].length > 0 ? `+${change.added[k].length}` : ''}${change.removed[k].length > 0 ? ` -${change.removed[k].length}` : ''}`.trim();
    lines.push(`  changed since the last generation: fields ${n('fields') || '0'}, purposes ${n('purposes') || '0'}, recipients ${n('recipients') || '0'}, stores ${n('stores') || '0'}`);
  }
  lines.push(written.length > 0 ? `  wrote ${written.join(', ')}` : '  nothing to write: the assessment is up to date');
  return `${lines.join('\n')}\n`;
}

export async function runPia(args: PiaArguments, io: { cwd: string; logger: Logger; now?: string }): Promise<PiaOutcome> {
  const root = path.resolve(io.cwd, args.root ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new ConfigError(`no such folder: ${args.root ?? root}`);
  const result = await scanWorkspace({ root, rules: RULES, logger: io.logger, ...(args.manifest !== undefined ? { manifestFile: path.resolve(io.cwd, args.manifest) } : {}) });
  const folder = piaFolder(result);
  const absoluteFolder = path.resolve(root, folder);
  if (path.relative(root, absoluteFolder).startsWith('..')) throw new ConfigError(`pia.folder "${folder}" is outside the workspace; give a folder inside it (privacy.manifest.json, at $.pia.folder)`);
  const files = { json: path.join(absoluteFolder, PIA_JSON), markdown: path.join(absoluteFolder, PIA_MARKDOWN), otm: path.join(absoluteFolder, OTM_FILE) };
  const committed = { json: readIfExists(files.json), markdown: readIfExists(files.markdown) };
  const now = io.now ?? new Date().toISOString();
  const update = updatePia(gatherFacts(piaInputFromScan(result)), { ...(committed.json !== undefined ? { json: committed.json } : {}), ...(committed.markdown !== undefined ? { markdown: committed.markdown } : {}) }, { now, folder, force: args.force });

  if (args.export) {
    const doc = update.document;
    const taxonomy = createTaxonomy(result.manifest.categories);
    const report =
      args.export === 'fides' ? toFidesDataset(doc)
      : args.export === 'cnil' ? `${JSON.stringify(toCnilImport(doc, now), null, 2)}\n`
      : args.export === 'ropa' ? toRopaCsv(doc, result.manifest.purposes, (c) => taxonomy.isSpecial(c) || taxonomy.isCriminal(c))
      : toOtmJson(doc);
    return { result, report, written: [] };
  }
  const otm = toOtmJson(update.document);
  if (args.check) {
    const otmCurrent = readIfExists(files.otm) === otm;
    const current = update.upToDate && otmCurrent;
    const s = piaStatus(update.document);
    const stale = [!update.upToDate && committed.json === undefined ? `${folder}/${PIA_JSON} is missing` : '', !update.upToDate && committed.json !== undefined ? `${folder}/${PIA_JSON} and ${PIA_MARKDOWN} do not match the code` : '', !otmCurrent ? `${folder}/${OTM_FILE} does not match the code` : ''].filter(Boolean);
    const report = current
      ? `The privacy impact assessment is up to date (generation ${update.document.generation}; ${s.open} open, ${s.stale} stale, sign-off ${s.blocking === 0 ? 'possible' : `blocked by ${s.blocking}`}).\n`
      : `The privacy impact assessment is out of date: ${stale.join('; ')}. Run privacy-steward pia and commit ${folder}/.\n`;
    return { result, report, written: [], current };
  }
  const written: string[] = [];
  const write = (file: string, text: string, previous: string | undefined): void => {
    if (previous === text) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(path.relative(root, file).replace(/\\/g, '/'));
  };
  if (args.force && committed.markdown !== undefined && committed.markdown !== update.markdown) fs.writeFileSync(`${files.markdown}.bak`, committed.markdown);
  write(files.json, update.json, committed.json);
  write(files.markdown, update.markdown, committed.markdown);
  write(files.otm, otm, readIfExists(files.otm));
  const report = args.format === 'json' ? update.json : args.format === 'md' ? update.markdown : summary(update, folder, written);
  return { result, report, written };
}
