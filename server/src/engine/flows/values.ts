// The values an expression carries into a sink: property reads (`user.email`), names (`email`,
// `customer`) and spreads, found through object literals, templates, concatenation, conditionals
// and pass-through calls (JSON.stringify, String, toLowerCase). Sanitiser calls carry nothing.
import type { ts } from 'ts-morph';
import { splitWords } from '../../../../rules/taxonomy/words';
import { compiler } from '../extract/typescript/compiler';
import { calleeName, calleeNames, unwrap } from './syntax';

const { SyntaxKind } = compiler;

/** One value read inside a sink argument. */
export interface ValueRef {
  /** A property access / element access with a literal key, or an identifier. */
  readonly node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.Identifier;
  /** The field name read (`email`), or the identifier's name. */
  readonly name: string;
  /** The value goes in whole (an identifier, a spread), not one field of it. */
  readonly whole: boolean;
}

/** Words that mark a call as a sanitiser: its result no longer holds the value. */
const SANITISER_WORDS = new Set([
  'redact', 'redacted', 'mask', 'masked', 'hash', 'hashed', 'sha1', 'sha256', 'sha512', 'md5', 'hmac', 'digest', 'encrypt', 'encrypted',
  'anonymise', 'anonymize', 'anonymised', 'anonymized', 'pseudonymise', 'pseudonymize', 'obfuscate', 'obfuscated', 'scrub', 'scrubbed', 'tokenize', 'tokenise',
  'bcrypt', 'argon2', 'scrypt', 'pbkdf2', 'createhash', 'createhmac', 'sha',
]);

/** Functions and methods whose result carries their argument (or receiver) unchanged for our purpose. */
const PASS_THROUGH_FUNCTIONS = new Set(['stringify', 'String', 'format', 'inspect', 'formatWithOptions', 'encodeURIComponent', 'encodeURI', 'escape', 'assign', 'from', 'of', 'values', 'entries']);
const PASS_THROUGH_METHODS = new Set(['toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'concat', 'replace', 'replaceAll', 'split', 'join', 'normalize', 'toLocaleString', 'at', 'charAt', 'toJSON', 'toISOString', 'valueOf']);

export class ValueCollector {
  /** @param extraSanitisers names from the manifest (flows.redactor, flows.sanitizers) */
  constructor(private readonly extraSanitisers: ReadonlySet<string>) {}

  isSanitiser(call: ts.CallExpression | ts.NewExpression): boolean {
    return calleeNames(call).some((name) => this.extraSanitisers.has(name) || splitWords(name).some((word) => SANITISER_WORDS.has(word)) || SANITISER_WORDS.has(name.toLowerCase()));
  }

  /** The values an expression carries. */
  collect(expression: ts.Expression): ValueRef[] {
    const refs: ValueRef[] = [];
    this.visit(expression, refs, 0);
    return refs;
  }

  private visit(expression: ts.Expression, into: ValueRef[], depth: number): void {
    if (depth > 24) return;
    const node = unwrap(expression);
    switch (node.kind) {
      case SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        if (compiler.isIdentifier(access.name)) into.push({ node: access, name: access.name.text, whole: false });
        return;
      }
      case SyntaxKind.ElementAccessExpression: {
        const access = node as ts.ElementAccessExpression;
        const key = unwrap(access.argumentExpression);
        if (compiler.isStringLiteral(key) || compiler.isNoSubstitutionTemplateLiteral(key)) into.push({ node: access, name: key.text, whole: false });
        return;
      }
      case SyntaxKind.Identifier: {
        const identifier = node as ts.Identifier;
        if (identifier.text !== 'undefined') into.push({ node: identifier, name: identifier.text, whole: true });
        return;
      }
      case SyntaxKind.ObjectLiteralExpression:
        for (const property of (node as ts.ObjectLiteralExpression).properties) {
          if (compiler.isPropertyAssignment(property)) this.visit(property.initializer, into, depth + 1);
          else if (compiler.isShorthandPropertyAssignment(property)) this.visit(property.name, into, depth + 1);
          else if (compiler.isSpreadAssignment(property)) this.visit(property.expression, into, depth + 1);
        }
        return;
      case SyntaxKind.ArrayLiteralExpression:
        for (const element of (node as ts.ArrayLiteralExpression).elements) this.visit(compiler.isSpreadElement(element) ? element.expression : element, into, depth + 1);
        return;
      case SyntaxKind.SpreadElement:
        this.visit((node as ts.SpreadElement).expression, into, depth + 1);
        return;
      case SyntaxKind.TemplateExpression:
        for (const span of (node as ts.TemplateExpression).templateSpans) this.visit(span.expression, into, depth + 1);
        return;
      case SyntaxKind.TaggedTemplateExpression: {
        const template = (node as ts.TaggedTemplateExpression).template;
        if (compiler.isTemplateExpression(template)) for (const span of template.templateSpans) this.visit(span.expression, into, depth + 1);
        return;
      }
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        const op = binary.operatorToken.kind;
        // a + b, a ?? b, a || b carry both sides; comparisons and arithmetic carry neither.
        if (op === SyntaxKind.PlusToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken || op === SyntaxKind.CommaToken) {
          this.visit(binary.left, into, depth + 1);
          this.visit(binary.right, into, depth + 1);
        } else if (op === SyntaxKind.AmpersandAmpersandToken) {
          this.visit(binary.right, into, depth + 1);
        }
        return;
      }
      case SyntaxKind.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        this.visit(conditional.whenTrue, into, depth + 1);
        this.visit(conditional.whenFalse, into, depth + 1);
        return;
      }
      case SyntaxKind.CallExpression:
      case SyntaxKind.NewExpression: {
        const call = node as ts.CallExpression;
        if (this.isSanitiser(call)) return;
        const name = calleeName(call);
        const callee = unwrap(call.expression);
        if (name && compiler.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(name)) {
          this.visit(callee.expression, into, depth + 1);
          for (const arg of call.arguments ?? []) this.visit(arg, into, depth + 1);
        } else if (name && PASS_THROUGH_FUNCTIONS.has(name)) {
          for (const arg of call.arguments ?? []) this.visit(arg, into, depth + 1);
        }
        return;
      }
      default:
        return;
    }
  }
}
