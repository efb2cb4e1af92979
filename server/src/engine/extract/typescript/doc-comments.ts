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
export function docOf(ctx: ExtractContext, node: ts.Node, owner: DocTag['owner']): DocInfo {
  const start = node.getStart(ctx.sourceFile);
  const comments = compiler.getLeadingCommentRanges(ctx.text, node.pos) ?? [];
  let jsdoc: ts.CommentRange | undefined;
  for (const comment of comments) {
    if (comment.kind === compiler.SyntaxKind.MultiLineCommentTrivia && ctx.text.startsWith('/**', comment.pos) && !ctx.text.startsWith('/**/', comment.pos)) {
      jsdoc = comment;
    }
  }
  const anchor: DocAnchor = {
    style: 'jsdoc',
    ...(jsdoc ? { comment: { start: jsdoc.pos, end: jsdoc.end } } : {}),
    insertAt: start,
    indent: ctx.lines.indentAt(start),
    eol: ctx.eol,
  };
  const tags = jsdoc ? parseDocTags(ctx.text.slice(jsdoc.pos, jsdoc.end), jsdoc.pos, owner) : [];
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
