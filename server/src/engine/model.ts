// What extraction knows about a file before classification: containers and their fields with the
// syntax-level facts (declared type, validators, decorators, relations) the classifier weighs.
import type { DataRole, DocAnchor, DocTag, ElementForm, SourceLanguage, TextRange } from '../../../rules/api';
import type { TypeTarget } from './flows/type-targets';

/** The shape of a declared type, reduced to what classification needs. */
export interface TypeFacts {
  readonly kind: 'string' | 'number' | 'boolean' | 'date' | 'object' | 'array' | 'reference' | 'enum' | 'id' | 'json' | 'binary' | 'function' | 'unknown';
  /** For arrays: the element type. */
  readonly element?: TypeFacts;
  /** For references (and arrays of them): the referenced type's name. */
  readonly refName?: string;
  /** The type is a union of literal values (an enum written inline). */
  readonly literals?: boolean;
}

/** Evidence from validators and decorators, by what they check (email, phone, ip…). */
export type ValueHint =
  | 'email' | 'phone' | 'ip' | 'postal-code' | 'credit-card' | 'iban' | 'lat-long' | 'timezone' | 'locale' | 'strong-password'
  | 'jwt' | 'country' | 'mac' | 'government-id' | 'uuid' | 'url';

export interface RelationFacts {
  /** to-one / to-many: another persisted record; embedded: stored inside this one; foreign-key: holds the other's id. */
  readonly kind: 'to-one' | 'to-many' | 'embedded' | 'foreign-key';
  /** The related type or model name, when it is written as an identifier. */
  readonly target?: string;
}

export interface FieldFacts {
  readonly name: string;
  /** When it differs from the container's (a constructor parameter property in a class). */
  readonly form?: ElementForm;
  readonly nameRange: TextRange;
  readonly range: TextRange;
  readonly doc: DocAnchor;
  readonly tags: readonly DocTag[];
  readonly type: TypeFacts;
  readonly hints: readonly ValueHint[];
  /** Decorator names, for evidence ("@IsEmail()"). */
  readonly decorators: readonly string[];
  readonly relation?: RelationFacts;
  readonly primaryKey?: boolean;
  /** Name of the container extracted from this field's inline shape (nested object, array of objects). */
  readonly nested?: string;
}

export type ContainerRole = DataRole;

export interface ContainerFacts {
  readonly name: string;
  readonly form: ElementForm;
  readonly role: ContainerRole;
  readonly file: string;
  readonly nameRange: TextRange;
  readonly doc: DocAnchor;
  readonly tags: readonly DocTag[];
  readonly fields: FieldFacts[];
  /** For nested shapes: the container and field that hold this one. */
  readonly parent?: { readonly container: string; readonly field: string };
  /** Names this container extends or merges (interface extends, class extends, zod .merge). */
  readonly heritage?: readonly string[];
}

/** A problem with one file that did not stop its analysis (syntax error, unreadable, skipped). */
export interface FileProblem {
  readonly kind: 'syntax-error' | 'unreadable-file' | 'skipped-file' | 'invalid-suppression';
  readonly message: string;
  readonly range: TextRange;
  readonly severity: 'error' | 'warning' | 'info';
}

/** `// privacy-steward-ignore rule-a, rule-b -- reason` on the line above a finding. */
export interface Suppression {
  /** 1-based line the comment is on. */
  readonly line: number;
  readonly rules: readonly string[];
  readonly hasReason: boolean;
  readonly range: TextRange;
}

/** A type alias that names a record rather than declaring one: `type CustomerInput = z.infer<typeof CustomerSchema>`. */
export interface TypeAliasFacts {
  readonly name: string;
  readonly target: TypeTarget;
}

export interface ExtractedFile {
  readonly path: string;
  readonly language: SourceLanguage;
  readonly containers: ContainerFacts[];
  readonly typeAliases: TypeAliasFacts[];
  /** Field names the file's code reads: property accesses, destructuring, select-like keys. */
  readonly reads: string[];
  /** Tags written on functions (@erases, @consent, @purpose). */
  readonly functionTags: DocTag[];
  readonly problems: FileProblem[];
  readonly suppressions: Suppression[];
}
