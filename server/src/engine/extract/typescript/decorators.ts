// Reads the decorators of a class property: validators (class-validator), ORM column and relation
// decorators (TypeORM, MikroORM, sequelize-typescript), GraphQL @Field. Syntax only; nothing runs.
import { table } from '../../../../../rules/lib/tables';
import type { ts } from 'ts-morph';
import { compiler } from './compiler';
import type { RelationFacts, TypeFacts, ValueHint } from '../../model';

export interface DecoratorFacts {
  readonly names: string[];
  readonly hints: ValueHint[];
  readonly relation?: RelationFacts;
  readonly primaryKey: boolean;
  /** A type the decorators state (@IsBoolean, @Column('boolean')), when the annotation says less. */
  readonly type?: TypeFacts;
}

const VALIDATOR_HINTS: Readonly<Record<string, ValueHint>> = table({
  IsEmail: 'email',
  IsPhoneNumber: 'phone',
  IsMobilePhone: 'phone',
  IsIP: 'ip',
  IsPostalCode: 'postal-code',
  IsCreditCard: 'credit-card',
  IsIBAN: 'iban',
  IsLatitude: 'lat-long',
  IsLongitude: 'lat-long',
  IsLatLong: 'lat-long',
  IsTimeZone: 'timezone',
  IsLocale: 'locale',
  IsStrongPassword: 'strong-password',
  IsJWT: 'jwt',
  IsISO31661Alpha2: 'country',
  IsISO31661Alpha3: 'country',
  IsMACAddress: 'mac',
  IsIdentityCard: 'government-id',
  IsPassportNumber: 'government-id',
  IsTaxId: 'government-id',
  IsUUID: 'uuid',
  IsUrl: 'url',
  IsURL: 'url',
});

const DECORATOR_TYPES: Readonly<Record<string, TypeFacts['kind']>> = table({
  IsBoolean: 'boolean',
  IsBooleanString: 'boolean',
  IsDate: 'date',
  IsDateString: 'date',
  IsISO8601: 'date',
  IsNumber: 'number',
  IsInt: 'number',
  IsNumberString: 'number',
});

const TO_ONE = new Set(['ManyToOne', 'OneToOne', 'BelongsTo', 'HasOne']);
const TO_MANY = new Set(['OneToMany', 'ManyToMany', 'HasMany', 'BelongsToMany']);
const EMBEDDED = new Set(['Embedded', 'Embeddable']);
const PRIMARY = new Set(['PrimaryKey', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'ObjectIdColumn', 'SerializedPrimaryKey']);

/** Column types that say the value is an IP address (Postgres inet/cidr). */
const IP_COLUMN_TYPES = new Set(['inet', 'cidr']);

const NO_DECORATORS: DecoratorFacts = { names: [], hints: [], primaryKey: false };

export function decoratorFactsOf(node: ts.HasDecorators): DecoratorFacts {
  const decorators = compiler.getDecorators(node);
  if (!decorators || decorators.length === 0) return NO_DECORATORS;
  const facts: { names: string[]; hints: ValueHint[]; relation?: RelationFacts; primaryKey: boolean; type?: TypeFacts } = { names: [], hints: [], primaryKey: false };
  for (const decorator of decorators) {
    const expression = decorator.expression;
    const call = compiler.isCallExpression(expression) ? expression : undefined;
    const callee = call ? call.expression : expression;
    const name = compiler.isIdentifier(callee) ? callee.text : compiler.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name) continue;
    facts.names.push(name);
    const hint = VALIDATOR_HINTS[name];
    if (hint) facts.hints.push(hint);
    const typeKind = DECORATOR_TYPES[name];
    if (typeKind) facts.type = { kind: typeKind };
    if (PRIMARY.has(name)) facts.primaryKey = true;
    const target = call ? relationTarget(call) : undefined;
    if (TO_ONE.has(name)) facts.relation = { kind: 'to-one', ...(target ? { target } : {}) };
    else if (TO_MANY.has(name)) facts.relation = { kind: 'to-many', ...(target ? { target } : {}) };
    else if (EMBEDDED.has(name)) facts.relation = { kind: 'embedded', ...(target ? { target } : {}) };
    else if (name === 'ForeignKey') facts.relation = { kind: 'foreign-key', ...(target ? { target } : {}) };
    if (call && columnTypeIs(call, IP_COLUMN_TYPES)) facts.hints.push('ip');
    if (call && columnTypeIs(call, new Set(['boolean', 'bool']))) facts.type = { kind: 'boolean' };
  }
  return facts;
}

/** `() => Customer`, `{ entity: () => Customer }`, `'Customer'` → Customer. */
function relationTarget(call: ts.CallExpression): string | undefined {
  for (const arg of call.arguments) {
    const direct = returnedIdentifier(arg);
    if (direct) return direct;
    if (compiler.isObjectLiteralExpression(arg)) {
      for (const property of arg.properties) {
        if (!compiler.isPropertyAssignment(property)) continue;
        const key = property.name.getText();
        if (key === 'entity' || key === 'type' || key === 'target') {
          const target = returnedIdentifier(property.initializer);
          if (target) return target;
        }
      }
    }
  }
  return undefined;
}

function returnedIdentifier(expression: ts.Expression): string | undefined {
  if (compiler.isArrowFunction(expression) && !compiler.isBlock(expression.body)) return returnedIdentifier(expression.body);
  if (compiler.isIdentifier(expression)) return expression.text;
  if (compiler.isArrayLiteralExpression(expression) && expression.elements[0]) return returnedIdentifier(expression.elements[0]);
  // A model named in a string ('Customer') is used only when it reads as an identifier.
  if (compiler.isStringLiteral(expression) && /^[A-Z][A-Za-z0-9_]*$/.test(expression.text)) return expression.text;
  return undefined;
}

/** @Column('inet'), @Column({ type: 'inet' }), @Property({ columnType: 'inet' }). */
function columnTypeIs(call: ts.CallExpression, types: ReadonlySet<string>): boolean {
  for (const arg of call.arguments) {
    if (compiler.isStringLiteral(arg) && types.has(arg.text.toLowerCase())) return true;
    if (!compiler.isObjectLiteralExpression(arg)) continue;
    for (const property of arg.properties) {
      if (!compiler.isPropertyAssignment(property)) continue;
      const key = property.name.getText();
      if ((key === 'type' || key === 'columnType') && compiler.isStringLiteral(property.initializer) && types.has(property.initializer.text.toLowerCase())) return true;
    }
  }
  return false;
}
