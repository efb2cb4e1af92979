// Extracts models, views and composite types from schema.prisma files with @mrleebo/prisma-ast,
// `///` doc comments included. A file the parser rejects is still read line by line, so one syntax
// error does not hide the rest of the schema.
import { table } from '../../../../rules/lib/tables';
import { type Block, type Comment, type Field, getSchema, PrismaParser, VisitorClassFactory } from '@mrleebo/prisma-ast';
import type { DocAnchor, DocTag, TextRange } from '../../../../rules/api';
import type { ContainerFacts, ExtractedFile, FieldFacts, FileProblem, TypeFacts, ValueHint } from '../model';
import { LineIndex, detectEol } from '../text/line-index';
import { parseDocTags } from './doc-tags';
import { findSuppressions } from './suppressions';

const SCALARS: Readonly<Record<string, TypeFacts['kind']>> = table({
  String: 'string',
  Int: 'number',
  BigInt: 'number',
  Float: 'number',
  Decimal: 'number',
  Boolean: 'boolean',
  DateTime: 'date',
  Json: 'json',
  Bytes: 'binary',
});

interface Location {
  readonly startOffset: number;
  readonly endOffset?: number;
}

let parserInstance: { parser: PrismaParser; visitor: InstanceType<ReturnType<typeof VisitorClassFactory>> } | undefined;

/** One parser for the process, built with our own options (never from a config file in the workspace). */
function parser(): NonNullable<typeof parserInstance> {
  if (!parserInstance) {
    const p = new PrismaParser({ nodeLocationTracking: 'full' });
    const Visitor = VisitorClassFactory(p);
    parserInstance = { parser: p, visitor: new Visitor(p) };
  }
  return parserInstance;
}

function locationOf(node: unknown): Location | undefined {
  const location = (node as { location?: Location }).location;
  return location && typeof location.startOffset === 'number' ? location : undefined;
}

class PrismaExtraction {
  readonly lines: LineIndex;
  readonly eol: '\n' | '\r\n';
  readonly containers: ContainerFacts[] = [];

  constructor(
    readonly path: string,
    readonly text: string,
    /** Added to parser offsets (1 when a BOM was removed before parsing). */
    readonly shift: number,
  ) {
    this.lines = new LineIndex(text);
    this.eol = detectEol(text);
  }

  /** A doc anchor for the declaration at `start`, given the `///` comments right above it. */
  anchor(start: number, docComments: readonly { start: number; end: number }[]): DocAnchor {
    const first = docComments[0];
    const last = docComments[docComments.length - 1];
    return {
      style: 'prisma',
      ...(first && last ? { comment: { start: first.start, end: last.end } } : {}),
      insertAt: start,
      indent: this.lines.indentAt(start),
      eol: this.eol,
    };
  }

  tagsOf(docComments: readonly { start: number; end: number }[], owner: DocTag['owner']): DocTag[] {
    return docComments.flatMap((c) => parseDocTags(this.text.slice(c.start, c.end), c.start, owner));
  }

  /** `///` comments on the lines directly above `line` (1-based), nearest last. */
  docCommentsAbove(comments: readonly { start: number; end: number; line: number }[], line: number): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    let expected = line - 1;
    for (let i = comments.length - 1; i >= 0; i--) {
      const comment = comments[i];
      if (!comment || comment.line > expected) continue;
      if (comment.line < expected) break;
      found.unshift({ start: comment.start, end: comment.end });
      expected--;
    }
    return found;
  }

  addModel(block: Block): void {
    if (block.type !== 'model' && block.type !== 'view' && block.type !== 'type') return;
    const location = locationOf(block);
    if (!location) return;
    const blockStart = location.startOffset + this.shift;
    const name = block.name;
    const keyword = this.text.lastIndexOf(block.type, blockStart);
    const declStart = keyword >= 0 && blockStart - keyword < 64 ? keyword : blockStart;
    const nameStart = this.text.indexOf(name, declStart);
    const topComments = this.docComments;
    const docComments = this.docCommentsAbove(topComments, this.lines.positionAt(declStart).line);
    const container: ContainerFacts = {
      name,
      form: 'prisma',
      role: block.type === 'type' ? 'shape' : 'stored',
      file: this.path,
      nameRange: { start: nameStart, end: nameStart + name.length },
      doc: this.anchor(declStart, docComments),
      tags: this.tagsOf(docComments, { kind: 'container', id: name }),
      fields: [],
    };
    const comments: { start: number; end: number; line: number }[] = [];
    for (const property of block.properties) {
      if (property.type === 'comment') {
        const commentLocation = locationOf(property);
        if (commentLocation && (property as Comment).text.startsWith('///')) {
          const start = commentLocation.startOffset + this.shift;
          comments.push({ start, end: start + (property as Comment).text.length, line: this.lines.positionAt(start).line });
        }
        continue;
      }
      if (property.type !== 'field') continue;
      const field = property as Field;
      const fieldLocation = locationOf(field);
      if (!fieldLocation) continue;
      const start = fieldLocation.startOffset + this.shift;
      const fieldDocs = this.docCommentsAbove(comments, this.lines.positionAt(start).line);
      const lineEnd = this.lines.lineStart(this.lines.positionAt(start).line + 1);
      const declEnd = Math.max(start + field.name.length, this.text.slice(start, lineEnd).trimEnd().length + start);
      container.fields.push(this.fieldFacts(field, container.name, { start, end: start + field.name.length }, { start, end: declEnd }, fieldDocs));
    }
    this.containers.push(container);
  }

  private fieldFacts(field: Field, container: string, nameRange: TextRange, range: TextRange, docs: { start: number; end: number }[]): FieldFacts {
    const hints: ValueHint[] = [];
    let primaryKey = false;
    let hasRelation = false;
    for (const attribute of field.attributes ?? []) {
      if (attribute.name === 'id' && !attribute.group) primaryKey = true;
      if (attribute.name === 'relation') hasRelation = true;
      if (attribute.group === 'db' && (attribute.name === 'Inet' || attribute.name === 'Cidr')) hints.push('ip');
    }
    const typeName = typeof field.fieldType === 'string' ? field.fieldType : undefined;
    const scalar = typeName ? SCALARS[typeName] : undefined;
    const base: TypeFacts = scalar ? { kind: scalar } : typeName ? { kind: 'reference', refName: typeName } : { kind: 'unknown' };
    const type: TypeFacts = field.array ? { kind: 'array', element: base } : base;
    return {
      name: field.name,
      nameRange,
      range,
      doc: this.anchor(nameRange.start, docs),
      tags: this.tagsOf(docs, { kind: 'element', id: `${container}.${field.name}` }),
      type,
      hints,
      decorators: [],
      ...(primaryKey ? { primaryKey } : {}),
      ...(hasRelation && typeName ? { relation: { kind: field.array ? 'to-many' : 'to-one', target: typeName } } : {}),
    };
  }

  docComments: { start: number; end: number; line: number }[] = [];
}

/** Reads models line by line when the parser gives up (unbalanced braces, newer syntax). */
function extractByLines(extraction: PrismaExtraction): void {
  const blockStart = /^[ \t]*(model|view|type)[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\{/;
  const fieldLine = /^([ \t]*)([A-Za-z_][A-Za-z0-9_]*)[ \t]+([A-Za-z_][A-Za-z0-9_]*)(\[\])?(\?)?/;
  let current: ContainerFacts | undefined;
  for (let line = 1; line <= extraction.lines.lineCount; line++) {
    const text = extraction.lines.lineText(line);
    const start = extraction.lines.lineStart(line);
    const open = blockStart.exec(text);
    if (open) {
      const name = open[2] ?? '';
      const nameStart = start + text.indexOf(name, (open[1] ?? '').length);
      current = { name, form: 'prisma', role: 'stored', file: extraction.path, nameRange: { start: nameStart, end: nameStart + name.length }, doc: extraction.anchor(start, []), tags: [], fields: [] };
      extraction.containers.push(current);
      continue;
    }
    if (/^\s*}/.test(text)) {
      current = undefined;
      continue;
    }
    const field = current ? fieldLine.exec(text) : null;
    if (!current || !field) continue;
    const name = field[2] ?? '';
    const nameStart = start + (field[1] ?? '').length;
    const typeName = field[3] ?? '';
    const scalar = SCALARS[typeName];
    const base: TypeFacts = scalar ? { kind: scalar } : { kind: 'reference', refName: typeName };
    current.fields.push({
      name,
      nameRange: { start: nameStart, end: nameStart + name.length },
      range: { start: nameStart, end: start + text.trimEnd().length },
      doc: extraction.anchor(nameStart, []),
      tags: [],
      type: field[4] ? { kind: 'array', element: base } : base,
      hints: [],
      decorators: [],
      ...(/@id\b/.test(text) ? { primaryKey: true } : {}),
      ...(/@relation\b/.test(text) ? { relation: { kind: field[4] ? 'to-many' : 'to-one', target: typeName } } : {}),
    });
  }
}

export function extractPrisma(path: string, text: string): ExtractedFile {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const extraction = new PrismaExtraction(path, text, bom);
  const problems: FileProblem[] = [];
  try {
    const { parser: p, visitor } = parser();
    const schema = getSchema(bom ? text.slice(1) : text, { parser: p, visitor });
    for (const block of schema.list) {
      if (block.type === 'comment' && block.text.startsWith('///')) {
        const location = locationOf(block);
        if (location) {
          const start = location.startOffset + bom;
          extraction.docComments.push({ start, end: start + block.text.length, line: extraction.lines.positionAt(start).line });
        }
      }
      extraction.addModel(block);
    }
  } catch (error) {
    const token = (error as { token?: { startOffset?: number; image?: string } }).token;
    const offset = typeof token?.startOffset === 'number' && Number.isFinite(token.startOffset) ? token.startOffset + bom : 0;
    problems.push({
      kind: 'syntax-error',
      severity: 'warning',
      range: { start: offset, end: offset + Math.max(1, token?.image?.length ?? 1) },
      message: 'Prisma schema syntax error; models were read line by line and doc-comment tags were skipped. Run `prisma validate` to see the problem.',
    });
    extraction.containers.length = 0;
    extractByLines(extraction);
  }
  const suppressions = findSuppressions(text, extraction.lines);
  return {
    path,
    language: 'prisma',
    containers: extraction.containers,
    typeAliases: [],
    reads: [],
    functionTags: [],
    problems: [...problems, ...suppressions.problems],
    suppressions: suppressions.suppressions,
  };
}
