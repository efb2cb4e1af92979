// Reduces a written TypeScript type to TypeFacts (string, boolean, Date, Address[], a relation
// wrapper such as Collection<Order>), and finds the inline object types nested in it.
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { TypeFacts } from '../../model';

const UNKNOWN: TypeFacts = { kind: 'unknown' };
// Shared facts for the common keyword types: one object each instead of one per field.
const STRING: TypeFacts = { kind: 'string' };
const NUMBER: TypeFacts = { kind: 'number' };
const BOOLEAN: TypeFacts = { kind: 'boolean' };
const OBJECT: TypeFacts = { kind: 'object' };
const FUNCTION: TypeFacts = { kind: 'function' };
const DATE: TypeFacts = { kind: 'date' };

/** Wrapper types whose argument is the related entity (ORMs) or the real value (Promise, Readonly). */
const RELATION_WRAPPERS = new Set(['Collection', 'Rel', 'Ref', 'Reference', 'IdentifiedReference', 'Relation', 'Loaded', 'EntityRef']);
const TRANSPARENT_WRAPPERS = new Set(['Readonly', 'Partial', 'Required', 'NonNullable', 'Promise', 'Maybe', 'Nullable', 'Optional', 'Opt', 'Hidden', 'InputMaybe', 'Scalars']);
const ARRAY_WRAPPERS = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet']);
const OBJECT_TYPES = new Set(['Record', 'Map', 'ReadonlyMap', 'object', 'Object', 'JSON', 'JsonValue', 'JsonObject', 'Json', 'Dictionary']);
const ID_TYPES = new Set(['ObjectId', 'ObjectID', 'UUID', 'Uuid', 'ID', 'Id']);

export function typeFactsOf(node: ts.TypeNode | undefined): TypeFacts {
  if (!node) return UNKNOWN;
  switch (node.kind) {
    case compiler.SyntaxKind.StringKeyword:
    case compiler.SyntaxKind.TemplateLiteralType:
      return STRING;
    case compiler.SyntaxKind.NumberKeyword:
    case compiler.SyntaxKind.BigIntKeyword:
      return NUMBER;
    case compiler.SyntaxKind.BooleanKeyword:
      return BOOLEAN;
    case compiler.SyntaxKind.ObjectKeyword:
    case compiler.SyntaxKind.TypeLiteral:
    case compiler.SyntaxKind.MappedType:
      return OBJECT;
    case compiler.SyntaxKind.FunctionType:
    case compiler.SyntaxKind.ConstructorType:
      return FUNCTION;
    case compiler.SyntaxKind.ArrayType:
      return { kind: 'array', element: typeFactsOf((node as ts.ArrayTypeNode).elementType) };
    case compiler.SyntaxKind.ParenthesizedType:
      return typeFactsOf((node as ts.ParenthesizedTypeNode).type);
    case compiler.SyntaxKind.TypeOperator:
      return typeFactsOf((node as ts.TypeOperatorNode).type);
    case compiler.SyntaxKind.LiteralType:
      return literalFacts(node as ts.LiteralTypeNode);
    case compiler.SyntaxKind.UnionType:
      return unionFacts((node as ts.UnionTypeNode).types);
    case compiler.SyntaxKind.IntersectionType: {
      const parts = (node as ts.IntersectionTypeNode).types.map(typeFactsOf);
      return parts.find((p) => p.kind === 'reference') ?? parts.find((p) => p.kind !== 'unknown') ?? UNKNOWN;
    }
    case compiler.SyntaxKind.TypeReference:
      return referenceFacts(node as ts.TypeReferenceNode);
    default:
      return UNKNOWN;
  }
}

function literalFacts(node: ts.LiteralTypeNode): TypeFacts {
  const literal = node.literal;
  if (literal.kind === compiler.SyntaxKind.TrueKeyword || literal.kind === compiler.SyntaxKind.FalseKeyword) return { kind: 'boolean' };
  if (literal.kind === compiler.SyntaxKind.NullKeyword) return UNKNOWN;
  if (compiler.isNumericLiteral(literal)) return { kind: 'number', literals: true };
  return { kind: 'string', literals: true };
}

function unionFacts(types: readonly ts.TypeNode[]): TypeFacts {
  const meaningful = types.filter(
    (t) =>
      t.kind !== compiler.SyntaxKind.UndefinedKeyword &&
      t.kind !== compiler.SyntaxKind.NullKeyword &&
      !(compiler.isLiteralTypeNode(t) && t.literal.kind === compiler.SyntaxKind.NullKeyword),
  );
  const facts = meaningful.map(typeFactsOf);
  if (facts.length === 0) return UNKNOWN;
  if (facts.length === 1) return facts[0] ?? UNKNOWN;
  if (facts.every((f) => f.kind === 'boolean')) return { kind: 'boolean' };
  if (facts.every((f) => f.literals)) return { kind: facts[0]?.kind ?? 'string', literals: true };
  // string | string[] is still a string-valued field (filters that take one or many).
  const base = facts.map((f) => (f.kind === 'array' ? (f.element?.kind ?? 'unknown') : f.kind));
  if (base.every((k) => k === base[0])) return facts.find((f) => f.kind !== 'array') ?? facts[0] ?? UNKNOWN;
  return facts.find((f) => f.kind === 'reference') ?? UNKNOWN;
}

function referenceFacts(node: ts.TypeReferenceNode): TypeFacts {
  const name = compiler.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
  const args = node.typeArguments ?? [];
  if (name === 'Date' || name === 'DateTime' || name === 'Dayjs' || name === 'Moment' || name === 'Timestamp') return DATE;
  if (name === 'String') return { kind: 'string' };
  if (name === 'Number' || name === 'Decimal' || name === 'BigNumber') return { kind: 'number' };
  if (name === 'Boolean') return { kind: 'boolean' };
  if (name === 'Buffer' || name === 'Uint8Array' || name === 'Blob') return { kind: 'binary' };
  if (ID_TYPES.has(name)) return { kind: 'id' };
  if (OBJECT_TYPES.has(name)) return { kind: 'object' };
  if (ARRAY_WRAPPERS.has(name)) return { kind: 'array', element: typeFactsOf(args[0]) };
  if (RELATION_WRAPPERS.has(name) || TRANSPARENT_WRAPPERS.has(name)) {
    const inner = typeFactsOf(args[0]);
    return name === 'Collection' ? { kind: 'array', element: inner } : inner;
  }
  return { kind: 'reference', refName: name };
}

/** Inline object types inside a type: `{ … }`, `{ … }[]`, `Array<{ … }>`, `{ … } | null`, `A & { … }`. */
export function nestedTypeLiterals(node: ts.TypeNode | undefined): ts.TypeLiteralNode[] {
  const found: ts.TypeLiteralNode[] = [];
  const stack: ts.TypeNode[] = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) break;
    if (compiler.isTypeLiteralNode(current)) found.push(current);
    else if (compiler.isArrayTypeNode(current)) stack.push(current.elementType);
    else if (compiler.isParenthesizedTypeNode(current)) stack.push(current.type);
    else if (compiler.isUnionTypeNode(current) || compiler.isIntersectionTypeNode(current)) stack.push(...current.types);
    else if (compiler.isTypeOperatorNode(current)) stack.push(current.type);
    else if (compiler.isTypeReferenceNode(current)) {
      const name = compiler.isIdentifier(current.typeName) ? current.typeName.text : current.typeName.right.text;
      if (ARRAY_WRAPPERS.has(name) || TRANSPARENT_WRAPPERS.has(name) || RELATION_WRAPPERS.has(name)) stack.push(...(current.typeArguments ?? []));
    }
  }
  return found.reverse();
}
