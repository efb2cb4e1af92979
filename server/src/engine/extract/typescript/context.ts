// Per-file state shared by the TypeScript extraction modules: the parsed file, its text and
// line index, the imports (local name → module), and the containers found so far.
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { ContainerFacts, TypeAliasFacts } from '../../model';
import { LineIndex, detectEol } from '../../text/line-index';

export interface ExtractContext {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly path: string;
  readonly lines: LineIndex;
  readonly eol: '\n' | '\r\n';
  /** Local binding → module specifier, from the file's import declarations and require calls. */
  readonly imports: Map<string, string>;
  readonly containers: ContainerFacts[];
  readonly typeAliases: TypeAliasFacts[];
  /** Field names the code reads (property accesses, destructuring, select-like keys). */
  readonly reads: Set<string>;
  /** Nodes already extracted as part of an enclosing container (nested shapes). */
  readonly handled: Set<ts.Node>;
  /** Container names used so far in this file, to keep them unique. */
  readonly usedNames: Map<string, number>;
}

export function createContext(sourceFile: ts.SourceFile, path: string): ExtractContext {
  const text = sourceFile.text;
  return {
    sourceFile,
    text,
    path,
    lines: new LineIndex(text),
    eol: detectEol(text),
    imports: collectImports(sourceFile),
    containers: [],
    typeAliases: [],
    reads: new Set(),
    handled: new Set(),
    usedNames: new Map(),
  };
}

/** A container name unique in the file: the second `Address` becomes `Address#2`. */
export function uniqueName(ctx: ExtractContext, name: string): string {
  const seen = ctx.usedNames.get(name) ?? 0;
  ctx.usedNames.set(name, seen + 1);
  return seen === 0 ? name : `${name}#${seen + 1}`;
}

function collectImports(sourceFile: ts.SourceFile): Map<string, string> {
  const imports = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (compiler.isImportDeclaration(statement) && compiler.isStringLiteral(statement.moduleSpecifier)) {
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) imports.set(clause.name.text, from);
      const bindings = clause.namedBindings;
      if (bindings && compiler.isNamespaceImport(bindings)) imports.set(bindings.name.text, from);
      if (bindings && compiler.isNamedImports(bindings)) for (const element of bindings.elements) imports.set(element.name.text, from);
    } else if (compiler.isVariableStatement(statement)) {
      // const { z } = require('zod'); const mongoose = require('mongoose')
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!init || !compiler.isCallExpression(init) || !compiler.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
        const arg = init.arguments[0];
        if (!arg || !compiler.isStringLiteral(arg)) continue;
        if (compiler.isIdentifier(declaration.name)) imports.set(declaration.name.text, arg.text);
        else if (compiler.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) if (compiler.isIdentifier(element.name)) imports.set(element.name.text, arg.text);
        }
      }
    }
  }
  return imports;
}

/** The text of a property name, or undefined for computed names ([OptionalProps]). */
export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (compiler.isIdentifier(name) || compiler.isPrivateIdentifier(name)) return name.text.replace(/^#/, '');
  if (compiler.isStringLiteral(name) || compiler.isNoSubstitutionTemplateLiteral(name) || compiler.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The range of a node's first token to its end, without leading trivia. */
export function rangeOf(ctx: ExtractContext, node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(ctx.sourceFile), end: node.getEnd() };
}
