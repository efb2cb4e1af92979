// Small syntax helpers for the flow analysis: unwrapping expressions, reading a callee as a root and
// member names, literal text, and the function a node belongs to. Compiler nodes only, no checker.
import type { ts } from 'ts-morph';
import { compiler } from '../extract/typescript/compiler';

const { SyntaxKind } = compiler;

/** `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T`, `await x` → x. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    switch (current.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.AwaitExpression:
        current = (current as ts.ParenthesizedExpression).expression;
        continue;
      default:
        return current;
    }
  }
}

/** The type written on an `as`, `<T>` or `satisfies` around an expression, outermost first. */
export function assertedType(node: ts.Expression): ts.TypeNode | undefined {
  let current = node;
  for (;;) {
    if (compiler.isAsExpression(current) || compiler.isTypeAssertionExpression(current) || compiler.isSatisfiesExpression(current)) {
      if (current.type.kind !== SyntaxKind.AnyKeyword && current.type.kind !== SyntaxKind.UnknownKeyword) return current.type;
      current = current.expression;
    } else if (compiler.isParenthesizedExpression(current) || compiler.isNonNullExpression(current) || compiler.isAwaitExpression(current)) {
      current = current.expression;
    } else {
      return undefined;
    }
  }
}

/**
 * A callee or assignment target read as a root and the member names after it:
 * `this.logger.info` → root `this.logger`, members [info]; `cookies().set` → root call `cookies()`.
 */
export interface Chain {
  /** The root identifier (`this.x` for a class member), when the root is a name. */
  readonly rootName?: string;
  /** The root node: an identifier, `this.x`, or a call / new expression whose result is used. */
  readonly root: ts.Expression;
  readonly members: readonly string[];
}

export function chainOf(node: ts.Expression): Chain | undefined {
  const members: string[] = [];
  let current = unwrap(node);
  while (compiler.isPropertyAccessExpression(current)) {
    if (!compiler.isIdentifier(current.name)) return undefined;
    if (current.expression.kind === SyntaxKind.ThisKeyword) {
      return { rootName: `this.${current.name.text}`, root: current, members };
    }
    members.unshift(current.name.text);
    current = unwrap(current.expression);
  }
  if (compiler.isIdentifier(current)) return { rootName: current.text, root: current, members };
  if (compiler.isCallExpression(current) || compiler.isNewExpression(current)) return { root: current, members };
  return undefined;
}

/** How a chain reads in a message: `logger.info`, `analytics.track` (no `this.`). */
export function chainText(chain: Chain): string {
  const root = chain.rootName ? chain.rootName.replace(/^this\./, '') : compiler.isCallExpression(chain.root) || compiler.isNewExpression(chain.root) ? `${calleeName(chain.root) ?? 'call'}()` : 'value';
  return [root, ...chain.members].join('.');
}

/** The last name of a call's callee: `hash` in `crypto.hash(x)`, `digest` in `h.update(x).digest()`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (compiler.isIdentifier(callee)) return callee.text;
  if (compiler.isPropertyAccessExpression(callee) && compiler.isIdentifier(callee.name)) return callee.name.text;
  return undefined;
}

/** Every name along a call's callee: [crypto, createHash] for `crypto.createHash('…').update(x).digest()`. */
export function calleeNames(call: ts.CallExpression | ts.NewExpression): string[] {
  const names: string[] = [];
  let current: ts.Expression = call.expression;
  for (let guard = 0; guard < 16; guard++) {
    current = unwrap(current);
    if (compiler.isIdentifier(current)) {
      names.push(current.text);
      break;
    }
    if (compiler.isPropertyAccessExpression(current)) {
      if (compiler.isIdentifier(current.name)) names.push(current.name.text);
      current = current.expression;
      continue;
    }
    if (compiler.isCallExpression(current) || compiler.isNewExpression(current)) {
      current = current.expression;
      continue;
    }
    break;
  }
  return names;
}

/** The text of a string literal or the literal head of a template, for URL hosts; never reported. */
export function literalHead(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (compiler.isStringLiteral(inner) || compiler.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  if (compiler.isTemplateExpression(inner)) return inner.head.text;
  if (compiler.isBinaryExpression(inner) && inner.operatorToken.kind === SyntaxKind.PlusToken) return literalHead(inner.left);
  if (compiler.isNewExpression(inner) && compiler.isIdentifier(inner.expression) && inner.expression.text === 'URL' && inner.arguments?.[0]) return literalHead(inner.arguments[0]);
  return undefined;
}

/** The host of an absolute http(s) URL written as a literal, lower case; undefined otherwise. */
export function hostOf(node: ts.Expression): string | undefined {
  const head = literalHead(node);
  const match = head ? /^https?:\/\/([^/:?#\s]+)/i.exec(head) : null;
  return match?.[1]?.toLowerCase();
}

export type FunctionLike = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  switch (node.kind) {
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.Constructor:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** The name a function is known by: its own, its variable's, its property's, `Class.method` for methods. */
export function functionNameOf(fn: FunctionLike): string | undefined {
  const own = 'name' in fn && fn.name && (compiler.isIdentifier(fn.name) || compiler.isStringLiteral(fn.name)) ? fn.name.text : undefined;
  if (compiler.isMethodDeclaration(fn) || compiler.isConstructorDeclaration(fn) || compiler.isGetAccessorDeclaration(fn) || compiler.isSetAccessorDeclaration(fn)) {
    const owner = fn.parent && (compiler.isClassDeclaration(fn.parent) || compiler.isClassExpression(fn.parent)) && fn.parent.name ? fn.parent.name.text : undefined;
    const method = own ?? (compiler.isConstructorDeclaration(fn) ? 'constructor' : undefined);
    return owner && method ? `${owner}.${method}` : method;
  }
  if (own) return own;
  const parent = fn.parent;
  if (parent && compiler.isVariableDeclaration(parent) && compiler.isIdentifier(parent.name)) return parent.name.text;
  if (parent && compiler.isPropertyAssignment(parent) && (compiler.isIdentifier(parent.name) || compiler.isStringLiteral(parent.name))) return parent.name.text;
  return undefined;
}

/** The innermost named function around a node (anonymous callbacks are skipped). */
export function enclosingFunction(node: ts.Node): { fn: FunctionLike; name: string } | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      const name = functionNameOf(current);
      if (name) return { fn: current, name };
    }
  }
  return undefined;
}

/** Whether an assignment's left side is this node (`user.email = …` writes, it does not read). */
export function isAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return !!parent && compiler.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= SyntaxKind.FirstAssignment && parent.operatorToken.kind <= SyntaxKind.LastAssignment;
}
