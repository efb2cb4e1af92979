// The workspace's declared records, indexed for the flow analysis: containers by name (type aliases
// followed, same file and imported file first), fields of a container (through `extends`), personal
// fields by name, and declarations by position (what the type checker points at).
import * as path from 'node:path';
import type { DataContainer, DataElement } from '../../../../rules/api';
import type { TypeAliasFacts } from '../model';
import type { TypeTarget } from './type-targets';

const key = (file: string, name: string): string => `${file}\u0000${name}`;

/** A container an expression evaluates to: the record, a list of them, or a repository of them. */
export interface ContainerHit {
  readonly container: DataContainer;
  readonly array?: boolean;
  readonly repository?: boolean;
}

export class DataIndex {
  private readonly byName = new Map<string, DataContainer[]>();
  private readonly fields = new Map<string, Map<string, DataElement>>();
  private readonly personalByField = new Map<string, DataElement[]>();
  private readonly atPosition = new Map<string, DataElement | DataContainer>();
  private readonly aliases = new Map<string, { file: string; target: TypeTarget }[]>();
  private readonly files = new Set<string>();

  constructor(containers: readonly DataContainer[], elements: readonly DataElement[], aliases: readonly { file: string; alias: TypeAliasFacts }[]) {
    for (const container of containers) {
      const list = this.byName.get(container.name);
      if (list) list.push(container);
      else this.byName.set(container.name, [container]);
      this.atPosition.set(key(container.file, String(container.nameRange.start)), container);
      this.files.add(container.file);
    }
    for (const element of elements) {
      const k = key(element.file, element.container);
      let map = this.fields.get(k);
      if (!map) this.fields.set(k, (map = new Map()));
      map.set(element.field, element);
      this.atPosition.set(key(element.file, String(element.nameRange.start)), element);
      if (element.classification.personal) {
        const list = this.personalByField.get(element.field);
        if (list) list.push(element);
        else this.personalByField.set(element.field, [element]);
      }
    }
    for (const { file, alias } of aliases) {
      const list = this.aliases.get(alias.name);
      if (list) list.push({ file, target: alias.target });
      else this.aliases.set(alias.name, [{ file, target: alias.target }]);
    }
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
    return this.atPosition.get(key(file, String(start)));
  }

  /**
   * The container a type name means from a file: declared in that file, else in the file it is
   * imported from (`importedFrom` is the module specifier), else the only one of that name.
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
      return candidates.length >= 1 ? candidates[0] : undefined;
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
    const own = this.fields.get(key(container.file, container.name))?.get(name);
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
    const own = [...(this.fields.get(key(container.file, container.name))?.values() ?? [])];
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

  /** Whether the workspace declares records in this file (the checker's declarations are only useful there). */
  declaresIn(file: string): boolean {
    return this.files.has(file);
  }
}
