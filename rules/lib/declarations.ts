// Questions several rules ask about declarations: which manifest entries are the default for an
// element's categories, what a retention resolves to, whether an element is in scope at all.
import type { DataElement, ResolvedManifest, Taxonomy } from '../api';
import { parseRetention, type RetentionExpression } from '../declarations/retention';

/** Ids whose `defaultFor` covers the element's first category or one of its parents. */
export function defaultsFor(entries: Readonly<Record<string, { readonly defaultFor?: readonly string[] }>>, element: DataElement, taxonomy: Taxonomy): string[] {
  const primary = element.classification.categories[0];
  if (primary === undefined) return [];
  const lineage = taxonomy.lineage(primary);
  for (const key of lineage) {
    const ids = Object.entries(entries)
      .filter(([, entry]) => (entry.defaultFor ?? []).includes(key))
      .map(([id]) => id);
    if (ids.length > 0) return ids.sort();
  }
  return [];
}

/**
 * Personal data that the declaration rules look at: personal, not declared @notPersonal, and not a
 * transient shape (a function parameter's inline type is not where data is collected or kept).
 */
export function needsDeclarations(element: DataElement): boolean {
  return element.classification.personal && element.role !== 'transient' && element.declared.notPersonal === undefined;
}

/** A retention expression with policy:<id> followed through the manifest (at most a few hops). */
export function resolveRetention(value: string, manifest: ResolvedManifest): RetentionExpression | undefined {
  let current = value;
  for (let hop = 0; hop < 5; hop++) {
    const parsed = parseRetention(current);
    if (!parsed.ok) return undefined;
    if (parsed.expression.kind !== 'policy') return parsed.expression;
    const policy = manifest.retentionPolicies[parsed.expression.policy];
    if (!policy) return undefined;
    current = policy.retention;
  }
  return undefined;
}

/** The closest of `known` to `value` when it is close enough to be a typo. */
export function closest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
