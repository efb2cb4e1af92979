// Extracts the data model of one TypeScript / JavaScript file: parses it with the compiler bundled
// in ts-morph (syntax only, no program, no type checking) and walks the tree once, parents first.
import { table } from '../../../../../rules/lib/tables';
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { SourceLanguage } from '../../../../../rules/api';
import type { DocTag } from '../../../../../rules/api';
import type { ExtractedFile, FileProblem } from '../../model';
import { findSuppressions } from '../suppressions';
import { createContext, type ExtractContext, propertyNameText } from './context';
import { extractClass, extractInterface, extractParameterLiterals, extractTypeAlias, extractVariableLiterals } from './declarations';
import { docHostOf, docOf, hasDoc } from './doc-comments';
import { schemaCallOf } from './schema-builders';
import { extractSchema } from './schemas';

const { SyntaxKind } = compiler;

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = table({
  '.ts': compiler.ScriptKind.TS,
  '.mts': compiler.ScriptKind.TS,
  '.cts': compiler.ScriptKind.TS,
  '.tsx': compiler.ScriptKind.TSX,
  '.js': compiler.ScriptKind.JS,
  '.mjs': compiler.ScriptKind.JS,
  '.cjs': compiler.ScriptKind.JS,
  '.jsx': compiler.ScriptKind.JSX,
});

export function scriptKindOf(path: string): ts.ScriptKind {
  const ext = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? '.ts';
  return SCRIPT_KINDS[ext] ?? compiler.ScriptKind.TS;
}

/** Parses a file the way the scanner does (the benchmark compares against a plain parse of this). */
export function parseSource(path: string, text: string): ts.SourceFile {
  return compiler.createSourceFile(path, text, compiler.ScriptTarget.Latest, true, scriptKindOf(path));
}

function syntaxProblems(sourceFile: ts.SourceFile): FileProblem[] {
  // parseDiagnostics is internal to the compiler but stable; it is what tsc reports as syntax errors.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return [];
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  return [
    {
      kind: 'syntax-error',
      severity: 'warning',
      message: `Syntax error TS${first.code}${more}; fields after it may be missed. Fix the syntax to analyse the whole file.`,
      range: { start: first.start, end: first.start + Math.max(1, first.length) },
    },
  ];
}

function functionNameOf(node: ts.Node): string | undefined {
  if ((compiler.isFunctionDeclaration(node) || compiler.isMethodDeclaration(node)) && node.name) return propertyNameText(node.name);
  if ((compiler.isArrowFunction(node) || compiler.isFunctionExpression(node)) && compiler.isVariableDeclaration(node.parent) && compiler.isIdentifier(node.parent.name)) return node.parent.name.text;
  return undefined;
}

/** Tags written on a function (@erases, @consent, @purpose), with the function as their owner. */
function collectFunctionTags(ctx: ExtractContext, node: ts.Node, into: DocTag[]): void {
  const name = functionNameOf(node);
  if (name === undefined) return;
  const host = compiler.isArrowFunction(node) || compiler.isFunctionExpression(node) ? docHostOf(node.parent) : node;
  if (!hasDoc(host)) return;
  into.push(...docOf(ctx, host, { kind: 'function', id: name }).tags);
}

function visit(ctx: ExtractContext, node: ts.Node, functionTags: DocTag[]): void {
  switch (node.kind) {
    case compiler.SyntaxKind.InterfaceDeclaration:
      extractInterface(ctx, node as ts.InterfaceDeclaration);
      return;
    case compiler.SyntaxKind.TypeAliasDeclaration:
      extractTypeAlias(ctx, node as ts.TypeAliasDeclaration);
      return;
    case compiler.SyntaxKind.ClassDeclaration:
    case compiler.SyntaxKind.ClassExpression:
      extractClass(ctx, node as ts.ClassLikeDeclaration);
      return;
    case compiler.SyntaxKind.Parameter:
      if ((node as ts.ParameterDeclaration).type) extractParameterLiterals(ctx, node as ts.ParameterDeclaration);
      return;
    case compiler.SyntaxKind.VariableDeclaration:
      if ((node as ts.VariableDeclaration).type) extractVariableLiterals(ctx, node as ts.VariableDeclaration);
      return;
    case compiler.SyntaxKind.CallExpression:
    case compiler.SyntaxKind.NewExpression: {
      if (ctx.handled.has(node)) return;
      const call = schemaCallOf(ctx, node);
      if (call) extractSchema(ctx, node as ts.CallExpression | ts.NewExpression, call);
      return;
    }
    case compiler.SyntaxKind.FunctionDeclaration:
    case compiler.SyntaxKind.MethodDeclaration:
    case compiler.SyntaxKind.ArrowFunction:
    case compiler.SyntaxKind.FunctionExpression:
      collectFunctionTags(ctx, node, functionTags);
      return;
    default:
      return;
  }
}

/** Keys whose object value names fields to read (`select: { email: true }`, `where: { email }`). */
const SELECTING_KEYS = new Set(['select', 'include', 'where', 'orderBy', 'projection', 'fields', 'attributes', 'pick', 'omit', 'groupBy', 'distinct', 'sort']);
/** Calls whose string arguments name fields (`.select('email name')`, `pick(user, 'email')`). */
const SELECTING_CALLS = new Set(['select', 'addSelect', 'pick', 'get', 'populate', 'pluck', 'orderBy', 'groupBy', 'sortBy', 'distinct', 'only', 'project', 'attributes']);

function addReadNames(ctx: ExtractContext, text: string): void {
  for (const name of text.split(/[\s,]+/)) if (/^[A-Za-z_$][\w$]*$/.test(name)) ctx.reads.add(name);
}

/** Records the field names a node reads, for unused-personal-data (names only: cheap and type-free). */
function collectRead(ctx: ExtractContext, node: ts.Node): void {
  switch (node.kind) {
    case SyntaxKind.PropertyAccessExpression: {
      const access = node as ts.PropertyAccessExpression;
      const parent = access.parent;
      const written = compiler.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === SyntaxKind.EqualsToken;
      if (!written && compiler.isIdentifier(access.name)) ctx.reads.add(access.name.text);
      return;
    }
    case SyntaxKind.ElementAccessExpression: {
      const key = (node as ts.ElementAccessExpression).argumentExpression;
      if (compiler.isStringLiteral(key)) ctx.reads.add(key.text);
      return;
    }
    case SyntaxKind.BindingElement: {
      const element = node as ts.BindingElement;
      if (element.dotDotDotToken || !compiler.isObjectBindingPattern(element.parent)) return;
      const key = element.propertyName ?? element.name;
      if (compiler.isIdentifier(key) || compiler.isStringLiteral(key)) ctx.reads.add(key.text);
      return;
    }
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.ShorthandPropertyAssignment: {
      const property = node as ts.PropertyAssignment;
      const holder = property.parent.parent;
      if (holder && compiler.isPropertyAssignment(holder) && compiler.isIdentifier(holder.name) && SELECTING_KEYS.has(holder.name.text)) {
        const key = propertyNameText(property.name);
        if (key !== undefined) ctx.reads.add(key);
      }
      return;
    }
    case SyntaxKind.CallExpression: {
      const call = node as ts.CallExpression;
      const callee = call.expression;
      const name = compiler.isIdentifier(callee) ? callee.text : compiler.isPropertyAccessExpression(callee) && compiler.isIdentifier(callee.name) ? callee.name.text : undefined;
      if (name === undefined || !SELECTING_CALLS.has(name)) return;
      for (const arg of call.arguments) {
        if (compiler.isStringLiteral(arg) || compiler.isNoSubstitutionTemplateLiteral(arg)) addReadNames(ctx, arg.text);
        else if (compiler.isArrayLiteralExpression(arg)) for (const item of arg.elements) if (compiler.isStringLiteral(item)) addReadNames(ctx, item.text);
      }
      return;
    }
    default:
      return;
  }
}

/** Extracts containers, fields, function tags, suppressions and syntax problems, and returns the tree. */
export function extractTypeScriptWithTree(path: string, text: string, language: SourceLanguage): { file: ExtractedFile; sourceFile: ts.SourceFile } {
  const sourceFile = parseSource(path, text);
  const ctx = createContext(sourceFile, path);
  const functionTags: DocTag[] = [];
  // A recursive walk allocates nothing per node. It recurses far less per level than the compiler's
  // parser did on the same tree, and a RangeError still falls back to the big-stack worker.
  const walk = (node: ts.Node): undefined => {
    const kind = node.kind;
    // Nothing extracted lives inside a type annotation (inline object types are read from the
    // parameter, variable or member that owns them), an identifier or an import: skip them.
    if (kind === SyntaxKind.Identifier || (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode) || kind === SyntaxKind.ImportDeclaration) return undefined;
    collectRead(ctx, node);
    visit(ctx, node, functionTags);
    compiler.forEachChild(node, walk);
    return undefined;
  };
  walk(sourceFile);
  const suppressions = findSuppressions(text, ctx.lines);
  const file: ExtractedFile = {
    path,
    language,
    containers: ctx.containers,
    typeAliases: ctx.typeAliases,
    reads: [...ctx.reads],
    functionTags,
    problems: [...syntaxProblems(sourceFile), ...suppressions.problems],
    suppressions: suppressions.suppressions,
  };
  return { file, sourceFile };
}

/** Extracts containers, fields, function tags, suppressions and syntax problems from one file. */
export function extractTypeScript(path: string, text: string, language: SourceLanguage): ExtractedFile {
  return extractTypeScriptWithTree(path, text, language).file;
}
