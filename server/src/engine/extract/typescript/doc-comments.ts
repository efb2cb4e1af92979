// Finds the doc comment of a declaration and turns it into a DocAnchor (where tags are or will
// go) plus the privacy tags written in it.
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { DocAnchor, DocTag } from '../../../../../rules/api';
import { parseDocTags } from '../doc-tags';
import type { ExtractContext } from './context';

export interface DocInfo {
  readonly anchor: DocAnchor;
  readonly tags: DocTag[];
}

/**
 * The doc of `node`: its last leading `/** … *\/` comment. `owner` names what the comment documents;
 * tags are parsed with it so that rules know where each tag applies.
 */
const NO_TAGS: DocTag[] = [];

/**
 * The JSDoc blocks the parser attached to a declaration. `jsDoc` is internal to the compiler but
 * stable (ts-morph reads it too); using it spares a trivia scan for every undocumented declaration.
 */
function attachedDocs(node: ts.Node): readonly ts.Node[] | undefined {
  return (node as unknown as { jsDoc?: readonly ts.Node[] }).jsDoc;
}

/** Whether the parser attached a doc comment: function tags are only read when there is one. */
export function hasDoc(node: ts.Node): boolean {
  return (attachedDocs(node)?.length ?? 0) > 0;
}

export function docOf(ctx: ExtractContext, node: ts.Node, owner: DocTag['owner']): DocInfo {
  const start = node.getStart(ctx.sourceFile);
  const docs = attachedDocs(node);
  const last = docs && docs.length > 0 ? docs[docs.length - 1] : undefined;
  const jsdoc = last ? { pos: last.pos, end: last.end } : undefined;
  const anchor: DocAnchor = {
    style: 'jsdoc',
    ...(jsdoc ? { comment: { start: jsdoc.pos, end: jsdoc.end } } : {}),
    insertAt: start,
    indent: ctx.lines.indentAt(start),
    eol: ctx.eol,
  };
  const tags = jsdoc ? parseDocTags(ctx.text.slice(jsdoc.pos, jsdoc.end), jsdoc.pos, owner) : NO_TAGS;
  return { anchor, tags };
}

/** For `const X = z.object(…)`, the comment sits on the variable statement, not the declaration. */
export function docHostOf(node: ts.Node): ts.Node {
  let host: ts.Node = node;
  if (compiler.isVariableDeclaration(host) && compiler.isVariableDeclarationList(host.parent) && host.parent.declarations.length === 1) {
    host = host.parent.parent;
  }
  return host;
}
