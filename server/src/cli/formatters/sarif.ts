// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, any SARIF viewer): one run with the tool,
// a rule entry per rule and engine problem with its help text from the rule's doc, results with
// their locations, content-based partial fingerprints and the fixes that only insert text.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleModule, Severity } from '../../../../rules/api';
import { RULE_DOCS } from '../../../../rules/lib/rule-docs.generated';
import { ENGINE_PROBLEM_IDS, type Finding, type Fix, type ScanResult, severityFor } from '../../engine';

declare const PRIVACY_STEWARD_VERSION: string | undefined;
const VERSION = typeof PRIVACY_STEWARD_VERSION === 'string' ? PRIVACY_STEWARD_VERSION : '0.0.0-development';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

const ENGINE_PROBLEMS: Readonly<Record<string, string>> = {
  'internal-error': 'A rule failed on a file; its findings there are missing.',
  'invalid-manifest': 'privacy.manifest.json is not valid JSON or does not follow its schema.',
  'syntax-error': 'The file has a syntax error; fields after it may be missed.',
  'unreadable-file': 'The file could not be read or analysed.',
  'skipped-file': 'The file was skipped (minified, binary, generated or too large).',
  'invalid-suppression': 'A privacy-steward-ignore comment is malformed or has no reason.',
};

/** The first paragraph after the title of a rule's doc (its summary), and the rest as help. */
function helpOf(rule: RuleModule): { text: string; markdown: string } {
  const doc = RULE_DOCS[rule.meta.id] ?? `# ${rule.meta.id}\n\n${rule.meta.summary}\n`;
  const why = /## Why\n\n([\s\S]*?)\n## /.exec(doc)?.[1]?.trim() ?? rule.meta.summary;
  return { text: why.replace(/`/g, '').replace(/\n/g, ' '), markdown: doc };
}

/** SARIF's rule name: a readable PascalCase form of the stable id (`MissingPurpose`). */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

function ruleDescriptor(rule: RuleModule, result: ScanResult): Record<string, unknown> {
  const severity = severityFor(result.manifest, rule);
  const help = helpOf(rule);
  return {
    id: rule.meta.id,
    name: ruleName(rule.meta.id),
    shortDescription: { text: rule.meta.summary },
    fullDescription: { text: help.text },
    help,
    helpUri: `https://github.com/privacy-steward/privacy-steward/blob/main/rules/${rule.meta.id}.md`,
    defaultConfiguration: { level: severity === 'off' ? 'none' : LEVELS[severity], enabled: severity !== 'off' },
    properties: { tags: ['privacy', rule.meta.group], precision: 'high' },
  };
}

/** SARIF fixes for a finding's fixes whose edits only insert text into the finding's own file. */
function fixesOf(finding: Finding, lineOf: (file: string, offset: number) => { line: number; column: number } | undefined): Record<string, unknown>[] {
  const usable = (fix: Fix): boolean => fix.edits.length > 0 && fix.edits.every((e) => e.start === e.end && (e.file === undefined || e.file === finding.file));
  return [...(finding.fix ? [finding.fix] : []), ...finding.suggestions].filter(usable).flatMap((fix) => {
    const replacements = fix.edits.map((edit) => {
      const at = lineOf(finding.file, edit.start);
      return at ? { deletedRegion: { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column }, insertedContent: { text: edit.newText } } : undefined;
    });
    if (replacements.some((r) => r === undefined)) return [];
    return [{ description: { text: fix.title }, artifactChanges: [{ artifactLocation: { uri: finding.file, uriBaseId: 'SRCROOT' }, replacements }] }];
  });
}

export interface SarifOptions {
  readonly rules: readonly RuleModule[];
  /** Line and column of an offset in a file (for fixes). */
  readonly lineOf: (file: string, offset: number) => { line: number; column: number } | undefined;
  /** A diff scan's results are all new against its base (SARIF's baselineState). */
  readonly review?: boolean;
}

export function formatSarif(result: ScanResult, findings: readonly Finding[], options: SarifOptions): string {
  const descriptors = [
    ...options.rules.map((rule) => ruleDescriptor(rule, result)),
    ...ENGINE_PROBLEM_IDS.map((id) => ({ id, name: ruleName(id), shortDescription: { text: ENGINE_PROBLEMS[id] ?? id }, defaultConfiguration: { level: id === 'skipped-file' ? 'note' : 'warning' }, properties: { tags: ['privacy', 'engine'] } })),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results = findings.map((f) => {
    const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn > f.column || f.endLine > f.line ? f.endColumn : f.column + 1 };
    const fixes = fixesOf(f, options.lineOf);
    return {
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVELS[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.file, uriBaseId: 'SRCROOT' }, region } }],
      partialFingerprints: { 'privacySteward/v1': f.fingerprint },
      ...(options.review ? { baselineState: 'new' } : {}),
      ...(f.category || f.elementId ? { properties: { ...(f.category ? { category: f.category } : {}), ...(f.elementId ? { elementId: f.elementId } : {}) } } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Privacy Steward', semanticVersion: VERSION, version: VERSION, informationUri: 'https://github.com/privacy-steward/privacy-steward', rules: descriptors } },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(result.root + path.sep).href}` } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
