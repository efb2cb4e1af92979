// applyFixes: fixes are all-or-nothing, applied in order of position; overlapping ones wait.
import * as assert from 'node:assert/strict';
import { applyFixes, type Fix } from '../../server/src/engine';

const fix = (title: string, ...edits: [number, number, string][]): Fix => ({ title, safety: 'safe', edits: edits.map(([start, end, newText]) => ({ start, end, newText })) });

describe('applyFixes', () => {
  it('applies non-overlapping fixes wherever they are', () => {
    const result = applyFixes('abcdef', [fix('b', [4, 5, 'E']), fix('a', [0, 1, 'A'])]);
    assert.equal(result.output, 'AbcdEf');
    assert.deepEqual(result.applied.map((f) => f.title), ['a', 'b']);
  });
  it('skips a fix that overlaps one already taken, whole', () => {
    const result = applyFixes('abcdef', [fix('first', [1, 3, 'X']), fix('second', [2, 4, 'Y'], [5, 6, 'Z'])]);
    assert.equal(result.output, 'aXdef');
    assert.deepEqual(result.skipped.map((f) => f.title), ['second']);
  });
  it('treats two insertions at one offset as overlapping', () => {
    const result = applyFixes('ab', [fix('one', [1, 1, '1']), fix('two', [1, 1, '2'])]);
    assert.equal(result.output, 'a1b');
    assert.equal(result.skipped.length, 1);
  });
  it('ignores edits meant for another file', () => {
    const result = applyFixes('abc', [{ title: 'manifest', safety: 'safe', edits: [{ start: 0, end: 0, newText: '{', file: 'privacy.manifest.json' }] }], 'src/a.ts');
    assert.equal(result.output, 'abc');
  });
});
