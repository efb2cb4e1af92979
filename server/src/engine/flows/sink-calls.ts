// Finds the calls and assignments of one file that reach a sink of the catalogue: by what the callee
// is bound to (an import, an instance made from one, an injected parameter typed with one), by an
// unbound global (`console`, `localStorage`), or by the receiver's name (`this.logger.info`).
import type { ts } from 'ts-morph';
import type { SinkCatalogue, SinkDefinition } from '../../../../rules/flows/catalogue';
import { compiler } from '../extract/typescript/compiler';
import { classMember, enclosingClass, findDeclaration } from './scope';
import { type Chain, chainOf, chainText, hostOf, unwrap } from './syntax';

const { SyntaxKind } = compiler;

/** What a binding comes from: a module and the export it names (`default`, `*` or a name). */
export interface Origin {
  readonly module: string;
  readonly exportName: string;
  /** A value made from the export (`new Analytics()`, `pino()`), not the export itself. */
  readonly instance: boolean;
}

export interface SinkArgument {
  readonly node: ts.Expression;
  readonly role: 'url' | 'payload';
}

export interface SinkCall {
  readonly definition: SinkDefinition;
  /** The callee or target as written, identifiers only. */
  readonly callee: string;
  readonly node: ts.CallExpression | ts.NewExpression | ts.BinaryExpression;
  readonly args: readonly SinkArgument[];
  /** The module the callee is bound to, when it is bound to one. */
  readonly module?: string;
  /** For HTTP: the literal host of the URL, when it is absolute. */
  readonly host?: string;
}

/** Local import bindings of a file: name → module and export. */
export function importsOf(sourceFile: ts.SourceFile): Map<string, Origin> {
  const imports = new Map<string, Origin>();
  const requireOf = (init: ts.Expression | undefined): { module: string; exportName: string } | undefined => {
    if (!init) return undefined;
    let node = unwrap(init);
    let exportName = '*';
    if (compiler.isPropertyAccessExpression(node) && compiler.isIdentifier(node.name)) {
      exportName = node.name.text;
      node = unwrap(node.expression);
    }
    if (!compiler.isCallExpression(node) || !compiler.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
    const arg = node.arguments[0];
    return arg && compiler.isStringLiteral(arg) ? { module: arg.text, exportName } : undefined;
  };
  for (const statement of sourceFile.statements) {
    if (compiler.isImportDeclaration(statement) && compiler.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) imports.set(clause.name.text, { module, exportName: 'default', instance: false });
      const bindings = clause.namedBindings;
      if (bindings && compiler.isNamespaceImport(bindings)) imports.set(bindings.name.text, { module, exportName: '*', instance: false });
      if (bindings && compiler.isNamedImports(bindings)) {
        for (const element of bindings.elements) imports.set(element.name.text, { module, exportName: (element.propertyName ?? element.name).text, instance: false });
      }
    } else if (compiler.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const required = requireOf(declaration.initializer);
        if (!required) continue;
        if (compiler.isIdentifier(declaration.name)) imports.set(declaration.name.text, { ...required, instance: false });
        else if (compiler.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!compiler.isIdentifier(element.name)) continue;
            const key = element.propertyName && compiler.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            imports.set(element.name.text, { module: required.module, exportName: key, instance: false });
          }
        }
      }
    }
  }
  return imports;
}

/** Finds the sink calls of one file. */
export class SinkFinder {
  private readonly imports: Map<string, Origin>;

  /** The file imports an SDK any call of which is a sink (an LLM client): no quick rejection by name. */
  private readonly anyCall: boolean;

  constructor(
    sourceFile: ts.SourceFile,
    private readonly catalogue: SinkCatalogue,
  ) {
    this.imports = importsOf(sourceFile);
    this.anyCall = [...this.imports.values()].some((origin) => catalogue.acceptsAnyCall(origin.module));
  }

  /** Imports of the file, by local name. */
  get importBindings(): Map<string, Origin> {
    return this.imports;
  }

  /** The origin of a type annotation: `Logger` imported from a module, or `pino.Logger`. */
  private originOfType(type: ts.TypeNode | undefined): Origin | undefined {
    if (!type || !compiler.isTypeReferenceNode(type)) return undefined;
    const name = type.typeName;
    const root = compiler.isIdentifier(name) ? name.text : compiler.isIdentifier(name.left) ? name.left.text : undefined;
    const found = root ? this.imports.get(root) : undefined;
    if (!found) return undefined;
    return { ...found, exportName: compiler.isIdentifier(name) ? found.exportName : name.right.text, instance: true };
  }

  /** The origin of a value expression: a bound name, or an instance made from one. */
  private originOfValue(expression: ts.Expression, depth: number): Origin | undefined {
    if (depth > 6) return undefined;
    const node = unwrap(expression);
    if (compiler.isCallExpression(node) || compiler.isNewExpression(node)) {
      const chain = chainOf(node.expression);
      const origin = chain ? this.originOfChainRoot(chain, depth + 1) : undefined;
      return origin ? { ...origin, instance: true } : undefined;
    }
    if (compiler.isPropertyAccessExpression(node)) {
      const chain = chainOf(node);
      const origin = chain ? this.originOfChainRoot(chain, depth + 1) : undefined;
      return origin ? { ...origin, instance: origin.instance || chain!.members.length > 0 } : undefined;
    }
    if (compiler.isIdentifier(node)) return this.originOfName(node, depth + 1);
    return undefined;
  }

  private originOfName(identifier: ts.Identifier, depth: number): Origin | undefined {
    const declaration = findDeclaration(identifier);
    if (declaration?.kind === 'variable' && declaration.path.length === 0) {
      const { node } = declaration;
      return (node.initializer ? this.originOfValue(node.initializer, depth) : undefined) ?? this.originOfType(node.type);
    }
    if (declaration?.kind === 'parameter' && declaration.path.length === 0) return this.originOfType(declaration.node.type);
    if (declaration && declaration.kind !== 'other') return undefined;
    return this.imports.get(identifier.text);
  }

  private originOfChainRoot(chain: Chain, depth: number): Origin | undefined {
    if (chain.rootName?.startsWith('this.')) {
      const cls = enclosingClass(chain.root);
      const member = cls ? classMember(cls, chain.rootName.slice(5)) : undefined;
      if (!member) return undefined;
      return (member.initializer ? this.originOfValue(member.initializer, depth) : undefined) ?? this.originOfType(member.type);
    }
    if (compiler.isIdentifier(chain.root)) return this.originOfName(chain.root, depth);
    return this.originOfValue(chain.root, depth);
  }

  /** Whether a root name is the global of that name (declared nowhere in scope, imported from nothing). */
  private isUnbound(chain: Chain): boolean {
    return compiler.isIdentifier(chain.root) && findDeclaration(chain.root) === undefined && !this.imports.has(chain.root.text);
  }

  /** `window.localStorage.setItem` → localStorage + [setItem]; `window.gtag(…)` → gtag. */
  private normaliseGlobal(chain: Chain, calling: boolean): { name: string; members: readonly string[] } | undefined {
    if (!chain.rootName || !this.isUnbound(chain)) return undefined;
    const [first, ...rest] = chain.members;
    if (['window', 'globalThis', 'self'].includes(chain.rootName) && first !== undefined && this.catalogue.isGlobal(first) && (rest.length > 0 || calling)) {
      return { name: first, members: rest };
    }
    return { name: chain.rootName, members: chain.members };
  }

  /** Catalogue entries a chain reaches, with the member path to match against their calls. */
  private candidates(chain: Chain, calling: boolean): { definition: SinkDefinition; path: string; module?: string }[] {
    const origin = chain.rootName || compiler.isCallExpression(chain.root) || compiler.isNewExpression(chain.root) ? this.originOfChainRoot(chain, 0) : undefined;
    if (origin) {
      const found: { definition: SinkDefinition; path: string; module: string }[] = [];
      for (const definition of this.catalogue.forModule(origin.module, origin.exportName)) {
        const exportSpecific = (definition.modules ?? []).some((p) => p.includes('#') && p.endsWith(`#${origin.exportName}`));
        const named = !origin.instance && !exportSpecific && origin.exportName !== 'default' && origin.exportName !== '*';
        found.push({ definition, path: (named ? [origin.exportName, ...chain.members] : chain.members).join('.'), module: origin.module });
      }
      // A module the catalogue does not know (a project's own logger wrapper) may still be a logger by name.
      if (found.length > 0) return found;
    } else {
      const global = this.normaliseGlobal(chain, calling);
      if (global) return this.catalogue.forGlobal(global.name).map((definition) => ({ definition, path: global.members.join('.') }));
    }
    // Injected or untyped loggers: the receiver's name says what it is.
    const receiver = chain.members.length >= 2 ? chain.members[chain.members.length - 2] : chain.rootName?.replace(/^this\./, '');
    const last = chain.members[chain.members.length - 1];
    if (receiver === undefined || last === undefined) return [];
    return this.catalogue.forReceiver(receiver).map((definition) => ({ definition, path: last }));
  }

  private argumentsOf(definition: SinkDefinition, args: readonly ts.Expression[]): SinkArgument[] {
    const url = new Set(definition.url ?? []);
    const payload = definition.payload ? new Set(definition.payload) : undefined;
    const result: SinkArgument[] = [];
    args.forEach((node, i) => {
      if (url.has(i)) result.push({ node, role: 'url' });
      else if (!payload || payload.has(i)) result.push({ node, role: 'payload' });
    });
    return result;
  }

  /** The sink a call or `new` reaches, if any. */
  callSink(node: ts.CallExpression | ts.NewExpression): SinkCall | undefined {
    const chain = chainOf(node.expression);
    if (!chain) return undefined;
    // Most calls of a file reach no sink: reject them by their last name before resolving anything.
    if (!this.anyCall && !this.catalogue.callNames.has(chain.members[chain.members.length - 1] ?? '')) return undefined;
    for (const { definition, path, module } of this.candidates(chain, true)) {
      if (compiler.isNewExpression(node) && !definition.constructs) continue;
      if (!compiler.isNewExpression(node) && definition.constructs) continue;
      const calls = definition.calls ?? [];
      if (!calls.includes('*') && !calls.includes(path)) continue;
      const args = this.argumentsOf(definition, node.arguments ?? []);
      const urlArg = args.find((a) => a.role === 'url');
      const host = definition.kind === 'http' && urlArg ? hostOf(urlArg.node) : undefined;
      return { definition, callee: chainText(chain), node, args, ...(module ? { module } : {}), ...(host ? { host } : {}) };
    }
    return undefined;
  }

  /** The sink an assignment writes to (`document.cookie = …`, `location.href = …`), if any. */
  assignmentSink(node: ts.BinaryExpression): SinkCall | undefined {
    const chain = chainOf(node.left);
    if (!chain || chain.members.length === 0) return undefined;
    const target = { ...chain, members: chain.members.slice(0, -1) };
    const last = chain.members[chain.members.length - 1] as string;
    for (const { definition, path } of this.candidates(target, false)) {
      const member = path ? `${path}.${last}` : last;
      if (!(definition.assignments ?? []).includes(member)) continue;
      return { definition, callee: chainText(chain), node, args: [{ node: node.right, role: definition.kind === 'url' ? 'url' : 'payload' }] };
    }
    return undefined;
  }
}

/** Whether a node is an assignment with `=` or `+=` (the operators that write a value). */
export function isWritingAssignment(node: ts.Node): node is ts.BinaryExpression {
  return compiler.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.EqualsToken || node.operatorToken.kind === SyntaxKind.PlusEqualsToken);
}
