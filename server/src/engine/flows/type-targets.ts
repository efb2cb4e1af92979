// Reads which record a written type means, syntax only: `Customer`, `Customer[]`, `Promise<Customer>`,
// `Pick<Customer, 'email'>`, `z.infer<typeof CustomerSchema>`, and repositories of records
// (`Repository<User>`, `Model<IUser>`). Used for type aliases at extraction and for annotations.
import type { ts } from 'ts-morph';
import { compiler } from '../extract/typescript/compiler';

const { SyntaxKind } = compiler;

/** What a type names: a record type by name, possibly as a list or as a repository of it. */
export interface TypeTarget {
  readonly name: string;
  /** A list of them (`Customer[]`). */
  readonly array?: boolean;
  /** A repository or model class whose queries return them (`Repository<User>`). */
  readonly repository?: boolean;
}

/** Wrappers whose first argument is the value itself, for our purpose. */
const TRANSPARENT = new Set([
  'Promise', 'Awaited', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'NonNullable', 'DeepPartial', 'DeepReadonly', 'Maybe', 'Nullable', 'Optional',
  'WithId', 'Document', 'HydratedDocument', 'LeanDocument', 'FlattenMaps', 'Ref', 'Reference', 'Loaded', 'Rel', 'EntityDTO', 'Selectable', 'Insertable', 'Updateable', 'PartialDeep', 'ReadonlyDeep', 'Simplify',
]);
const ARRAYS = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet', 'Collection']);
const REPOSITORIES = new Set(['Repository', 'EntityRepository', 'Repo', 'Model', 'ModelStatic', 'ModelType', 'ReturnModelType', 'MongoRepository', 'TreeRepository', 'EntityManager']);
/** Inference helpers of schema libraries: `z.infer<typeof S>`, `yup.InferType<typeof S>`. */
const INFERS = new Set(['infer', 'input', 'output', 'InferType', 'Infer', 'TypeOf', 'Static', 'InferSchemaType', 'InferRawDocType']);

function referenceName(name: ts.EntityName): { qualifier?: string; name: string } {
  if (compiler.isIdentifier(name)) return { name: name.text };
  const left = name.left;
  return { qualifier: compiler.isIdentifier(left) ? left.text : left.right.text, name: name.right.text };
}

/** The record a type node names, or undefined for primitives, literals and unknown shapes. */
export function typeTargetOf(node: ts.TypeNode | undefined, depth = 0): TypeTarget | undefined {
  if (!node || depth > 8) return undefined;
  switch (node.kind) {
    case SyntaxKind.ArrayType: {
      const inner = typeTargetOf((node as ts.ArrayTypeNode).elementType, depth + 1);
      return inner ? { name: inner.name, array: true } : undefined;
    }
    case SyntaxKind.ParenthesizedType:
    case SyntaxKind.TypeOperator:
      return typeTargetOf((node as ts.ParenthesizedTypeNode).type, depth + 1);
    case SyntaxKind.UnionType:
    case SyntaxKind.IntersectionType: {
      for (const member of (node as ts.UnionTypeNode).types) {
        const target = typeTargetOf(member, depth + 1);
        if (target) return target;
      }
      return undefined;
    }
    case SyntaxKind.TypeQuery: {
      const query = (node as ts.TypeQueryNode).exprName;
      return { name: referenceName(query).name };
    }
    case SyntaxKind.TypeReference: {
      const reference = node as ts.TypeReferenceNode;
      const { name } = referenceName(reference.typeName);
      const first = reference.typeArguments?.[0];
      if (INFERS.has(name) && first) return typeTargetOf(first, depth + 1);
      if (TRANSPARENT.has(name)) return typeTargetOf(first, depth + 1);
      if (ARRAYS.has(name)) {
        const inner = typeTargetOf(first, depth + 1);
        return inner ? { name: inner.name, array: true } : undefined;
      }
      if (REPOSITORIES.has(name)) {
        const inner = typeTargetOf(first, depth + 1);
        return inner ? { name: inner.name, repository: true } : undefined;
      }
      return { name };
    }
    default:
      return undefined;
  }
}
