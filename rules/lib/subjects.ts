// Whose data a record holds, for the consistency rules: the @subject declared on the type (or on
// its fields), else the person the record's name is about (Customer → customer, UserEntity → user).
import type { DataContainer, DataElement } from '../api';
import { splitWords } from '../taxonomy/words';

/** Suffixes that name the storage technique rather than the data (CustomerEntity, userSchema). */
const STORAGE_SUFFIXES = new Set(['entity', 'model', 'schema', 'document', 'doc', 'record', 'row', 'table', 'dto']);

/** The words of a record name without its storage suffix: `CustomerEntity` → [customer]. */
export function recordWords(name: string): string[] {
  const words = splitWords(name.split('.')[0] ?? name);
  while (words.length > 1 && STORAGE_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words;
}

/** The declared subject of a container, from its own @subject tag. */
export function declaredSubject(container: DataContainer): string | undefined {
  return container.tags.find((t) => t.name === 'subject')?.value.trim() || undefined;
}

/** The subject of an element: declared, else the person its record is named after (only for person records). */
export function subjectOf(element: DataElement, container: DataContainer | undefined): string | undefined {
  const declared = element.declared.subject?.value.trim();
  if (declared) return declared.toLowerCase();
  if (container?.context !== 'person') return undefined;
  return recordWords(container.name).join('-') || undefined;
}

/** Whether a name written after @erases means this container (its name, its name without suffix, or its subject). */
export function erasesNames(target: string, container: DataContainer): boolean {
  const wanted = target.trim().toLowerCase();
  if (wanted === container.name.toLowerCase()) return true;
  if (wanted === recordWords(container.name).join('')) return true;
  const subject = declaredSubject(container)?.toLowerCase();
  return subject !== undefined && wanted === subject;
}
