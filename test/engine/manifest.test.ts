// Loading privacy.manifest.json: every problem has a line, a column and a JSON path; the valid
// rest of a partly broken manifest is still used; references between sections are checked.
import * as assert from 'node:assert/strict';
import { RULES } from '../../rules';
import { loadManifest, type ManifestProblem } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text/line-index';

const ruleIds = RULES.map((r) => r.meta.id);

/** `line:column message (at path)` for each problem. */
function problems(text: string): string[] {
  const lines = new LineIndex(text);
  return loadManifest(text, 'privacy.manifest.json', ruleIds).problems.map((p: ManifestProblem) => {
    const at = lines.positionAt(p.range.start);
    return `${at.line}:${at.column} ${p.message} (at ${p.jsonPath})`;
  });
}

describe('manifest loading', () => {
  it('accepts a valid manifest without problems', () => {
    const text = JSON.stringify({
      version: 1,
      purposes: { support: { label: 'Support', bases: ['contract'], defaultFor: ['contact.email'] } },
      retentionPolicies: { tickets: { retention: 'P1Y after account.closed', mustNotOutlive: ['account'] }, account: { retention: 'P30D' } },
      categories: { 'contact.fax': { label: 'Fax', maxRetention: 'P1Y' } },
      events: { 'ticket.closed': {} },
      stores: { db: { kind: 'database', retentionPolicy: 'account' } },
      recipients: { zendesk: { modules: ['node-zendesk'], purposes: ['support'] } },
      vocabulary: { personTypes: ['Member'], personalFields: { badge: 'identifier.internal_id' } },
      ignore: ['**/*.spec.ts'],
      rules: { 'missing-retention': 'error' },
    }, null, 2);
    assert.deepEqual(problems(text), []);
  });

  it('reports invalid JSON with its position and keeps what it can read', () => {
    const text = '{\n  "purposes": {\n    "support": { "label": "Support" },\n  }\n}\n';
    assert.deepEqual(problems(text), ['4:3 a property name in double quotes is expected here (trailing commas are not allowed) (at $)']);
    const loaded = loadManifest(text, 'privacy.manifest.json', ruleIds);
    assert.deepEqual(Object.keys(loaded.manifest.purposes), ['support']);
  });

  it('rejects comments: the manifest is plain JSON', () => {
    assert.match(problems('{\n  // a comment\n  "version": 1\n}\n')[0] ?? '', /^2:3 comments are not allowed/);
  });

  it('points schema errors at the offending value or key, with a JSON path and what to write', () => {
    const text = [
      '{',
      '  "purpose": {},',
      '  "purposes": {',
      '    "Marketing": { "label": "Offers" },',
      '    "support": { "label": "Support", "bases": ["contractual"] },',
      '    "sales": { }',
      '  },',
      '  "categories": { "special.health": { "maxRetention": "2 years" } }',
      '}',
    ].join('\n');
    assert.deepEqual(problems(text), [
      '2:3 unknown property "purpose"; did you mean "purposes"? (at $.purpose)',
      '4:5 "Marketing" is not a valid id; ids start with a lowercase letter and use dots between parts, e.g. order.fulfilment (at $.purposes.Marketing)',
      '5:48 must be one of: consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests, art9.explicit-consent, art9.employment, … (at $.purposes.support.bases[0])',
      '6:14 is missing the required property "label" (at $.purposes.sales)',
      '8:55 must be an ISO 8601 duration such as P30D, P2Y or PT12H (at $.categories["special.health"].maxRetention)',
    ]);
  });

  it('keeps every valid entry of a partly invalid section', () => {
    const text = JSON.stringify({ purposes: { ok: { label: 'Fine' }, broken: { label: 3 } }, retentionPolicies: { account: { retention: 'P30D' } } });
    const loaded = loadManifest(text, 'privacy.manifest.json', ruleIds);
    assert.deepEqual(Object.keys(loaded.manifest.purposes), ['ok']);
    assert.deepEqual(Object.keys(loaded.manifest.retentionPolicies), ['account']);
    assert.equal(loaded.problems.length, 1);
  });

  it('checks references between sections and retention expressions', () => {
    const text = JSON.stringify(
      {
        purposes: { support: { label: 'Support', defaultFor: ['contact.emial'] } },
        retentionPolicies: {
          tickets: { retention: 'P1Y after ticket.closd', mustNotOutlive: ['acount'] },
          broken: { retention: 'two years' },
        },
        events: { 'ticket.closed': {} },
        stores: { db: { retentionPolicy: 'missing' } },
        recipients: { crm: { purposes: ['sales'] } },
        rules: { 'missing-purpse': 'off' },
      },
      null,
      2,
    );
    const found = problems(text).map((p) => p.replace(/^\d+:\d+ /, ''));
    assert.deepEqual(found, [
      '"contact.emial" is not a known category; add it under "categories" or use a built-in one such as contact.email (at $.purposes.support.defaultFor[0])',
      'retention counts from the unknown event "ticket.closd"; declare it under "events"; known: ticket.closed (at $.retentionPolicies.tickets.retention)',
      'mustNotOutlive names the unknown policy "acount"; known: tickets, broken (at $.retentionPolicies.tickets.mustNotOutlive[0])',
      'retention is not a valid retention expression; durations are ISO 8601 (P30D, P2Y, PT12H) (at $.retentionPolicies.broken.retention)',
      'names the unknown retention policy "missing"; known: tickets, broken (at $.stores.db.retentionPolicy)',
      'names the unknown purpose "sales"; known: support (at $.recipients.crm.purposes[0])',
      '"missing-purpse" is not a rule of Privacy Steward; known: missing-erasure, missing-purpose, missing-retention (at $.rules["missing-purpse"])',
    ]);
  });

  it('reads a manifest with a byte-order mark and CRLF line endings', () => {
    const text = '\uFEFF{\r\n  "purposes": {\r\n    "support": { "label": 1 }\r\n  }\r\n}\r\n';
    assert.deepEqual(problems(text), ['3:27 must be a string (at $.purposes.support.label)']);
  });

  it('a document that is not an object', () => {
    assert.deepEqual(problems('[1, 2]'), ['1:1 must be a JSON object with sections such as "purposes" and "retentionPolicies" (at $)']);
  });
});
