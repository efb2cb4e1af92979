// The Taxonomy: built-in categories plus the manifest's additions and overrides, with the
// questions rules ask of a category (is it special? what is its parent?).
import type { CategoryKey, Taxonomy } from '../api';
import type { CategoryOverride } from '../manifest/types';
import { BUILT_IN_CATEGORIES, type CategoryInfo } from './categories';

export { BUILT_IN_CATEGORIES, type CategoryInfo } from './categories';

/** `contact.email` → [`contact.email`, `contact`]. */
export function lineageOf(key: CategoryKey): CategoryKey[] {
  const parts = key.split('.');
  const lineage: CategoryKey[] = [];
  for (let i = parts.length; i > 0; i--) lineage.push(parts.slice(0, i).join('.'));
  return lineage;
}

/** Builds the taxonomy for a workspace; manifest entries add categories or override labels and legal class. */
export function createTaxonomy(overrides: Readonly<Record<string, CategoryOverride>> = {}): Taxonomy {
  const byKey = new Map<CategoryKey, CategoryInfo>(BUILT_IN_CATEGORIES.map((c) => [c.key, c]));
  for (const [key, override] of Object.entries(overrides)) {
    const base = byKey.get(key) ?? byKey.get(lineageOf(key)[1] ?? '');
    byKey.set(key, {
      key,
      label: override.label ?? byKey.get(key)?.label ?? key,
      description: override.description ?? byKey.get(key)?.description ?? '',
      legal: override.legal ?? base?.legal ?? 'ordinary',
      fideslang: byKey.get(key)?.fideslang ?? base?.fideslang ?? 'user',
      dpv: byKey.get(key)?.dpv ?? base?.dpv ?? 'pd:PersonalData',
    });
  }
  const legalOf = (key: CategoryKey): CategoryInfo['legal'] => {
    for (const k of lineageOf(key)) {
      const info = byKey.get(k);
      if (info) return info.legal;
    }
    return 'ordinary';
  };
  return {
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    isSpecial: (key) => legalOf(key) === 'special',
    isCriminal: (key) => legalOf(key) === 'criminal',
    lineage: (key) => lineageOf(key),
    all: () => [...byKey.values()],
  };
}
