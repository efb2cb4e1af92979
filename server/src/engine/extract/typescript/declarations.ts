// Extracts containers declared with TypeScript syntax: interfaces, type aliases of object types,
// classes (entities, DTOs, constructor parameter properties) and inline object types of parameters.
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { ElementForm } from '../../../../../rules/api';
import type { ContainerFacts, ContainerRole, FieldFacts } from '../../model';
import { type ExtractContext, propertyNameText, rangeOf, uniqueName } from './context';
import { decoratorFactsOf } from './decorators';
import { docHostOf, docOf } from './doc-comments';
import { nestedTypeLiterals, typeFactsOf } from './type-facts';
import { typeTargetOf } from '../../flows/type-targets';

/** Modifiers that turn a constructor parameter into a property (constructor(private email: string)). */
const PARAMETER_PROPERTY_MODIFIERS = new Set([compiler.SyntaxKind.PublicKeyword, compiler.SyntaxKind.PrivateKeyword, compiler.SyntaxKind.ProtectedKeyword, compiler.SyntaxKind.ReadonlyKeyword, compiler.SyntaxKind.OverrideKeyword]);

/** Class decorators that mark a persisted entity (its fields are stored, not just shaped). */
const ENTITY_DECORATORS = new Set(['Entity', 'Table', 'Schema', 'Model', 'Document', 'Collection', 'Embeddable', 'ViewEntity']);

function newContainer(
  ctx: ExtractContext,
  name: string,
  form: ElementForm,
  role: ContainerRole,
  nameNode: ts.Node,
  docHost: ts.Node,
  extra: Partial<Pick<ContainerFacts, 'parent' | 'heritage'>> = {},
): ContainerFacts {
  const doc = docOf(ctx, docHost, { kind: 'container', id: name });
  const container: ContainerFacts = { name, form, role, file: ctx.path, nameRange: rangeOf(ctx, nameNode), doc: doc.anchor, tags: doc.tags, fields: [], ...extra };
  ctx.containers.push(container);
  return container;
}

function heritageOf(clauses: ts.NodeArray<ts.HeritageClause> | undefined): string[] {
  const names: string[] = [];
  for (const clause of clauses ?? []) {
    for (const type of clause.types) if (compiler.isIdentifier(type.expression)) names.push(type.expression.text);
  }
  return names;
}

/** Adds one property signature / declaration with a type annotation, and its nested object types. */
function addTypedField(ctx: ExtractContext, container: ContainerFacts, member: ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration, form: ElementForm): void {
  const name = propertyNameText(member.name);
  if (name === undefined) return;
  const typeNode = member.type;
  if (typeNode && (compiler.isFunctionTypeNode(typeNode) || compiler.isConstructorTypeNode(typeNode))) return;
  const initializer = compiler.isPropertyDeclaration(member) || compiler.isParameter(member) ? member.initializer : undefined;
  if (initializer && (compiler.isArrowFunction(initializer) || compiler.isFunctionExpression(initializer))) return;
  const id = `${container.name}.${name}`;
  const doc = docOf(ctx, member, { kind: 'element', id });
  const decorators = compiler.canHaveDecorators(member) ? decoratorFactsOf(member) : undefined;
  let type = typeFactsOf(typeNode);
  if (type.kind === 'unknown' && initializer) type = initializerFacts(initializer);
  if (decorators?.type && (type.kind === 'unknown' || type.kind === 'string')) type = decorators.type;
  const field: FieldFacts = {
    name,
    ...(form === 'constructor-parameter' ? { form } : {}),
    nameRange: rangeOf(ctx, member.name),
    range: rangeOf(ctx, member),
    doc: doc.anchor,
    tags: doc.tags,
    type,
    hints: decorators?.hints ?? [],
    decorators: decorators?.names ?? [],
    ...(decorators?.relation ? { relation: decorators.relation } : {}),
    ...(decorators?.primaryKey ? { primaryKey: true } : {}),
  };
  const literals = nestedTypeLiterals(typeNode);
  if (literals.length > 0) {
    const nested = extractTypeLiterals(ctx, literals, id, form === 'class' ? 'type-literal' : form, container.role, member.name, { container: container.name, field: name });
    container.fields.push({ ...field, nested: nested.name });
  } else {
    container.fields.push(field);
  }
}

/** A property without a type annotation: what its initialiser says (new Collection(this), 'text', 0, false). */
function initializerFacts(initializer: ts.Expression): FieldFacts['type'] {
  if (compiler.isStringLiteral(initializer) || compiler.isNoSubstitutionTemplateLiteral(initializer) || compiler.isTemplateExpression(initializer)) return { kind: 'string' };
  if (compiler.isNumericLiteral(initializer)) return { kind: 'number' };
  if (initializer.kind === compiler.SyntaxKind.TrueKeyword || initializer.kind === compiler.SyntaxKind.FalseKeyword) return { kind: 'boolean' };
  if (compiler.isNewExpression(initializer) && compiler.isIdentifier(initializer.expression)) {
    const name = initializer.expression.text;
    if (name === 'Date') return { kind: 'date' };
    if (name === 'Collection') return { kind: 'array', element: typeFactsOf(initializer.typeArguments?.[0]) };
    if (name === 'Map' || name === 'Set') return { kind: 'object' };
  }
  if (compiler.isArrayLiteralExpression(initializer)) return { kind: 'array', element: { kind: 'unknown' } };
  if (compiler.isObjectLiteralExpression(initializer)) return { kind: 'object' };
  return { kind: 'unknown' };
}

/** Extracts one or more inline object types as a single container named `name`. */
export function extractTypeLiterals(
  ctx: ExtractContext,
  literals: readonly ts.TypeLiteralNode[],
  name: string,
  form: ElementForm,
  role: ContainerRole,
  nameNode: ts.Node,
  parent?: ContainerFacts['parent'],
  docHost?: ts.Node,
): ContainerFacts {
  const unique = uniqueName(ctx, name);
  const container = newContainer(ctx, unique, form, role, nameNode, docHost ?? literals[0] ?? nameNode, parent ? { parent } : {});
  for (const literal of literals) {
    ctx.handled.add(literal);
    for (const member of literal.members) if (compiler.isPropertySignature(member)) addTypedField(ctx, container, member, form);
  }
  return container;
}

export function extractInterface(ctx: ExtractContext, node: ts.InterfaceDeclaration): void {
  const name = uniqueName(ctx, node.name.text);
  const container = newContainer(ctx, name, 'interface', 'shape', node.name, node, { heritage: heritageOf(node.heritageClauses) });
  for (const member of node.members) if (compiler.isPropertySignature(member)) addTypedField(ctx, container, member, 'interface');
}

export function extractTypeAlias(ctx: ExtractContext, node: ts.TypeAliasDeclaration): void {
  const literals = nestedTypeLiterals(node.type);
  if (literals.length === 0) {
    // `type CustomerInput = z.infer<typeof CustomerSchema>`: a name for another record, for the flow analysis.
    const target = typeTargetOf(node.type);
    if (target && target.name !== node.name.text) ctx.typeAliases.push({ name: node.name.text, target });
    return;
  }
  extractTypeLiterals(ctx, literals, node.name.text, 'type-literal', 'shape', node.name, undefined, node);
}

function classNameOf(node: ts.ClassLikeDeclaration): { name: string; nameNode: ts.Node } {
  if (node.name) return { name: node.name.text, nameNode: node.name };
  const parent = node.parent;
  if (compiler.isVariableDeclaration(parent) && compiler.isIdentifier(parent.name)) return { name: parent.name.text, nameNode: parent.name };
  return { name: 'default', nameNode: node };
}

export function extractClass(ctx: ExtractContext, node: ts.ClassLikeDeclaration): void {
  const { name: rawName, nameNode } = classNameOf(node);
  const classDecorators = (compiler.getDecorators(node) ?? []).map((d) => {
    const e = compiler.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    return compiler.isIdentifier(e) ? e.text : compiler.isPropertyAccessExpression(e) ? e.name.text : '';
  });
  const stored = classDecorators.some((d) => ENTITY_DECORATORS.has(d));
  const name = uniqueName(ctx, rawName);
  const container = newContainer(ctx, name, 'class', stored ? 'stored' : 'shape', nameNode, docHostOf(node), { heritage: heritageOf(node.heritageClauses) });
  for (const member of node.members) {
    if (compiler.isPropertyDeclaration(member)) {
      const isStatic = member.modifiers?.some((m) => m.kind === compiler.SyntaxKind.StaticKeyword);
      if (!isStatic) addTypedField(ctx, container, member, 'class');
    } else if (compiler.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        const isProperty = parameter.modifiers?.some((m) => PARAMETER_PROPERTY_MODIFIERS.has(m.kind));
        if (isProperty) addTypedField(ctx, container, parameter, 'constructor-parameter');
      }
    }
  }
  if (!stored && container.fields.some((f) => f.primaryKey || f.relation || f.decorators.some((d) => d === 'Column' || d === 'Property' || d === 'Prop'))) {
    Object.assign(container, { role: 'stored' });
  }
}

/** The name of the function a parameter belongs to, for naming its inline object type. */
function functionNameOf(fn: ts.SignatureDeclaration): string {
  if (fn.name && (compiler.isIdentifier(fn.name) || compiler.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (parent && compiler.isVariableDeclaration(parent) && compiler.isIdentifier(parent.name)) return parent.name.text;
  if (parent && compiler.isPropertyAssignment(parent)) return propertyNameText(parent.name) ?? 'anonymous';
  if (parent && compiler.isCallExpression(parent)) {
    const callee = parent.expression;
    if (compiler.isIdentifier(callee)) return `${callee.text}.callback`;
    if (compiler.isPropertyAccessExpression(callee)) return `${callee.name.text}.callback`;
  }
  return 'anonymous';
}

/** Inline object types of a function parameter: `function f({ a }: { a: string })`. */
export function extractParameterLiterals(ctx: ExtractContext, node: ts.ParameterDeclaration): void {
  const fn = node.parent;
  if (!compiler.isFunctionDeclaration(fn) && !compiler.isMethodDeclaration(fn) && !compiler.isArrowFunction(fn) && !compiler.isFunctionExpression(fn)) return;
  const literals = nestedTypeLiterals(node.type).filter((l) => !ctx.handled.has(l));
  if (literals.length === 0) return;
  const paramName = compiler.isIdentifier(node.name) ? node.name.text : 'args';
  extractTypeLiterals(ctx, literals, `${functionNameOf(fn)}.${paramName}`, 'type-literal', 'transient', node.name);
}

/** Inline object type of a variable: `const draft: { email: string } = …`. */
export function extractVariableLiterals(ctx: ExtractContext, node: ts.VariableDeclaration): void {
  const literals = nestedTypeLiterals(node.type).filter((l) => !ctx.handled.has(l));
  if (literals.length === 0 || !compiler.isIdentifier(node.name)) return;
  extractTypeLiterals(ctx, literals, node.name.text, 'type-literal', 'transient', node.name, undefined, docHostOf(node));
}
