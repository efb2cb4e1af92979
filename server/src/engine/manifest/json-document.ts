// A JSON file with positions: parses with jsonc-parser, finds the node at a JSON path and renders
// paths as $.a.b[0] for messages. Knows nothing of what the document means.
import { findNodeAtLocation, type Node, parse, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { TextRange } from '../../../../rules/api';

export type JsonPath = readonly (string | number)[];

export interface JsonSyntaxProblem {
  readonly message: string;
  readonly range: TextRange;
}

export class JsonDocument {
  readonly root: Node | undefined;
  /** The parsed value; on syntax errors, what the error-tolerant parser could recover. */
  readonly value: unknown;
  readonly syntaxProblems: JsonSyntaxProblem[];

  constructor(readonly text: string) {
    const errors: ParseError[] = [];
    const options = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
    this.root = parseTree(text, errors, options);
    this.value = parse(text, [], options);
    // The parser can report two errors at one offset (a trailing comma): the first says it best.
    const atOffset = new Set<number>();
    this.syntaxProblems = errors
      .filter((e) => !atOffset.has(e.offset) && atOffset.add(e.offset) !== undefined)
      .map((e) => ({ message: describeParseError(printParseErrorCode(e.error)), range: { start: e.offset, end: e.offset + Math.max(1, e.length) } }));
  }

  /** The range of the value at `path`, or of its key when `key` is set; falls back to the nearest existing parent. */
  rangeOf(path: JsonPath, key = false): TextRange {
    if (!this.root) return { start: 0, end: 0 };
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(this.root, path.slice(0, depth) as (string | number)[]);
      if (!node) continue;
      if (key && depth === path.length && node.parent?.type === 'property' && node.parent.children?.[0]) {
        const keyNode = node.parent.children[0];
        return { start: keyNode.offset, end: keyNode.offset + keyNode.length };
      }
      return { start: node.offset, end: node.offset + Math.min(node.length, node.type === 'object' || node.type === 'array' ? 1 : node.length) };
    }
    return { start: 0, end: 0 };
  }
}

/** `['purposes', 'marketing', 'bases', 0]` → `$.purposes.marketing.bases[0]`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `/purposes/a~1b/0` → ['purposes', 'a/b', 0]. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeParseError(code: string): string {
  switch (code) {
    case 'InvalidCommentToken':
      return 'comments are not allowed in privacy.manifest.json (it is plain JSON); remove the comment';
    case 'CommaExpected':
      return 'a comma is missing between two entries';
    case 'PropertyNameExpected':
      return 'a property name in double quotes is expected here (trailing commas are not allowed)';
    case 'ValueExpected':
      return 'a value is expected here (trailing commas are not allowed)';
    case 'ColonExpected':
      return 'a colon is expected after the property name';
    case 'CloseBraceExpected':
      return 'a closing brace } is missing';
    case 'CloseBracketExpected':
      return 'a closing bracket ] is missing';
    case 'EndOfFileExpected':
      return 'unexpected content after the end of the JSON document';
    case 'InvalidSymbol':
      return 'this is not valid JSON (strings need double quotes)';
    case 'UnexpectedEndOfString':
      return 'a string is not closed';
    default:
      return `invalid JSON (${code})`;
  }
}
