// Reads a baseline file (--baseline): the findings a team accepted, written by --write-baseline.
// A broken file stops the scan with where it is broken, so that a gate never passes by accident.
import * as fs from 'node:fs';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { type Baseline, ConfigError, LineIndex } from '../engine';

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the baseline ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); write one with --write-baseline ${file}`, file);
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false }) as unknown;
  const first = errors[0];
  if (first) {
    const at = new LineIndex(text).positionAt(first.offset);
    throw new ConfigError(`${file}:${at.line}:${at.column}: ${printParseErrorCode(first.error)} in the baseline; fix it or write it again with --write-baseline`, file);
  }
  const doc = value as Partial<Baseline> | null;
  if (!doc || typeof doc !== 'object' || doc.tool !== 'privacy-steward') throw new ConfigError(`${file}: not a Privacy Steward baseline (at $.tool); write one with --write-baseline`, file);
  if (doc.version !== 1) throw new ConfigError(`${file}: baseline version ${String(doc.version)} is not 1 (at $.version); write it again with --write-baseline`, file);
  if (!Array.isArray(doc.findings)) throw new ConfigError(`${file}: findings must be an array (at $.findings); write it again with --write-baseline`, file);
  doc.findings.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || typeof (entry as { key?: unknown }).key !== 'string') throw new ConfigError(`${file}: each finding needs a string key (at $.findings[${i}].key); write the baseline again with --write-baseline`, file);
  });
  return doc as Baseline;
}
