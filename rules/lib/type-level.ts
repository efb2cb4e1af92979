// "Declare for the whole type" suggestions: when several fields of one type lack the same
// declaration, one tag on the type covers them all (tags on a type apply to its fields).
import type { DataContainer, DataElement, FixProposal } from '../api';
import { addTagEdit } from './doc-edits';

/** Collects the elements of each container that lack a declaration, to report them together. */
export class MissingByContainer {
  private readonly containers = new Map<string, DataContainer>();
  private readonly missing = new Map<string, DataElement[]>();

  container(container: DataContainer): void {
    this.containers.set(container.name, container);
  }

  add(element: DataElement): void {
    const list = this.missing.get(element.container) ?? [];
    list.push(element);
    this.missing.set(element.container, list);
  }

  /** Each element with the container it belongs to when that container can take a type-level tag for 2+ fields. */
  *entries(): Generator<{ element: DataElement; container?: DataContainer }> {
    for (const [name, elements] of this.missing) {
      const container = this.containers.get(name);
      // Nested inline shapes (Parent.field) cannot carry a doc comment of their own.
      const typeLevel = container && elements.length >= 2 && !name.includes('.') ? container : undefined;
      for (const element of elements) yield typeLevel ? { element, container: typeLevel } : { element };
    }
  }
}

/** "Declare … for the whole Customer": one tag on the type's doc comment. */
export function typeLevelProposal(text: string, container: DataContainer, tag: string, value: string, label: string): FixProposal {
  return { title: `${label} for the whole ${container.name}`, edits: [addTagEdit(text, container.doc, tag, value)] };
}
