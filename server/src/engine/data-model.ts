// Turns extracted facts plus classification into the data model rules see: DataContainer and
// DataElement with effective declarations (a field's own tags, else those of the types holding it).
import type { DataContainer, DataElement, Declarations, Declared, DocTag } from '../../../rules/api';
import { splitList } from '../../../rules/declarations/bases';
import type { ClassifiedFile } from './classify';
import type { ContainerFacts, ExtractedFile } from './model';

export interface FileModel {
  readonly path: string;
  readonly language: ExtractedFile['language'];
  readonly containers: readonly DataContainer[];
  readonly elements: readonly DataElement[];
  /** Every privacy tag in the file (on fields, types and functions). */
  readonly tags: readonly DocTag[];
}

function first<T>(own: readonly DocTag[], inherited: readonly (readonly DocTag[])[], name: DocTag['name'], map: (tag: DocTag) => T): Declared<T> | undefined {
  const tag = own.find((t) => t.name === name);
  if (tag) return { value: map(tag), tag, inherited: false };
  for (const level of inherited) {
    const found = level.find((t) => t.name === name);
    if (found) return { value: map(found), tag: found, inherited: true };
  }
  return undefined;
}

/** Most fields declare nothing: they share one frozen empty declaration. */
const NOTHING_DECLARED: Declarations = Object.freeze({ purposes: Object.freeze([]) });

/** Own tags win; otherwise the nearest container that declares the tag (DESIGN.md §1). */
export function declarationsOf(own: readonly DocTag[], inherited: readonly (readonly DocTag[])[]): Declarations {
  if (own.length === 0 && inherited.every((level) => level.length === 0)) return NOTHING_DECLARED;
  const purposeTags = own.some((t) => t.name === 'purpose') ? own.filter((t) => t.name === 'purpose') : (inherited.find((level) => level.some((t) => t.name === 'purpose')) ?? []).filter((t) => t.name === 'purpose');
  const purposesInherited = !own.some((t) => t.name === 'purpose');
  const purposes = purposeTags.flatMap((tag) => splitList(tag.value).map((value) => ({ value, tag, inherited: purposesInherited })));
  const personal = first(own, [], 'personal', (t) => splitList(t.value));
  const notPersonal = first(own, inherited, 'notPersonal', (t) => t.value);
  const retention = first(own, inherited, 'retention', (t) => t.value);
  const basis = first(own, inherited, 'basis', (t) => splitList(t.value));
  const subject = first(own, inherited, 'subject', (t) => t.value);
  const source = first(own, inherited, 'source', (t) => t.value);
  return {
    purposes,
    ...(personal ? { personal } : {}),
    ...(notPersonal ? { notPersonal } : {}),
    ...(retention ? { retention } : {}),
    ...(basis ? { basis } : {}),
    ...(subject ? { subject } : {}),
    ...(source ? { source } : {}),
  };
}

function describeType(type: ContainerFacts['fields'][number]['type']): string | undefined {
  switch (type.kind) {
    case 'unknown':
      return undefined;
    case 'array': {
      const inner = type.element ? describeType(type.element) : undefined;
      return `${inner ?? 'unknown'}[]`;
    }
    case 'reference':
      return type.refName ?? 'object';
    default:
      return type.literals ? `${type.kind} literals` : type.kind;
  }
}

/** Builds the model of one extracted file. */
export function buildFileModel(file: ExtractedFile, classified: ClassifiedFile): FileModel {
  const byName = new Map(file.containers.map((c) => [c.name, c]));
  const containers: DataContainer[] = [];
  const elements: DataElement[] = [];
  const tags: DocTag[] = [...file.functionTags];
  file.containers.forEach((facts, i) => {
    const context = classified.contexts[i]?.context ?? 'neutral';
    containers.push({ name: facts.name, form: facts.form, role: facts.role, file: facts.file, nameRange: facts.nameRange, doc: facts.doc, tags: facts.tags, context, ...(facts.heritage?.length ? { heritage: facts.heritage } : {}) });
    tags.push(...facts.tags);
    // Tags of the enclosing containers, nearest first.
    const inherited: (readonly DocTag[])[] = [];
    for (let holder: ContainerFacts | undefined = facts; holder; holder = holder.parent ? byName.get(holder.parent.container) : undefined) {
      inherited.push(holder.tags);
      if (inherited.length > 16) break;
    }
    facts.fields.forEach((field, j) => {
      tags.push(...field.tags);
      const classification = classified.classifications[i]?.[j] ?? { personal: false, categories: [], confidence: 0.5, evidence: [] };
      const typeText = describeType(field.type);
      const refName = field.type.kind === 'array' ? field.type.element?.refName : field.type.refName;
      elements.push({
        id: `${facts.name}.${field.name}`,
        container: facts.name,
        field: field.name,
        file: facts.file,
        form: field.form ?? facts.form,
        role: facts.role,
        nameRange: field.nameRange,
        range: field.range,
        ...(typeText ? { typeText } : {}),
        ...(refName ? { refName } : {}),
        classification,
        declared: declarationsOf(field.tags, inherited),
        doc: field.doc,
      });
    });
  });
  return { path: file.path, language: file.language, containers, elements, tags };
}
