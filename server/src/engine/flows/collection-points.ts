// Finds where personal data enters the code: NestJS handlers (@Body/@Query DTOs), Express, Fastify,
// Koa and Hono routes (req.body), Next.js route handlers (request.json(), formData) and server
// actions, and react-hook-form forms; each with the declared fields, or field names, it collects.
import type { ts } from 'ts-morph';
import type { CollectionPoint, DataElement } from '../../../../rules/api';
import { compiler } from '../extract/typescript/compiler';
import type { ContainerHit, DataIndex } from './data-index';
import type { Resolver } from './resolve';
import { calleeName, type FunctionLike, functionNameOf, isFunctionLike, unwrap } from './syntax';

const NEST_VERBS = new Set(['Post', 'Put', 'Patch', 'Get', 'Delete', 'All']);
const NEST_INPUTS = new Set(['Body', 'Query', 'Param']);
const ROUTE_VERBS = new Set(['post', 'put', 'patch', 'get', 'delete', 'all']);
const ROUTERS = new Set(['app', 'router', 'server', 'fastify', 'api', 'routes', 'route', 'r', 'instance', 'hono', 'koa', 'express', 'apiRouter', 'v1']);
const NEXT_VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PARSE_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'cast', 'validateAsync']);
const NEXT_ROUTE_FILE = /(^|\/)app\/(.*\/)?route\.[cm]?[jt]sx?$/;

interface Collected {
  readonly elements: Set<DataElement>;
  readonly names: Set<string>;
}

/** The body type a request parameter's type names: `Request<P, R, Body>`, `FastifyRequest<{ Body: T }>`, `{ body: T }`. */
function bodyTypeOf(type: ts.TypeNode | undefined): ts.TypeNode | undefined {
  if (!type) return undefined;
  if (compiler.isTypeLiteralNode(type)) {
    for (const member of type.members) {
      if (compiler.isPropertySignature(member) && compiler.isIdentifier(member.name) && (member.name.text === 'body' || member.name.text === 'Body')) return member.type;
    }
    return undefined;
  }
  if (!compiler.isTypeReferenceNode(type)) return undefined;
  const args = type.typeArguments ?? [];
  const literal = args.find(compiler.isTypeLiteralNode);
  if (literal) return bodyTypeOf(literal);
  return args.length >= 3 ? args[2] : undefined;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expression = compiler.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return compiler.isIdentifier(expression) ? expression.text : undefined;
}

function stringArgument(call: ts.CallExpression | undefined): string | undefined {
  const arg = call?.arguments[0];
  return arg && (compiler.isStringLiteral(arg) || compiler.isNoSubstitutionTemplateLiteral(arg)) && /^[A-Za-z_$][\w$.-]*$/.test(arg.text) ? arg.text : undefined;
}

function hasUseServer(statements: readonly ts.Statement[]): boolean {
  const first = statements[0];
  return !!first && compiler.isExpressionStatement(first) && compiler.isStringLiteral(first.expression) && first.expression.text === 'use server';
}

function isExported(node: ts.Node): boolean {
  const statement = compiler.isVariableDeclaration(node) ? node.parent.parent : node;
  return compiler.canHaveModifiers(statement) && (compiler.getModifiers(statement) ?? []).some((m) => m.kind === compiler.SyntaxKind.ExportKeyword);
}

export class CollectionPointFinder {
  private readonly nextRoute: boolean;
  private readonly serverFile: boolean;

  constructor(
    private readonly file: string,
    private readonly sourceFile: ts.SourceFile,
    private readonly index: DataIndex,
    private readonly resolver: Resolver,
  ) {
    this.nextRoute = NEXT_ROUTE_FILE.test(file);
    this.serverFile = hasUseServer(sourceFile.statements);
  }

  private addContainer(into: Collected, hit: ContainerHit | undefined): void {
    if (!hit || hit.repository) return;
    for (const element of this.index.fieldsOf(hit.container)) into.elements.add(element);
  }

  /** Whether an expression is the request's data: a body identifier, `req.body`, `req.query`, `await req.json()`. */
  private isInput(expression: ts.Expression, request: string | undefined, bodies: ReadonlySet<string>): boolean {
    const node = unwrap(expression);
    if (compiler.isIdentifier(node)) return bodies.has(node.text);
    if (compiler.isPropertyAccessExpression(node) && compiler.isIdentifier(node.name) && (node.name.text === 'body' || node.name.text === 'query')) {
      const receiver = unwrap(node.expression);
      return compiler.isIdentifier(receiver) && receiver.text === request;
    }
    if (compiler.isCallExpression(node) && compiler.isPropertyAccessExpression(node.expression) && ['json', 'formData'].includes(calleeName(node) ?? '')) {
      const receiver = unwrap(node.expression.expression);
      return compiler.isIdentifier(receiver) && receiver.text === request;
    }
    return false;
  }

  /** What a handler body reads from its input: fields by name, whole schemas or DTO casts. */
  private scanHandler(fn: FunctionLike, request: string | undefined, initialBodies: readonly string[], into: Collected): void {
    const bodies = new Set(initialBodies);
    const visit = (node: ts.Node): void => {
      if (compiler.isVariableDeclaration(node) && node.initializer && this.isInput(node.initializer, request, bodies)) {
        if (compiler.isIdentifier(node.name)) bodies.add(node.name.text);
        else if (compiler.isObjectBindingPattern(node.name)) {
          for (const element of node.name.elements) {
            const key = element.propertyName ?? element.name;
            if (compiler.isIdentifier(key)) into.names.add(key.text);
          }
        }
        const typed = this.resolver.containerOfType(node.type);
        this.addContainer(into, typed);
      } else if (compiler.isPropertyAccessExpression(node) && compiler.isIdentifier(node.name) && this.isInput(node.expression, request, bodies)) {
        // body.email is a field; formData.get(…) is a method of the input, not one of its fields.
        const called = compiler.isCallExpression(node.parent) && node.parent.expression === node;
        if (!called) into.names.add(node.name.text);
      } else if (compiler.isElementAccessExpression(node) && this.isInput(node.expression, request, bodies) && compiler.isStringLiteral(node.argumentExpression)) {
        into.names.add(node.argumentExpression.text);
      } else if (compiler.isCallExpression(node)) {
        const method = calleeName(node);
        if (method && PARSE_METHODS.has(method) && node.arguments.some((a) => this.isInput(a, request, bodies) || this.mentionsInput(a, request, bodies))) {
          this.addContainer(into, this.resolver.containerOf(node));
        } else if (method === 'get' && compiler.isPropertyAccessExpression(node.expression) && this.isInput(node.expression.expression, request, bodies)) {
          const name = stringArgument(node);
          if (name) into.names.add(name);
        }
      } else if ((compiler.isAsExpression(node) || compiler.isSatisfiesExpression(node)) && this.isInput(node.expression, request, bodies)) {
        this.addContainer(into, this.resolver.containerOfType(node.type));
      }
      compiler.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  }

  private mentionsInput(expression: ts.Expression, request: string | undefined, bodies: ReadonlySet<string>): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (compiler.isExpression(node) && this.isInput(node, request, bodies)) found = true;
      else compiler.forEachChild(node, visit);
    };
    visit(expression);
    return found;
  }

  private point(kind: CollectionPoint['kind'], method: string | undefined, handler: string, node: ts.Node, collected: Collected): CollectionPoint | undefined {
    if (collected.elements.size === 0 && collected.names.size === 0) return undefined;
    const elementNames = new Set([...collected.elements].map((e) => e.field));
    return {
      id: `${this.file}#${handler}`,
      kind,
      ...(method ? { method } : {}),
      handler,
      file: this.file,
      range: { start: node.getStart(this.sourceFile), end: node.getEnd() },
      line: this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1,
      elementIds: [...collected.elements].map((e) => e.id).sort(),
      fieldNames: [...collected.names].filter((n) => !elementNames.has(n)).sort(),
    };
  }

  private nest(method: ts.MethodDeclaration): CollectionPoint | undefined {
    const verb = (compiler.getDecorators(method) ?? []).map(decoratorName).find((n) => n !== undefined && NEST_VERBS.has(n));
    if (!verb) return undefined;
    const collected: Collected = { elements: new Set(), names: new Set() };
    for (const parameter of method.parameters) {
      const input = (compiler.getDecorators(parameter) ?? []).find((d) => NEST_INPUTS.has(decoratorName(d) ?? ''));
      if (!input) continue;
      const key = stringArgument(compiler.isCallExpression(input.expression) ? input.expression : undefined);
      if (key) collected.names.add(key);
      else this.addContainer(collected, this.resolver.containerOfType(parameter.type));
    }
    return this.point('nestjs', verb.toUpperCase(), functionNameOf(method) ?? 'handler', method, collected);
  }

  private route(call: ts.CallExpression): CollectionPoint | undefined {
    const callee = unwrap(call.expression);
    if (!compiler.isPropertyAccessExpression(callee) || !compiler.isIdentifier(callee.name) || !ROUTE_VERBS.has(callee.name.text)) return undefined;
    const receiver = unwrap(callee.expression);
    const receiverName = compiler.isIdentifier(receiver) ? receiver.text : compiler.isPropertyAccessExpression(receiver) && compiler.isIdentifier(receiver.name) ? receiver.name.text : undefined;
    if (!receiverName || !ROUTERS.has(receiverName)) return undefined;
    const handler = [...call.arguments].reverse().find((a) => compiler.isArrowFunction(a) || compiler.isFunctionExpression(a)) as ts.ArrowFunction | ts.FunctionExpression | undefined;
    if (!handler) return undefined;
    const first = handler.parameters[0];
    const request = first && compiler.isIdentifier(first.name) ? first.name.text : undefined;
    const collected: Collected = { elements: new Set(), names: new Set() };
    // Typed requests: Request<{}, {}, CreateCustomerBody> (Express), FastifyRequest<{ Body: … }>, { body: … }.
    this.addContainer(collected, this.resolver.containerOfType(bodyTypeOf(first?.type)));
    this.scanHandler(handler, request, [], collected);
    const kind = receiverName === 'fastify' ? 'fastify' : 'express';
    const name = functionNameOf(handler) ?? `${callee.name.text.toUpperCase()} handler`;
    return this.point(kind, callee.name.text.toUpperCase(), name, call, collected);
  }

  private nextHandler(fn: FunctionLike, name: string, kind: 'next-route' | 'next-server-action'): CollectionPoint | undefined {
    const collected: Collected = { elements: new Set(), names: new Set() };
    const bodies: string[] = [];
    let request: string | undefined;
    for (const parameter of fn.parameters) {
      if (!compiler.isIdentifier(parameter.name)) continue;
      const typeName = parameter.type && compiler.isTypeReferenceNode(parameter.type) && compiler.isIdentifier(parameter.type.typeName) ? parameter.type.typeName.text : undefined;
      if (typeName === 'FormData') bodies.push(parameter.name.text);
      else if (typeName === 'Request' || typeName === 'NextRequest') request = parameter.name.text;
      else if (kind === 'next-server-action') this.addContainer(collected, this.resolver.containerOfType(parameter.type));
    }
    this.scanHandler(fn, request, bodies, collected);
    return this.point(kind, kind === 'next-route' ? name : 'POST', name, fn, collected);
  }

  private form(call: ts.CallExpression): CollectionPoint | undefined {
    if (calleeName(call) !== 'useForm') return undefined;
    const collected: Collected = { elements: new Set(), names: new Set() };
    this.addContainer(collected, this.resolver.containerOfType(call.typeArguments?.[0]));
    const options = call.arguments[0];
    if (options && compiler.isObjectLiteralExpression(options)) {
      for (const property of options.properties) {
        if (!compiler.isPropertyAssignment(property) || !compiler.isIdentifier(property.name) || property.name.text !== 'resolver') continue;
        const resolverCall = unwrap(property.initializer);
        const schema = compiler.isCallExpression(resolverCall) ? resolverCall.arguments[0] : undefined;
        if (schema && compiler.isIdentifier(schema)) this.addContainer(collected, this.index.resolve({ name: schema.text }, this.file));
      }
    }
    let owner: ts.Node | undefined = call.parent;
    while (owner && !isFunctionLike(owner)) owner = owner.parent;
    const name = owner ? (functionNameOf(owner) ?? 'form') : 'form';
    return this.point('form', undefined, name, call, collected);
  }


  /** The collection point a node is, if any (called for every node of the file, parents first). */
  at(node: ts.Node): CollectionPoint | undefined {
    if (compiler.isMethodDeclaration(node)) return this.nest(node);
    if (compiler.isCallExpression(node)) return this.route(node) ?? this.form(node);
    if (!isFunctionLike(node)) return undefined;
    const name = functionNameOf(node);
    const host = compiler.isFunctionDeclaration(node) ? node : node.parent;
    const inlineAction = node.body && compiler.isBlock(node.body) && hasUseServer(node.body.statements);
    if (name && this.nextRoute && NEXT_VERBS.has(name) && host && isExported(host)) return this.nextHandler(node, name, 'next-route');
    if (name && (inlineAction || (this.serverFile && host && isExported(host)))) return this.nextHandler(node, name, 'next-server-action');
    return undefined;
  }
}
