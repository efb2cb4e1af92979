// Summarises the personal-data inventory of a scan: fields per category and how many of them
// declare a purpose and a retention (the coverage reviewers track).
import type { CollectionPoint, DataElement, DataFlow, SinkKind } from '../../../rules/api';

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

export interface RecipientSummary {
  readonly recipient: string;
  readonly label: string;
  readonly kind: SinkKind;
  /** Personal values sent there (fields, or named values). */
  readonly values: number;
  /** Distinct declared fields sent there. */
  readonly fields: readonly string[];
}

export interface FlowSummary {
  readonly flows: number;
  readonly byKind: Readonly<Partial<Record<SinkKind, number>>>;
  /** Third parties receiving personal data, most flows first. */
  readonly recipients: readonly RecipientSummary[];
  readonly collectionPoints: number;
}

/** Where personal data goes: flows per kind of sink and the third parties that receive it. */
export function summariseFlows(flows: readonly DataFlow[], collectionPoints: readonly CollectionPoint[]): FlowSummary {
  const byKind: Partial<Record<SinkKind, number>> = {};
  const recipients = new Map<string, { label: string; kind: SinkKind; values: number; fields: Set<string> }>();
  for (const flow of flows) {
    byKind[flow.sink.kind] = (byKind[flow.sink.kind] ?? 0) + 1;
    if (!flow.sink.thirdParty) continue;
    const entry = recipients.get(flow.sink.recipient) ?? { label: flow.sink.label, kind: flow.sink.kind, values: 0, fields: new Set<string>() };
    entry.values++;
    if (flow.element) entry.fields.add(flow.element.id);
    recipients.set(flow.sink.recipient, entry);
  }
  return {
    flows: flows.length,
    byKind,
    recipients: [...recipients.entries()]
      .map(([recipient, e]) => ({ recipient, label: e.label, kind: e.kind, values: e.values, fields: [...e.fields].sort() }))
      .sort((a, b) => b.values - a.values || (a.recipient < b.recipient ? -1 : 1)),
    collectionPoints: collectionPoints.length,
  };
}
