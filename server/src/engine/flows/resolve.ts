// Resolves the values found at a sink to the declared fields they read: by the types written in the
// code (annotations, casts, aliases, `z.infer`, Prisma client and repository calls), then through
// the type checker, and last by the field's name when the name alone says it is personal.
import type { ts } from 'ts-morph';
import type { CategoryKey, DataElement } from '../../../../rules/api';
import { recordWords } from '../../../../rules/lib/subjects';
import { analyseName } from '../classify/name-analysis';
import { compiler } from '../extract/typescript/compiler';
import type { ContainerHit, DataIndex } from './data-index';
import { classMember, type Declaration, enclosingClass, findDeclaration } from './scope';
import type { Origin } from './sink-calls';
import { assertedType, calleeName, unwrap } from './syntax';
import type { TypeLookup } from './type-service';
import { type TypeTarget, typeTargetOf } from './type-targets';
import type { ValueCollector, ValueRef } from './values';

/** A personal value found at a sink, traced as far as it goes. */
export interface ResolvedValue {
  readonly element?: DataElement;
  readonly valueName: string;
  readonly categories: readonly CategoryKey[];
  /** Source field first, then the names it went through. */
  readonly path: readonly string[];
  readonly resolution: 'type' | 'name';
  readonly wholeRecord: boolean;
}

/** Methods of schema libraries that return the parsed value (zod, yup, joi, valibot). */
const PARSE_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'cast', 'validateAsync']);
/** Repository, ORM and Prisma delegate methods returning one record, and those returning lists. */
const ONE_METHODS = new Set(['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findById', 'findByPk', 'create', 'update', 'upsert', 'delete', 'save', 'insert', 'merge', 'preload', 'findOneAndUpdate', 'findOneAndDelete', 'findByIdAndUpdate', 'getOne', 'get', 'getReference', 'findOneOrFailBy']);
const MANY_METHODS = new Set(['find', 'findBy', 'findMany', 'findAll', 'findAndCount', 'getMany', 'list', 'where', 'aggregate']);
/** Array methods whose result is one element, and those whose result is still the list. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const LIST_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'concat', 'toSorted', 'toReversed']);

const MAX_DEPTH = 12;

export class Resolver {
  private readonly prismaModels = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly index: DataIndex,
    private readonly imports: Map<string, Origin>,
    private readonly values: ValueCollector,
    /** The checker, created on first use (undefined when type checking is not available). */
    private readonly types: () => TypeLookup | undefined,
    prismaModelNames: readonly string[],
  ) {
    for (const model of prismaModelNames) this.prismaModels.set(model.charAt(0).toLowerCase() + model.slice(1), model);
  }

  // ---- containers --------------------------------------------------------------------------

  private fromTarget(target: TypeTarget | undefined): ContainerHit | undefined {
    if (!target) return undefined;
    const imported = this.imports.get(target.name);
    // `import { Customer as Audited }`: the record is the exported name.
    const renamed = imported && imported.exportName !== 'default' && imported.exportName !== '*' && imported.exportName !== target.name;
    return this.index.resolve(renamed ? { ...target, name: imported.exportName } : target, this.file, imported?.module);
  }

  /** The record a written type names. */
  containerOfType(type: ts.TypeNode | undefined): ContainerHit | undefined {
    return this.fromTarget(typeTargetOf(type));
  }

  /** The container a field's declared type names (`address: Address`, or a nested inline shape). */
  private throughField(hit: ContainerHit, field: string): ContainerHit | undefined {
    if (hit.array || hit.repository) return undefined;
    const element = this.index.field(hit.container, field);
    if (element?.refName) return this.index.resolve({ name: element.refName, ...(element.typeText?.endsWith('[]') ? { array: true } : {}) }, hit.container.file);
    const nested = this.index.resolve({ name: `${hit.container.name}.${field}` }, hit.container.file);
    return nested && nested.container.file === hit.container.file ? nested : undefined;
  }

  private fromChecker(expression: ts.Expression): ContainerHit | undefined {
    const lookup = this.types();
    if (!lookup) return undefined;
    const { sites, array } = lookup.typeDeclarations(expression);
    for (const site of sites) {
      const declared = this.index.declaredAt(site.file, site.start);
      if (declared && !('field' in declared)) return { container: declared, ...(array ? { array: true } : {}) };
    }
    return undefined;
  }

  private fromDeclaration(declaration: Declaration | undefined, depth: number): ContainerHit | undefined {
    if (!declaration || declaration.kind === 'other') return undefined;
    let base: ContainerHit | undefined;
    if (declaration.kind === 'for-of') {
      const list = this.containerOf(declaration.iterable, depth + 1);
      base = list?.array ? { container: list.container } : undefined;
    } else if (declaration.kind === 'variable') {
      base = this.containerOfType(declaration.node.type) ?? (declaration.node.initializer ? this.containerOf(declaration.node.initializer, depth + 1) : undefined);
    } else {
      base = this.containerOfType(declaration.node.type);
    }
    for (const step of declaration.path) base = base ? this.throughField(base, step) : undefined;
    return base;
  }

  /** The record an expression evaluates to, if the code says (or the checker knows). */
  containerOf(expression: ts.Expression, depth = 0): ContainerHit | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const asserted = assertedType(expression);
    if (asserted) {
      const hit = this.containerOfType(asserted);
      if (hit) return hit;
    }
    const node = unwrap(expression);
    const syntactic = this.syntacticContainerOf(node, depth);
    return syntactic ?? (depth === 0 ? this.fromChecker(node) : undefined);
  }

  private syntacticContainerOf(node: ts.Expression, depth: number): ContainerHit | undefined {
    if (compiler.isIdentifier(node)) {
      const declaration = findDeclaration(node);
      return this.fromDeclaration(declaration, depth) ?? (declaration && declaration.kind !== 'other' && depth > 0 ? this.fromChecker(node) : undefined);
    }
    if (compiler.isPropertyAccessExpression(node) && compiler.isIdentifier(node.name)) {
      const name = node.name.text;
      if (node.expression.kind === compiler.SyntaxKind.ThisKeyword) {
        const cls = enclosingClass(node);
        const member = cls ? classMember(cls, name) : undefined;
        return member ? (this.containerOfType(member.type) ?? (member.initializer ? this.containerOf(member.initializer, depth + 1) : undefined)) : undefined;
      }
      // prisma.customer / ctx.db.customer: the Prisma client delegate of a model.
      const model = this.prismaModels.get(name);
      if (model) {
        const hit = this.index.resolve({ name: model }, this.file);
        if (hit) return { container: hit.container, repository: true };
      }
      const receiver = this.containerOf(node.expression, depth + 1);
      if (receiver) return this.throughField(receiver, name);
      // result.data of a safeParse
      if (name === 'data' && compiler.isCallExpression(unwrap(node.expression))) return this.containerOf(node.expression, depth + 1);
      return undefined;
    }
    if (compiler.isElementAccessExpression(node)) {
      const list = this.containerOf(node.expression, depth + 1);
      return list?.array ? { container: list.container } : undefined;
    }
    if (compiler.isNewExpression(node) && compiler.isIdentifier(node.expression)) return this.fromTarget({ name: node.expression.text });
    if (compiler.isCallExpression(node)) return this.callContainerOf(node, depth);
    return undefined;
  }

  private callContainerOf(call: ts.CallExpression, depth: number): ContainerHit | undefined {
    const callee = unwrap(call.expression);
    const method = calleeName(call);
    if (method === undefined) return undefined;
    if (compiler.isPropertyAccessExpression(callee)) {
      const receiverNode = unwrap(callee.expression);
      // Schema.parse(input): the schema's shape.
      if (PARSE_METHODS.has(method) && compiler.isIdentifier(receiverNode)) {
        const schema = this.fromTarget({ name: receiverNode.text });
        if (schema) return { container: schema.container };
      }
      // em.findOne(User, …) (MikroORM, TypeORM's EntityManager)
      const first = call.arguments[0];
      if ((ONE_METHODS.has(method) || MANY_METHODS.has(method)) && first && compiler.isIdentifier(first)) {
        const entity = this.fromTarget({ name: first.text });
        if (entity && entity.container.role === 'stored') return { container: entity.container, ...(MANY_METHODS.has(method) ? { array: true } : {}) };
      }
      const receiver = this.containerOf(callee.expression, depth + 1);
      if (receiver?.repository) {
        if (ONE_METHODS.has(method)) return { container: receiver.container };
        if (MANY_METHODS.has(method)) return { container: receiver.container, array: true };
        return undefined;
      }
      if (receiver?.array) {
        if (ELEMENT_METHODS.has(method)) return { container: receiver.container };
        if (LIST_METHODS.has(method)) return receiver;
      }
      return undefined;
    }
    if (compiler.isIdentifier(callee)) {
      // mongoose.model('User', userSchema) / model<IUser>('User', …): a model of that schema.
      if (method === 'model') {
        const typed = this.containerOfType(call.typeArguments?.[0]);
        const schemaArg = call.arguments[1];
        const schema = typed ?? (schemaArg && compiler.isIdentifier(schemaArg) ? this.fromTarget({ name: schemaArg.text }) : undefined);
        return schema ? { container: schema.container, repository: true } : undefined;
      }
      const declaration = findDeclaration(callee);
      if (declaration?.kind === 'variable' && declaration.node.initializer && compiler.isArrowFunction(declaration.node.initializer)) return this.containerOfType(declaration.node.initializer.type);
      return undefined;
    }
    return undefined;
  }

  // ---- values -------------------------------------------------------------------------------

  /** Every personal field of a record (or of each record of a list) passed in whole. */
  private record(hit: ContainerHit | undefined, path: readonly string[]): ResolvedValue[] | undefined {
    if (!hit || hit.repository) return undefined;
    const personal = this.index.fieldsOf(hit.container).filter((e) => e.classification.personal);
    return personal.map((element) => ({ element, valueName: path[path.length - 1] ?? element.field, categories: element.classification.categories, path: [element.id, ...path], resolution: 'type', wholeRecord: true }));
  }

  private fromElement(element: DataElement | undefined, path: readonly string[], resolution: 'type' | 'name'): ResolvedValue[] {
    if (!element || !element.classification.personal) return [];
    return [{ element, valueName: path[path.length - 1] ?? element.field, categories: element.classification.categories, path: [element.id, ...path], resolution, wholeRecord: false }];
  }

  /** A value named `name` that traces to no declaration: personal when the name alone says so. */
  private byName(name: string, receiver: string | undefined, path: readonly string[]): ResolvedValue[] {
    // CONSTANT_CASE names are configuration (EMAIL_FROM, CLIENT_SECRET), not a person's data.
    if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return [];
    const analysis = analyseName(name);
    const term = analysis.term;
    // Only direct terms count on their own: a `secret` or `token` by name is as often a system's as a person's.
    const direct = term !== undefined && term.term.strength === 'direct' && !analysis.flag && !analysis.timestamp && !analysis.negativeHead && !term.thingModifier;
    const candidates = this.index.personalFieldsNamed(name);
    // `customer.email` with no type at hand: the email of a record named after the receiver (CustomerEntity).
    const receiverWords = receiver ? analyseName(receiver).words : [];
    const hinted = receiverWords.length > 0 ? candidates.find((c) => receiverWords.includes(recordWords(c.container).pop() ?? '')) : undefined;
    const element = hinted ?? (direct && candidates.length === 1 ? candidates[0] : undefined);
    if (element) return this.fromElement(element, path, 'name');
    if (!direct || !term) return [];
    return [{ valueName: name, categories: [term.term.category], path: [...path], resolution: 'name', wholeRecord: false }];
  }

  private receiverName(expression: ts.Expression): string | undefined {
    const node = unwrap(expression);
    if (compiler.isIdentifier(node)) return node.text;
    if (compiler.isPropertyAccessExpression(node) && compiler.isIdentifier(node.name)) return node.name.text;
    return undefined;
  }

  /** `receiver.field` (or `receiver['field']`). */
  private property(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, field: string, path: readonly string[], depth: number): ResolvedValue[] {
    const receiver = this.containerOf(access.expression, depth + 1);
    if (receiver && !receiver.array && !receiver.repository) {
      const element = this.index.field(receiver.container, field);
      if (element) return this.fromElement(element, path, 'type');
      // A field the record does not declare (a computed property): nothing to trace.
      return [];
    }
    const lookup = this.index.hasPersonalField(field) ? this.types() : undefined;
    for (const site of lookup?.propertyDeclarations(access) ?? []) {
      const declared = this.index.declaredAt(site.file, site.start);
      if (declared && 'field' in declared) return this.fromElement(declared, path, 'type');
    }
    return this.byName(field, this.receiverName(access.expression), path);
  }

  /** The declared field a property access reads, by type only (no name guessing): for purpose checks. */
  fieldRead(access: ts.PropertyAccessExpression): DataElement | undefined {
    if (!compiler.isIdentifier(access.name)) return undefined;
    const field = access.name.text;
    const receiver = this.containerOf(access.expression, 1);
    if (receiver && !receiver.array && !receiver.repository) return this.index.field(receiver.container, field);
    if (!this.index.hasPersonalField(field)) return undefined;
    for (const site of this.types()?.propertyDeclarations(access) ?? []) {
      const declared = this.index.declaredAt(site.file, site.start);
      if (declared && 'field' in declared) return declared;
    }
    return undefined;
  }

  /** The declared fields a value read at a sink comes from. `path` holds the names it was bound to on the way. */
  resolve(ref: ValueRef, path: readonly string[] = [], depth = 0): ResolvedValue[] {
    if (depth > MAX_DEPTH) return [];
    if (!ref.whole) return this.property(ref.node as ts.PropertyAccessExpression | ts.ElementAccessExpression, ref.name, path, depth);
    const identifier = ref.node as ts.Identifier;
    const declaration = findDeclaration(identifier);
    const named = path[0] === identifier.text ? path : [identifier.text, ...path];
    if (!declaration) return this.byName(identifier.text, undefined, named);
    if (declaration.kind === 'other') return [];
    if (declaration.path.length > 0) {
      // const { email } = customer; function f({ email }: Customer)
      const field = declaration.path[declaration.path.length - 1] as string;
      const holder = this.fromDeclaration({ ...declaration, path: declaration.path.slice(0, -1) }, depth);
      const alias = identifier.text === field ? path : named;
      if (holder && !holder.array) {
        const element = this.index.field(holder.container, field);
        return element ? this.fromElement(element, alias, 'type') : [];
      }
      if (declaration.kind === 'variable' && declaration.node.initializer && declaration.path.length === 1) {
        const source = unwrap(declaration.node.initializer);
        if (compiler.isIdentifier(source) || compiler.isPropertyAccessExpression(source)) {
          return this.byName(field, this.receiverName(source), alias);
        }
      }
      return this.byName(field, undefined, alias);
    }
    if (declaration.kind === 'variable' && !declaration.node.type && declaration.node.initializer) {
      // const contact = customer.email: follow the alias.
      const initializer = declaration.node.initializer;
      const hit = this.containerOf(initializer, depth + 1);
      if (hit) return this.record(hit, named) ?? [];
      const results: ResolvedValue[] = [];
      for (const inner of this.values.collect(initializer)) results.push(...this.resolve(inner, named, depth + 1));
      return results;
    }
    const hit = this.fromDeclaration(declaration, depth) ?? (depth === 0 ? this.fromChecker(identifier) : undefined);
    // A list of records carries every record's fields, as one record does.
    if (hit) return this.record({ container: hit.container, ...(hit.repository ? { repository: true } : {}) }, named) ?? [];
    // A parameter or variable of a primitive type: its name is all there is.
    return this.byName(identifier.text, undefined, named);
  }
}
