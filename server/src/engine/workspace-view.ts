// The workspace as rules see it while they look at one file: every declared field and record, the
// field names the code reads, the functions declared as erasing data, and the collection points.
import type { CollectionPoint, DataContainer, DataElement, DocTag, Eraser, WorkspaceView } from '../../../rules/api';
import { splitList } from '../../../rules/declarations/bases';

export interface WorkspaceFacts {
  readonly elements: readonly DataElement[];
  readonly containers: readonly DataContainer[];
  /** Field names read anywhere (a set, or counts kept by the language server). */
  readonly reads: { has(name: string): boolean };
  /** Function tags of every file, with the file. */
  readonly functionTags: readonly { readonly file: string; readonly tags: readonly DocTag[] }[];
  readonly collectionPoints: readonly CollectionPoint[];
}

/** The erasing functions a set of function tags declares. */
export function erasersOf(functionTags: WorkspaceFacts['functionTags']): Eraser[] {
  const erasers: Eraser[] = [];
  for (const { file, tags } of functionTags) {
    for (const tag of tags) {
      if (tag.name === 'erases' && tag.owner.kind === 'function') erasers.push({ function: tag.owner.id, file, targets: splitList(tag.value) });
    }
  }
  return erasers;
}

export function createWorkspaceView(facts: WorkspaceFacts): WorkspaceView {
  const byElement = new Map<string, CollectionPoint[]>();
  for (const point of facts.collectionPoints) {
    for (const id of point.elementIds) {
      const list = byElement.get(id);
      if (list) list.push(point);
      else byElement.set(id, [point]);
    }
  }
  const erasers = erasersOf(facts.functionTags);
  const memo = new Map<string, unknown>();
  let containers: Map<string, DataContainer> | undefined;
  return {
    elements: facts.elements,
    containers: facts.containers,
    erasers,
    isRead: (field) => facts.reads.has(field),
    collectionPointsOf: (elementId) => byElement.get(elementId) ?? [],
    containerOf(element) {
      containers ??= new Map(facts.containers.map((c) => [`${c.file}\u0000${c.name}`, c]));
      return containers.get(`${element.file}\u0000${element.container}`);
    },
    cached<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

/** A view with nothing in it, for code that analyses a file on its own. */
export const EMPTY_WORKSPACE_VIEW: WorkspaceView = createWorkspaceView({ elements: [], containers: [], reads: new Set(), functionTags: [], collectionPoints: [] });
