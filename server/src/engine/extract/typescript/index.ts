// Extracts the data model of one TypeScript / JavaScript file: parses it with the compiler bundled
// in ts-morph (syntax only, no program, no type checking) and walks it once without recursion.
import { ts } from 'ts-morph';
import type { SourceLanguage } from '../../../../../rules/api';
import type { DocTag } from '../../../../../rules/api';
import type { ExtractedFile, FileProblem } from '../../model';
import { findSuppressions } from '../suppressions';
import { createContext, type ExtractContext, propertyNameText } from './context';
import { extractClass, extractInterface, extractParameterLiterals, extractTypeAlias, extractVariableLiterals } from './declarations';
import { docHostOf, docOf } from './doc-comments';
import { schemaCallOf } from './schema-builders';
import { extractSchema } from './schemas';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

export function scriptKindOf(path: string): ts.ScriptKind {
  const ext = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? '.ts';
  return SCRIPT_KINDS[ext] ?? ts.ScriptKind.TS;
}

/** Parses a file the way the scanner does (the benchmark compares against a plain parse of this). */
export function parseSource(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
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
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return propertyNameText(node.name);
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  return undefined;
}

/** Tags written on a function (@erases, @consent, @purpose), with the function as their owner. */
function collectFunctionTags(ctx: ExtractContext, node: ts.Node, into: DocTag[]): void {
  const name = functionNameOf(node);
  if (name === undefined) return;
  const host = ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? docHostOf(node.parent) : node;
  into.push(...docOf(ctx, host, { kind: 'function', id: name }).tags);
}

function visit(ctx: ExtractContext, node: ts.Node, functionTags: DocTag[]): void {
  switch (node.kind) {
    case ts.SyntaxKind.InterfaceDeclaration:
      extractInterface(ctx, node as ts.InterfaceDeclaration);
      return;
    case ts.SyntaxKind.TypeAliasDeclaration:
      extractTypeAlias(ctx, node as ts.TypeAliasDeclaration);
      return;
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
      extractClass(ctx, node as ts.ClassLikeDeclaration);
      return;
    case ts.SyntaxKind.Parameter:
      if ((node as ts.ParameterDeclaration).type) extractParameterLiterals(ctx, node as ts.ParameterDeclaration);
      return;
    case ts.SyntaxKind.VariableDeclaration:
      if ((node as ts.VariableDeclaration).type) extractVariableLiterals(ctx, node as ts.VariableDeclaration);
      return;
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression: {
      if (ctx.handled.has(node)) return;
      const call = schemaCallOf(ctx, node);
      if (call) extractSchema(ctx, node as ts.CallExpression | ts.NewExpression, call);
      return;
    }
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      collectFunctionTags(ctx, node, functionTags);
      return;
    default:
      return;
  }
}

/** Extracts containers, fields, function tags, suppressions and syntax problems from one file. */
export function extractTypeScript(path: string, text: string, language: SourceLanguage): ExtractedFile {
  const sourceFile = parseSource(path, text);
  const ctx = createContext(sourceFile, path);
  const functionTags: DocTag[] = [];
  // Pre-order walk with an explicit stack: deeply nested code must not overflow our call stack.
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    visit(ctx, node, functionTags);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as ts.Node);
  }
  const suppressions = findSuppressions(text, ctx.lines);
  return {
    path,
    language,
    containers: ctx.containers,
    functionTags,
    problems: [...syntaxProblems(sourceFile), ...suppressions.problems],
    suppressions: suppressions.suppressions,
  };
}
