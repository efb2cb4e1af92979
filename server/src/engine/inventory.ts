// Summarises the personal-data inventory of a scan: fields per category and how many of them
// declare a purpose and a retention (the coverage reviewers track).
import type { DataElement } from '../../../rules/api';

export interface CategoryCoverage {
  readonly category: string;
  readonly fields: number;
  readonly withPurpose: number;
  readonly withRetention: number;
}

export interface InventorySummary {
  readonly personalFields: number;
  readonly files: number;
  readonly withPurpose: number;
  readonly withRetention: number;
  readonly byCategory: readonly CategoryCoverage[];
}

export function summariseInventory(elements: readonly DataElement[]): InventorySummary {
  const personal = elements.filter((e) => e.classification.personal);
  const byCategory = new Map<string, { fields: number; withPurpose: number; withRetention: number }>();
  for (const element of personal) {
    const category = element.classification.categories[0] ?? 'other';
    const entry = byCategory.get(category) ?? { fields: 0, withPurpose: 0, withRetention: 0 };
    entry.fields++;
    if (element.declared.purposes.length > 0) entry.withPurpose++;
    if (element.declared.retention) entry.withRetention++;
    byCategory.set(category, entry);
  }
  return {
    personalFields: personal.length,
    files: new Set(personal.map((e) => e.file)).size,
    withPurpose: personal.filter((e) => e.declared.purposes.length > 0).length,
    withRetention: personal.filter((e) => e.declared.retention !== undefined).length,
    byCategory: [...byCategory.entries()]
      .map(([category, counts]) => ({ category, ...counts }))
      .sort((a, b) => b.fields - a.fields || (a.category < b.category ? -1 : 1)),
  };
}
