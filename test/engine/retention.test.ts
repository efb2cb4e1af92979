// The retention grammar of DESIGN.md §1, as a table of accepted and rejected expressions.
import * as assert from 'node:assert/strict';
import { durationInDays, parseIsoDuration, parseRetention } from '../../rules/declarations/retention';

describe('retention grammar', () => {
  const accepted: readonly [string, string][] = [
    ['P30D', 'duration'],
    ['P2Y', 'duration'],
    ['PT12H', 'duration'],
    ['P1Y6M', 'duration'],
    ['P2Y after account.closed', 'duration'],
    ['until 2027-12-31', 'until'],
    ['policy:account', 'policy'],
    ['transient', 'transient'],
    ['session', 'session'],
    ['indefinite because legal hold', 'indefinite'],
  ];
  for (const [text, kind] of accepted) {
    it(`accepts "${text}"`, () => {
      const parsed = parseRetention(text);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
      assert.equal(parsed.expression.kind, kind);
    });
  }
  const rejected: readonly [string, RegExp][] = [
    ['', /empty/],
    ['P', /not a valid retention/],
    ['PT', /not a valid retention/],
    ['2 years', /not a valid retention/],
    ['p2y', /lower case/],
    ['P2Y before account.closed', /after <event>/],
    ['P2Y after', /after <event>/],
    ['until 2027-02-30', /calendar date/],
    ['until next year', /calendar date/],
    ['policy:', /not a valid id/],
    ['indefinite', /without a reason/],
    ['indefinite because', /no reason/],
  ];
  for (const [text, problem] of rejected) {
    it(`rejects "${text}"`, () => {
      const parsed = parseRetention(text);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.problem, problem);
    });
  }
  it('compares durations in days', () => {
    assert.equal(durationInDays(parseIsoDuration('P1Y') ?? assert.fail()), 365);
    assert.equal(durationInDays(parseIsoDuration('P2W') ?? assert.fail()), 14);
    assert.equal(durationInDays(parseIsoDuration('PT12H') ?? assert.fail()), 0.5);
  });
});
