// Recognises object-literal schemas (zod z.object, yup object, joi Joi.object, mongoose
// new Schema, Medusa model.define) and reads each property's builder chain into TypeFacts and hints.
import { table } from '../../../../../rules/lib/tables';
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { ElementForm } from '../../../../../rules/api';
import type { RelationFacts, TypeFacts, ValueHint } from '../../model';
import { splitWords } from '../../../../../rules/taxonomy/words';
import type { ExtractContext } from './context';

export type SchemaLibrary = 'zod' | 'yup' | 'joi' | 'mongoose' | 'model-define';

export interface SchemaCall {
  readonly library: SchemaLibrary;
  readonly shape: ts.ObjectLiteralExpression;
  /** Medusa model.define('name', …): the model name, when it reads as an identifier. */
  readonly modelName?: string;
  /** Schemas this one extends (X.extend({…}), X.merge(…)). */
  readonly heritage: string[];
}

export interface BuilderFacts {
  readonly type: TypeFacts;
  readonly hints: ValueHint[];
  readonly relation?: RelationFacts;
  readonly primaryKey: boolean;
  /** An inline object schema inside this property (z.object, z.array(z.object), mongoose sub-document). */
  readonly nestedShape?: ts.ObjectLiteralExpression;
}

export const FORM_OF: Readonly<Record<SchemaLibrary, ElementForm>> = {
  zod: 'zod',
  yup: 'yup',
  joi: 'joi',
  mongoose: 'mongoose',
  'model-define': 'model-define',
};

const OBJECT_METHODS = new Set(['object', 'strictObject', 'looseObject', 'interface']);
const EXTEND_METHODS = new Set(['extend', 'merge', 'shape', 'keys', 'safeExtend', 'append']);

/** The library a local binding comes from: by its import, else by its conventional name. */
function libraryOfBinding(ctx: ExtractContext, name: string): SchemaLibrary | undefined {
  const from = ctx.imports.get(name);
  if (from !== undefined) {
    if (from === 'zod' || from.startsWith('zod/')) return 'zod';
    if (from === 'yup') return 'yup';
    if (from === 'joi' || from === '@hapi/joi') return 'joi';
    if (from === 'mongoose') return 'mongoose';
    if (from.startsWith('@medusajs/')) return name === 'model' ? 'model-define' : undefined;
    return undefined;
  }
  if (name === 'z') return 'zod';
  if (name === 'yup') return 'yup';
  if (name === 'Joi' || name === 'joi') return 'joi';
  if (name === 'mongoose' || name === 'Schema') return 'mongoose';
  if (name === 'model') return 'model-define';
  return undefined;
}

/** The leftmost identifier of a call / property-access chain: z in z.string().email(). */
export function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let current: ts.Expression = expression;
  for (;;) {
    if (compiler.isIdentifier(current)) return current;
    if (compiler.isPropertyAccessExpression(current)) current = current.expression;
    else if (compiler.isCallExpression(current)) current = current.expression;
    else if (compiler.isParenthesizedExpression(current) || compiler.isNonNullExpression(current)) current = current.expression;
    else return undefined;
  }
}

function fileUsesLibrary(ctx: ExtractContext, library: SchemaLibrary): boolean {
  for (const name of ctx.imports.keys()) if (libraryOfBinding(ctx, name) === library) return true;
  return false;
}

function identifierText(node: ts.Expression): string | undefined {
  return compiler.isIdentifier(node) ? node.text : undefined;
}

/** Recognises a schema-building call or `new Schema(…)` and returns its shape, or undefined. */
export function schemaCallOf(ctx: ExtractContext, node: ts.Node): SchemaCall | undefined {
  if (compiler.isNewExpression(node)) {
    const callee = node.expression;
    const isSchema = (compiler.isIdentifier(callee) && callee.text === 'Schema') || (compiler.isPropertyAccessExpression(callee) && callee.name.text === 'Schema');
    const shape = node.arguments?.[0];
    const root = rootIdentifier(callee);
    if (isSchema && shape && compiler.isObjectLiteralExpression(shape) && root && libraryOfBinding(ctx, root.text) === 'mongoose') {
      return { library: 'mongoose', shape, heritage: [] };
    }
    return undefined;
  }
  if (!compiler.isCallExpression(node)) return undefined;
  const callee = node.expression;
  if (compiler.isIdentifier(callee)) {
    // import { object } from 'yup' / 'zod'
    const library = OBJECT_METHODS.has(callee.text) ? libraryOfBinding(ctx, callee.text) : undefined;
    const shape = node.arguments[0];
    if (library && (library === 'zod' || library === 'yup') && ctx.imports.has(callee.text) && shape && compiler.isObjectLiteralExpression(shape)) {
      return { library, shape, heritage: [] };
    }
    return undefined;
  }
  if (!compiler.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const root = rootIdentifier(callee.expression);
  const rootLibrary = root ? libraryOfBinding(ctx, root.text) : undefined;
  if (method === 'define' && rootLibrary === 'model-define') {
    const shape = node.arguments[1];
    if (!shape || !compiler.isObjectLiteralExpression(shape)) return undefined;
    return { library: 'model-define', shape, heritage: [], ...modelNameOf(node.arguments[0]) };
  }
  const shape = node.arguments[0];
  if (!shape || !compiler.isObjectLiteralExpression(shape)) return undefined;
  if (OBJECT_METHODS.has(method) && rootLibrary && rootLibrary !== 'mongoose' && rootLibrary !== 'model-define' && compiler.isIdentifier(callee.expression)) {
    return { library: rootLibrary, shape, heritage: [] };
  }
  if (EXTEND_METHODS.has(method)) {
    // Base.extend({…}) where Base is a schema: the library is the one the file imports.
    const library = rootLibrary && rootLibrary !== 'mongoose' && rootLibrary !== 'model-define'
      ? rootLibrary
      : (['zod', 'yup', 'joi'] as const).find((candidate) => fileUsesLibrary(ctx, candidate));
    if (!library) return undefined;
    const base = identifierText(callee.expression);
    return { library, shape, heritage: base && base !== root?.text ? [base] : base && !libraryOfBinding(ctx, base) ? [base] : [] };
  }
  return undefined;
}

function modelNameOf(arg: ts.Expression | undefined): { modelName?: string } {
  if (!arg) return {};
  if (compiler.isStringLiteral(arg) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.text)) return { modelName: arg.text };
  if (compiler.isObjectLiteralExpression(arg)) {
    for (const property of arg.properties) {
      if (compiler.isPropertyAssignment(property) && property.name.getText() === 'name') return modelNameOf(property.initializer);
    }
  }
  return {};
}

/** The calls of a builder chain from the root outwards: z.string().email() → [string, email]. */
function chainOf(expression: ts.Expression): { root: ts.Expression; calls: { name: string; args: readonly ts.Expression[] }[] } {
  const calls: { name: string; args: readonly ts.Expression[] }[] = [];
  let current: ts.Expression = expression;
  for (;;) {
    if (compiler.isCallExpression(current) && compiler.isPropertyAccessExpression(current.expression)) {
      calls.push({ name: current.expression.name.text, args: current.arguments });
      current = current.expression.expression;
    } else if (compiler.isPropertyAccessExpression(current)) {
      // z.coerce.date(): the property step names the mode
      calls.push({ name: current.name.text, args: [] });
      current = current.expression;
    } else if (compiler.isParenthesizedExpression(current) || compiler.isNonNullExpression(current) || compiler.isAsExpression(current) || compiler.isSatisfiesExpression(current)) {
      current = current.expression;
    } else break;
  }
  calls.reverse();
  return { root: current, calls };
}

const CHAIN_HINTS: Readonly<Record<string, ValueHint>> = table({
  email: 'email',
  ip: 'ip',
  ipv4: 'ip',
  ipv6: 'ip',
  cidrv4: 'ip',
  cidrv6: 'ip',
  e164: 'phone',
  creditCard: 'credit-card',
  uuid: 'uuid',
  cuid: 'uuid',
  cuid2: 'uuid',
  ulid: 'uuid',
  guid: 'uuid',
  url: 'url',
  uri: 'url',
  jwt: 'jwt',
  mac: 'mac',
  isEmail: 'email',
  isMobilePhone: 'phone',
  isIP: 'ip',
});

const KIND_OF_METHOD: Readonly<Record<string, TypeFacts['kind']>> = table({
  string: 'string', email: 'string', url: 'string', uuid: 'string', cuid: 'string', cuid2: 'string', ulid: 'string', ip: 'string', ipv4: 'string',
  ipv6: 'string', e164: 'string', jwt: 'string', nanoid: 'string', text: 'string', guid: 'string',
  number: 'number', int: 'number', bigint: 'number', float: 'number', bigNumber: 'number', autoincrement: 'number', integer: 'number',
  boolean: 'boolean', bool: 'boolean', stringbool: 'boolean',
  date: 'date', dateTime: 'date', datetime: 'date', iso: 'date',
  object: 'object', strictObject: 'object', looseObject: 'object', record: 'object', map: 'object', json: 'json',
  enum: 'enum', nativeEnum: 'enum', literal: 'enum', oneOf: 'enum', valid: 'enum',
  id: 'id', any: 'unknown', unknown: 'unknown',
});

/** Facts of a zod / yup / joi / Medusa builder expression (the value of one schema property). */
export function builderFactsOf(library: SchemaLibrary, expression: ts.Expression): BuilderFacts {
  if (library === 'mongoose') return mongooseFactsOf(expression);
  const { root, calls } = chainOf(expression);
  const hints: ValueHint[] = [];
  let type: TypeFacts = { kind: 'unknown' };
  let relation: RelationFacts | undefined;
  let primaryKey = false;
  let nestedShape: ts.ObjectLiteralExpression | undefined;
  const rootName = compiler.isIdentifier(root) ? root.text : undefined;
  calls.forEach((call, index) => {
    const hint = CHAIN_HINTS[call.name];
    if (hint) hints.push(hint);
    if (call.name === 'primaryKey') primaryKey = true;
    if (index === 0 || type.kind === 'unknown') {
      if (call.name === 'array' && call.args[0]) {
        const inner = builderFactsOf(library, call.args[0]);
        type = { kind: 'array', element: inner.type };
        nestedShape = inner.nestedShape;
        hints.push(...inner.hints);
      } else if ((call.name === 'union' || call.name === 'alternatives' || call.name === 'or') && call.args[0]) {
        const options = compiler.isArrayLiteralExpression(call.args[0]) ? [...call.args[0].elements] : [...call.args];
        const facts = options.map((option) => builderFactsOf(library, option));
        const base = facts.map((f) => (f.type.kind === 'array' ? f.type.element?.kind : f.type.kind));
        type = base.every((k) => k === base[0]) ? (facts.find((f) => f.type.kind !== 'array')?.type ?? facts[0]?.type ?? type) : type;
        for (const f of facts) hints.push(...f.hints);
      } else if ((call.name === 'belongsTo' || call.name === 'hasOne') && library === 'model-define') {
        relation = { kind: 'to-one', ...targetOf(call.args[0]) };
        type = { kind: 'reference' };
      } else if ((call.name === 'hasMany' || call.name === 'manyToMany') && library === 'model-define') {
        relation = { kind: 'to-many', ...targetOf(call.args[0]) };
        type = { kind: 'array', element: { kind: 'reference' } };
      } else if (OBJECT_METHODS.has(call.name) && call.args[0] && compiler.isObjectLiteralExpression(call.args[0])) {
        type = { kind: 'object' };
        nestedShape = call.args[0];
      } else if ((call.name === 'lazy' || call.name === 'preprocess' || call.name === 'pipe') && call.args.length > 0) {
        const last = call.args[call.args.length - 1];
        if (last && !compiler.isArrowFunction(last) && !compiler.isFunctionExpression(last)) type = builderFactsOf(library, last).type;
      } else {
        const kind = KIND_OF_METHOD[call.name];
        if (kind) type = kind === 'id' && library !== 'model-define' ? { kind: 'string' } : { kind };
        if (call.name === 'id' && library === 'model-define') primaryKey = primaryKey || calls.some((c) => c.name === 'primaryKey');
      }
    } else if (call.name === 'array' && call.args.length === 0) {
      type = { kind: 'array', element: type };
    }
  });
  if (type.kind === 'unknown' && rootName && calls.length > 0 && !isLibraryRoot(rootName)) {
    // AddressSchema.optional(): another schema by name
    type = { kind: 'reference', refName: rootName };
  }
  if (type.kind === 'unknown' && compiler.isCallExpression(expression) && compiler.isIdentifier(expression.expression)) {
    type = kindFromHelperName(expression.expression.text);
  }
  if (type.kind === 'unknown' && compiler.isIdentifier(expression)) type = { kind: 'reference', refName: expression.text };
  return { type, hints, primaryKey, ...(relation ? { relation } : {}), ...(nestedShape ? { nestedShape } : {}) };
}

function isLibraryRoot(name: string): boolean {
  return name === 'z' || name === 'yup' || name === 'Joi' || name === 'joi' || name === 'model' || name === 'mongoose';
}

/** A helper such as booleanString() or createOperatorMap(): its name says what it builds. */
function kindFromHelperName(name: string): TypeFacts {
  const words = splitWords(name);
  if (words.includes('boolean') || words.includes('bool')) return { kind: 'boolean' };
  if (words.includes('date') || words.includes('datetime')) return { kind: 'date' };
  if (words.includes('number') || words.includes('int') || words.includes('integer')) return { kind: 'number' };
  if (words.includes('map') || words.includes('record') || words.includes('object')) return { kind: 'object' };
  if (words.includes('string')) return { kind: 'string' };
  return { kind: 'unknown' };
}

function targetOf(arg: ts.Expression | undefined): { target?: string } {
  if (!arg) return {};
  if (compiler.isArrowFunction(arg) && !compiler.isBlock(arg.body) && compiler.isIdentifier(arg.body)) return { target: arg.body.text };
  if (compiler.isIdentifier(arg)) return { target: arg.text };
  return {};
}

const MONGOOSE_TYPES: Readonly<Record<string, TypeFacts['kind']>> = table({
  String: 'string',
  Number: 'number',
  Decimal128: 'number',
  BigInt: 'number',
  Boolean: 'boolean',
  Date: 'date',
  Buffer: 'binary',
  ObjectId: 'id',
  UUID: 'id',
  Mixed: 'json',
  Map: 'object',
  Object: 'object',
});

const DESCRIPTOR_KEYS = new Set(['type', 'required', 'default', 'index', 'unique', 'ref', 'enum', 'trim', 'lowercase', 'uppercase', 'select', 'validate', 'match', 'min', 'max', 'minlength', 'maxlength', 'sparse', 'immutable', 'alias', 'get', 'set', 'transform', 'expires']);

/** Facts of a mongoose path: String, [String], { type: …, ref: 'User' }, or a nested sub-document. */
export function mongooseFactsOf(expression: ts.Expression): BuilderFacts {
  if (compiler.isArrayLiteralExpression(expression)) {
    const first = expression.elements[0];
    if (!first) return { type: { kind: 'array', element: { kind: 'unknown' } }, hints: [], primaryKey: false };
    const inner = mongooseFactsOf(first);
    return { ...inner, type: { kind: 'array', element: inner.type } };
  }
  if (compiler.isObjectLiteralExpression(expression)) {
    const keys = expression.properties.map((p) => (p.name ? p.name.getText().replace(/^['"]|['"]$/g, '') : ''));
    const isDescriptor = keys.includes('type') && keys.every((k) => DESCRIPTOR_KEYS.has(k) || k === '');
    if (!isDescriptor) return { type: { kind: 'object' }, hints: [], primaryKey: false, nestedShape: expression };
    let facts: BuilderFacts = { type: { kind: 'unknown' }, hints: [], primaryKey: false };
    const hints: ValueHint[] = [];
    let relation: RelationFacts | undefined;
    for (const property of expression.properties) {
      if (!compiler.isPropertyAssignment(property)) continue;
      const key = property.name.getText().replace(/^['"]|['"]$/g, '');
      if (key === 'type') facts = mongooseFactsOf(property.initializer);
      if (key === 'ref') {
        const init = property.initializer;
        const target = compiler.isStringLiteral(init) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(init.text) ? init.text : compiler.isIdentifier(init) ? init.text : undefined;
        relation = { kind: 'foreign-key', ...(target ? { target } : {}) };
      }
      if (key === 'validate' || key === 'match') {
        for (const word of splitWords(property.initializer.getText().replace(/['"`].*?['"`]/g, ''))) {
          if (word === 'email') hints.push('email');
          if (word === 'phone' || word === 'mobile') hints.push('phone');
        }
      }
    }
    return { ...facts, hints: [...facts.hints, ...hints], ...(relation ? { relation } : {}) };
  }
  const name = compiler.isIdentifier(expression) ? expression.text : compiler.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
  const kind = name ? MONGOOSE_TYPES[name] : undefined;
  if (kind) return { type: { kind }, hints: [], primaryKey: false };
  if (name && /^[A-Z]/.test(name)) return { type: { kind: 'reference', refName: name }, hints: [], primaryKey: false };
  return { type: { kind: 'unknown' }, hints: [], primaryKey: false };
}
