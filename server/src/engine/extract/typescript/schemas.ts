// Extracts containers from object-literal schemas (zod, yup, joi, mongoose, Medusa model.define),
// nested object schemas included, and names each one after the variable or key that holds it.
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { ContainerFacts, FieldFacts } from '../../model';
import { type ExtractContext, propertyNameText, rangeOf, uniqueName } from './context';
import { docHostOf, docOf } from './doc-comments';
import { FORM_OF, type SchemaCall, type SchemaLibrary, builderFactsOf } from './schema-builders';

/** Nodes a schema call may sit inside while still being the value of the declaration above it. */
function isPassThrough(node: ts.Node): boolean {
  return (
    compiler.isCallExpression(node) ||
    compiler.isPropertyAccessExpression(node) ||
    compiler.isParenthesizedExpression(node) ||
    compiler.isAsExpression(node) ||
    compiler.isSatisfiesExpression(node) ||
    compiler.isNonNullExpression(node) ||
    compiler.isArrayLiteralExpression(node) ||
    compiler.isAwaitExpression(node)
  );
}

/**
 * Names a schema after what holds it: `const CreateCustomer = z.object(…)` → CreateCustomer;
 * `participants = router({ add: p.input(z.object(…)) })` → participants.add. Also returns the node
 * whose doc comment documents the schema.
 */
function schemaNameOf(ctx: ExtractContext, call: ts.Node): { name: string; docHost: ts.Node } {
  const parts: string[] = [];
  let docHost: ts.Node | undefined;
  let node: ts.Node = call;
  while (node.parent && !compiler.isSourceFile(node.parent)) {
    const parent: ts.Node = node.parent;
    if (compiler.isVariableDeclaration(parent)) {
      if (compiler.isIdentifier(parent.name)) parts.unshift(parent.name.text);
      docHost ??= docHostOf(parent);
      break;
    }
    if (compiler.isPropertyAssignment(parent)) {
      const key = propertyNameText(parent.name);
      if (key !== undefined) parts.unshift(key);
      docHost ??= parent;
      node = parent.parent;
      continue;
    }
    if (compiler.isExportAssignment(parent)) {
      parts.unshift('default');
      docHost ??= parent;
      break;
    }
    if (compiler.isReturnStatement(parent) || (compiler.isArrowFunction(parent) && parent.body === node)) {
      const fn = compiler.findAncestor(parent, (n) => compiler.isFunctionDeclaration(n) || compiler.isMethodDeclaration(n) || compiler.isArrowFunction(n) || compiler.isFunctionExpression(n));
      if (fn && (compiler.isFunctionDeclaration(fn) || compiler.isMethodDeclaration(fn)) && fn.name && compiler.isIdentifier(fn.name)) {
        parts.unshift(fn.name.text);
        docHost ??= fn;
        break;
      }
      node = fn ?? parent;
      continue;
    }
    if (isPassThrough(parent) || compiler.isObjectLiteralExpression(parent) || compiler.isSpreadAssignment(parent) || compiler.isBlock(parent) || compiler.isExpressionStatement(parent)) {
      node = parent;
      continue;
    }
    break;
  }
  const stem = ctx.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return { name: parts.length > 0 ? parts.join('.') : `${stem}.schema`, docHost: docHost ?? call };
}

function fieldOf(ctx: ExtractContext, library: SchemaLibrary, container: ContainerFacts, property: ts.ObjectLiteralElementLike): void {
  if (!compiler.isPropertyAssignment(property) && !compiler.isShorthandPropertyAssignment(property)) return;
  const name = propertyNameText(property.name);
  if (name === undefined) return;
  const id = `${container.name}.${name}`;
  const doc = docOf(ctx, property, { kind: 'element', id });
  const base = {
    name,
    nameRange: rangeOf(ctx, property.name),
    range: rangeOf(ctx, property),
    doc: doc.anchor,
    tags: doc.tags,
    decorators: [] as string[],
  };
  if (compiler.isShorthandPropertyAssignment(property)) {
    container.fields.push({ ...base, type: { kind: 'reference', refName: name }, hints: [] });
    return;
  }
  const initializer = property.initializer;
  if (compiler.isArrowFunction(initializer) || compiler.isFunctionExpression(initializer)) return;
  const facts = builderFactsOf(library, initializer);
  const field: FieldFacts = {
    ...base,
    type: facts.type,
    hints: facts.hints,
    ...(facts.relation ? { relation: facts.relation } : {}),
    ...(facts.primaryKey ? { primaryKey: true } : {}),
  };
  if (facts.nestedShape && !ctx.handled.has(facts.nestedShape)) {
    const nested = extractShape(ctx, library, facts.nestedShape, id, property.name, property, { container: container.name, field: name });
    container.fields.push({ ...field, nested: nested.name });
  } else {
    container.fields.push(field);
  }
}

function extractShape(
  ctx: ExtractContext,
  library: SchemaLibrary,
  shape: ts.ObjectLiteralExpression,
  rawName: string,
  nameNode: ts.Node,
  docHost: ts.Node,
  parent?: ContainerFacts['parent'],
  heritage: readonly string[] = [],
): ContainerFacts {
  ctx.handled.add(shape);
  if (shape.parent) ctx.handled.add(shape.parent);
  const name = uniqueName(ctx, rawName);
  const doc = docOf(ctx, docHost, { kind: 'container', id: name });
  const role = library === 'mongoose' || library === 'model-define' ? 'stored' : 'shape';
  const container: ContainerFacts = {
    name,
    form: FORM_OF[library],
    role,
    file: ctx.path,
    nameRange: rangeOf(ctx, nameNode),
    doc: doc.anchor,
    tags: doc.tags,
    fields: [],
    ...(parent ? { parent } : {}),
    ...(heritage.length > 0 ? { heritage } : {}),
  };
  ctx.containers.push(container);
  for (const property of shape.properties) fieldOf(ctx, library, container, property);
  return container;
}

/** Extracts the container of a recognised schema call (see schemaCallOf). */
export function extractSchema(ctx: ExtractContext, node: ts.CallExpression | ts.NewExpression, call: SchemaCall): void {
  if (ctx.handled.has(node) || ctx.handled.has(call.shape)) return;
  ctx.handled.add(node);
  const { name, docHost } = call.modelName ? { name: call.modelName, docHost: docHostOf(compiler.findAncestor(node, compiler.isVariableDeclaration) ?? node) } : schemaNameOf(ctx, node);
  extractShape(ctx, call.library, call.shape, name, node.expression, docHost, undefined, call.heritage);
}
