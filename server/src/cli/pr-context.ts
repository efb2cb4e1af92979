// What the pull-request summary knows beyond the scan: file links when it runs in GitHub Actions,
// and whether the committed privacy impact assessment still covers the code — exactly for a whole
// workspace scan, by what the change adds (fields, recipients, collection points) for a diff scan.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Logger, type Review, type ScanResult } from '../engine';
import { gatherFacts, PIA_JSON, PIA_MARKDOWN, PiaError, type PiaDocument, piaFolder, piaInputFromScan, piaStatus, updatePia } from '../engine/pia';
import type { PiaNotice } from './formatters/markdown';

/** Links to the files at this commit on GitHub, from the variables every Actions job has. */
export function githubLinks(env: Readonly<Record<string, string | undefined>>, root: string): { linkBase: string; linkPrefix: string } | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repository || !sha || !/^[0-9a-f]{7,64}$/.test(sha)) return undefined;
  const workspace = env['GITHUB_WORKSPACE'];
  const prefix = workspace ? path.relative(workspace, root).split(path.sep).join('/') : '';
  return { linkBase: `${server}/${repository}/blob/${sha}`, linkPrefix: prefix.startsWith('..') ? '' : prefix };
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A diff scan's head is analysed only where the change reaches: compare what it adds with pia.json. */
function reviewNotice(doc: PiaDocument, review: Review): string[] {
  const fields = new Set(doc.records.flatMap((r) => r.fields.map((f) => `${r.container}.${f.field}`)));
  const recipients = new Set(doc.recipients.map((r) => r.id));
  const points = new Set(doc.collectionPoints.map((p) => p.id));
  const newFields = review.elements.filter((e) => !fields.has(e.id)).length;
  const newRecipients = new Set(review.flows.filter((f) => f.sink.thirdParty && !recipients.has(f.sink.recipient)).map((f) => f.sink.recipient)).size;
  const newPoints = review.collectionPoints.filter((p) => !points.has(p.id) && (p.elementIds.length > 0 || p.fieldNames.length > 0)).length;
  return [
    newFields > 0 ? `it does not cover ${count(newFields, 'new personal field')}` : '',
    newRecipients > 0 ? `${count(newRecipients, 'new third-party recipient')}` : '',
    newPoints > 0 ? `${count(newPoints, 'new collection point')}` : '',
  ].filter(Boolean);
}

export function piaNotice(head: ScanResult, review: Review | undefined, logger: Logger): PiaNotice | undefined {
  const folder = piaFolder(head);
  const json = read(path.join(head.root, folder, PIA_JSON));
  const personal = (review ? review.elements : head.elements).some((e) => e.classification.personal);
  if (json === undefined) return personal ? { state: 'missing', reasons: [], folder } : undefined;
  if (review) {
    let doc: PiaDocument;
    try {
      doc = JSON.parse(json) as PiaDocument;
    } catch {
      return { state: 'stale', reasons: [`${folder}/${PIA_JSON} is not valid JSON`], folder };
    }
    if (!Array.isArray(doc.records) || !Array.isArray(doc.recipients) || !Array.isArray(doc.collectionPoints)) return { state: 'stale', reasons: [`${folder}/${PIA_JSON} is not one privacy-steward pia wrote`], folder };
    const reasons = reviewNotice(doc, review);
    return { state: reasons.length > 0 ? 'stale' : 'current', reasons, folder };
  }
  try {
    const markdown = read(path.join(head.root, folder, PIA_MARKDOWN));
    const update = updatePia(gatherFacts(piaInputFromScan(head)), { json, ...(markdown !== undefined ? { markdown } : {}) }, { now: new Date().toISOString(), folder });
    if (update.upToDate) return { state: 'current', reasons: [], folder };
    const change = update.document.changes[0];
    const reasons: string[] = [];
    if (change && change.generation === update.document.generation) {
      for (const key of ['fields', 'purposes', 'recipients', 'stores'] as const) {
        const added = change.added[key].length;
        const removed = change.removed[key].length;
        if (added + removed > 0) reasons.push(`${key}: ${added > 0 ? `${added} new` : ''}${added > 0 && removed > 0 ? ', ' : ''}${removed > 0 ? `${removed} gone` : ''}`);
      }
    }
    const stale = piaStatus(update.document).stale;
    if (stale > 0) reasons.push(`${count(stale, 'answer')} whose evidence changed`);
    return { state: 'stale', reasons: reasons.length > 0 ? reasons : ['it does not match the code'], folder };
  } catch (error) {
    if (error instanceof PiaError) return { state: 'stale', reasons: [error.message.split(';')[0] ?? 'it cannot be read'], folder };
    logger.warn(`could not check the privacy impact assessment (${error instanceof Error ? error.name : 'error'})`);
    return undefined;
  }
}
