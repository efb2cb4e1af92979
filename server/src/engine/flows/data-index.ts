// The workspace's declared records, indexed for the flow analysis: containers by name (type aliases
// followed, same file and imported file first), fields of a container (through `extends`), personal
// fields by name, and declarations by position (what the type checker points at). Kept per file, so
// the language server replaces one file's entries on an edit instead of rebuilding the index.
import * as path from 'node:path';
import type { DataContainer, DataElement } from '../../../../rules/api';
import type { TypeAliasFacts } from '../model';
import type { TypeTarget } from './type-targets';

/** A container an expression evaluates to: the record, a list of them, or a repository of them. */
export interface ContainerHit {
  readonly container: DataContainer;
  readonly array?: boolean;
  readonly repository?: boolean;
}

interface FileEntries {
  readonly containers: readonly DataContainer[];
  readonly elements: readonly DataElement[];
  /** Fields by container name, then field name. */
  readonly fields: Map<string, Map<string, DataElement>>;
  /** Elements and containers by the start offset of their name. */
  readonly atPosition: Map<number, DataElement | DataContainer>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, keep: (value: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter(keep);
  if (kept.length > 0) map.set(key, kept);
  else map.delete(key);
}

export class DataIndex {
  private readonly files = new Map<string, FileEntries>();
  private readonly byName = new Map<string, DataContainer[]>();
  private readonly personalByField = new Map<string, DataElement[]>();
  private readonly aliases = new Map<string, { file: string; target: TypeTarget }[]>();
  private readonly aliasesByFile = new Map<string, readonly TypeAliasFacts[]>();

  constructor(containers: readonly DataContainer[] = [], elements: readonly DataElement[] = [], aliases: readonly { file: string; alias: TypeAliasFacts }[] = []) {
    const byFile = new Map<string, { containers: DataContainer[]; elements: DataElement[] }>();
    const entry = (file: string): { containers: DataContainer[]; elements: DataElement[] } => {
      let found = byFile.get(file);
      if (!found) byFile.set(file, (found = { containers: [], elements: [] }));
      return found;
    };
    for (const container of containers) entry(container.file).containers.push(container);
    for (const element of elements) entry(element.file).elements.push(element);
    for (const [file, { containers: c, elements: e }] of byFile) this.setRecords(file, c, e);
    const aliasesByFile = new Map<string, TypeAliasFacts[]>();
    for (const { file, alias } of aliases) push(aliasesByFile, file, alias);
    for (const [file, list] of aliasesByFile) this.setAliases(file, list);
  }

  /** Replaces one file's records (an edit); empty lists remove the file. */
  setRecords(file: string, containers: readonly DataContainer[], elements: readonly DataElement[]): void {
    const old = this.files.get(file);
    if (old) {
      for (const container of old.containers) pull(this.byName, container.name, (c) => c.file !== file);
      for (const element of old.elements) if (element.classification.personal) pull(this.personalByField, element.field, (e) => e.file !== file);
      this.files.delete(file);
    }
    if (containers.length === 0 && elements.length === 0) return;
    const entries: FileEntries = { containers, elements, fields: new Map(), atPosition: new Map() };
    for (const container of containers) {
      push(this.byName, container.name, container);
      entries.atPosition.set(container.nameRange.start, container);
    }
    for (const element of elements) {
      let fields = entries.fields.get(element.container);
      if (!fields) entries.fields.set(element.container, (fields = new Map()));
      fields.set(element.field, element);
      entries.atPosition.set(element.nameRange.start, element);
      if (element.classification.personal) push(this.personalByField, element.field, element);
    }
    this.files.set(file, entries);
  }

  /** Replaces one file's type aliases. */
  setAliases(file: string, aliases: readonly TypeAliasFacts[]): void {
    for (const old of this.aliasesByFile.get(file) ?? []) pull(this.aliases, old.name, (a) => a.file !== file);
    this.aliasesByFile.delete(file);
    if (aliases.length === 0) return;
    this.aliasesByFile.set(file, aliases);
    for (const alias of aliases) push(this.aliases, alias.name, { file, target: alias.target });
  }

  /** Whether any declared personal field has this name. */
  hasPersonalField(name: string): boolean {
    return this.personalByField.has(name);
  }

  personalFieldsNamed(name: string): readonly DataElement[] {
    return this.personalByField.get(name) ?? [];
  }

  /** The element or container declared at a position (the start of its name). */
  declaredAt(file: string, start: number): DataElement | DataContainer | undefined {
    return this.files.get(file)?.atPosition.get(start);
  }

  /**
   * The container a type name means from a file: declared in that file, else in the file it is
   * imported from (`importedFrom` is the module specifier), else the first of that name.
   * Type aliases are followed.
   */
  resolve(target: TypeTarget, fromFile: string, importedFrom?: string, depth = 0): ContainerHit | undefined {
    const candidates = this.byName.get(target.name) ?? [];
    const pick = (): DataContainer | undefined => {
      const local = candidates.find((c) => c.file === fromFile);
      if (local) return local;
      if (importedFrom?.startsWith('.')) {
        const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), importedFrom)).replace(/\.(js|jsx|mjs|cjs|ts|tsx)$/, '');
        const imported = candidates.find((c) => c.file.replace(/\.[^./]+$/, '') === base || c.file.replace(/\/index\.[^./]+$/, '') === base);
        if (imported) return imported;
      }
      return candidates[0];
    };
    const container = pick();
    if (container) return { container, ...(target.array ? { array: true } : {}), ...(target.repository ? { repository: true } : {}) };
    if (depth > 4) return undefined;
    const aliases = this.aliases.get(target.name) ?? [];
    const alias = aliases.find((a) => a.file === fromFile) ?? aliases[0];
    if (!alias) return undefined;
    const inner = this.resolve(alias.target, alias.file, undefined, depth + 1);
    return inner ? { ...inner, array: inner.array || target.array, repository: inner.repository || target.repository } : undefined;
  }

  /** A field of a container, or of the types it extends. */
  field(container: DataContainer, name: string, depth = 0): DataElement | undefined {
    const own = this.files.get(container.file)?.fields.get(container.name)?.get(name);
    if (own || depth > 6) return own;
    for (const base of container.heritage ?? []) {
      const hit = this.resolve({ name: base }, container.file);
      const found = hit && hit.container !== container ? this.field(hit.container, name, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** Every field of a container (its own first, then inherited ones). */
  fieldsOf(container: DataContainer, depth = 0): DataElement[] {
    const own = [...(this.files.get(container.file)?.fields.get(container.name)?.values() ?? [])];
    if (depth > 6) return own;
    const names = new Set(own.map((e) => e.field));
    for (const base of container.heritage ?? []) {
      const hit = this.resolve({ name: base }, container.file);
      if (!hit || hit.container === container) continue;
      for (const inherited of this.fieldsOf(hit.container, depth + 1)) {
        if (!names.has(inherited.field)) {
          names.add(inherited.field);
          own.push(inherited);
        }
      }
    }
    return own;
  }
}
