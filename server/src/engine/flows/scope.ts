// Finds where an identifier is declared by walking its enclosing scopes (parameters, block and file
// statements, for-of heads, catch clauses), without a binder: enough to follow aliases and
// annotations inside one file. Destructuring records the property path from the bound value.
import type { ts } from 'ts-morph';
import { compiler } from '../extract/typescript/compiler';
import { isFunctionLike } from './syntax';

const { SyntaxKind } = compiler;

export type Declaration =
  /** `const x = init` / `let x: T`; for destructuring, `path` is the property path inside the value. */
  | { readonly kind: 'variable'; readonly node: ts.VariableDeclaration; readonly path: readonly string[] }
  | { readonly kind: 'parameter'; readonly node: ts.ParameterDeclaration; readonly path: readonly string[] }
  /** `for (const x of xs)`: x is an element of the iterated value. */
  | { readonly kind: 'for-of'; readonly node: ts.VariableDeclaration; readonly iterable: ts.Expression; readonly path: readonly string[] }
  | { readonly kind: 'other' };

/** The property path to `name` inside a binding pattern, or undefined when it is not bound there. */
function pathInBinding(name: ts.BindingName, wanted: string, prefix: readonly string[] = []): readonly string[] | undefined {
  if (compiler.isIdentifier(name)) return name.text === wanted ? prefix : undefined;
  if (compiler.isObjectBindingPattern(name)) {
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        if (compiler.isIdentifier(element.name) && element.name.text === wanted) return prefix;
        continue;
      }
      const key = element.propertyName ?? element.name;
      const keyText = compiler.isIdentifier(key) || compiler.isStringLiteral(key) ? key.text : undefined;
      if (keyText === undefined) continue;
      const found = pathInBinding(element.name, wanted, [...prefix, keyText]);
      if (found) return found;
    }
    return undefined;
  }
  for (const element of name.elements) {
    if (compiler.isOmittedExpression(element)) continue;
    // Array destructuring: the element of a list has the list's element type; no property step.
    const found = pathInBinding(element.name, wanted, prefix);
    if (found) return found;
  }
  return undefined;
}

function inDeclarationList(list: ts.VariableDeclarationList, name: string): { node: ts.VariableDeclaration; path: readonly string[] } | undefined {
  for (const declaration of list.declarations) {
    const path = pathInBinding(declaration.name, name);
    if (path) return { node: declaration, path };
  }
  return undefined;
}

function inStatements(statements: readonly ts.Statement[], name: string): Declaration | undefined {
  for (const statement of statements) {
    if (compiler.isVariableStatement(statement)) {
      const found = inDeclarationList(statement.declarationList, name);
      if (found) return { kind: 'variable', ...found };
    } else if ((compiler.isFunctionDeclaration(statement) || compiler.isClassDeclaration(statement) || compiler.isEnumDeclaration(statement)) && statement.name?.text === name) {
      return { kind: 'other' };
    } else if (compiler.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name?.text === name) return { kind: 'other' };
      const bindings = clause?.namedBindings;
      if (bindings && compiler.isNamespaceImport(bindings) && bindings.name.text === name) return { kind: 'other' };
      if (bindings && compiler.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === name)) return { kind: 'other' };
    }
  }
  return undefined;
}

/** The declaration an identifier refers to, innermost scope first; undefined for globals. */
export function findDeclaration(identifier: ts.Identifier): Declaration | undefined {
  const name = identifier.text;
  let child: ts.Node = identifier;
  for (let scope: ts.Node | undefined = identifier.parent; scope; child = scope, scope = scope.parent) {
    if (isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        const path = pathInBinding(parameter.name, name);
        if (path) return { kind: 'parameter', node: parameter, path };
      }
      continue;
    }
    switch (scope.kind) {
      case SyntaxKind.Block:
      case SyntaxKind.SourceFile:
      case SyntaxKind.ModuleBlock:
      case SyntaxKind.CaseClause:
      case SyntaxKind.DefaultClause: {
        const found = inStatements((scope as ts.Block).statements, name);
        if (found) return found;
        break;
      }
      case SyntaxKind.ForOfStatement: {
        const loop = scope as ts.ForOfStatement;
        if (compiler.isVariableDeclarationList(loop.initializer) && child !== loop.expression) {
          const found = inDeclarationList(loop.initializer, name);
          if (found) return { kind: 'for-of', node: found.node, iterable: loop.expression, path: found.path };
        }
        break;
      }
      case SyntaxKind.ForStatement:
      case SyntaxKind.ForInStatement: {
        const init = (scope as ts.ForStatement).initializer;
        if (init && compiler.isVariableDeclarationList(init)) {
          const found = inDeclarationList(init, name);
          if (found) return { kind: 'other' };
        }
        break;
      }
      case SyntaxKind.CatchClause: {
        const variable = (scope as ts.CatchClause).variableDeclaration;
        if (variable && pathInBinding(variable.name, name)) return { kind: 'other' };
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The class around a node, for `this.x`. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (compiler.isClassDeclaration(current) || compiler.isClassExpression(current)) return current;
  }
  return undefined;
}

/** A class member by name: a property declaration or a constructor parameter property. */
export function classMember(cls: ts.ClassLikeDeclaration, name: string): ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
  for (const member of cls.members) {
    if (compiler.isPropertyDeclaration(member) && compiler.isIdentifier(member.name) && member.name.text === name) return member;
    if (compiler.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (parameter.modifiers?.length && compiler.isIdentifier(parameter.name) && parameter.name.text === name) return parameter;
      }
    }
  }
  return undefined;
}
