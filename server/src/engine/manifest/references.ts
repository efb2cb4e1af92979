// Checks what a JSON Schema cannot: that ids a manifest refers to exist (policies, purposes,
// events, categories, rule ids) and that retention expressions follow the grammar.
import { parseRetention } from '../../../../rules/declarations/retention';
import { BUILT_IN_EVENTS } from '../../../../rules/manifest/defaults';
import type { ManifestDocument } from '../../../../rules/manifest/types';
import { createTaxonomy } from '../../../../rules/taxonomy';
import type { JsonPath } from './json-document';

export interface ReferenceProblem {
  readonly message: string;
  readonly path: JsonPath;
  readonly key?: boolean;
}

function suggestion(name: string, known: readonly string[]): string {
  const close = known.filter((k) => k.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()));
  if (close.length > 0) return `; known: ${close.slice(0, 5).join(', ')}`;
  return known.length > 0 ? `; known: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''}` : '';
}

export function checkReferences(doc: ManifestDocument, knownRuleIds: readonly string[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const policies = Object.keys(doc.retentionPolicies ?? {});
  const purposes = Object.keys(doc.purposes ?? {});
  const events = new Set([...Object.keys(BUILT_IN_EVENTS), ...Object.keys(doc.events ?? {})]);
  const taxonomy = createTaxonomy(doc.categories ?? {});

  const checkRetention = (expression: string, path: JsonPath): void => {
    const parsed = parseRetention(expression);
    if (!parsed.ok) {
      problems.push({ message: `retention ${parsed.problem}`, path });
      return;
    }
    const e = parsed.expression;
    if (e.kind === 'duration' && e.after !== undefined && !events.has(e.after)) {
      problems.push({ message: `retention counts from the unknown event "${e.after}"; declare it under "events"${suggestion(e.after, [...events])}`, path });
    }
    if (e.kind === 'policy' && !policies.includes(e.policy)) {
      problems.push({ message: `refers to the unknown retention policy "${e.policy}"${suggestion(e.policy, policies)}`, path });
    }
  };
  const checkCategories = (list: readonly string[] | undefined, path: JsonPath): void => {
    (list ?? []).forEach((category, i) => {
      if (!taxonomy.has(category)) problems.push({ message: `"${category}" is not a known category; add it under "categories" or use a built-in one such as contact.email`, path: [...path, i] });
    });
  };

  for (const [id, policy] of Object.entries(doc.retentionPolicies ?? {})) {
    checkRetention(policy.retention, ['retentionPolicies', id, 'retention']);
    (policy.phases ?? []).forEach((phase, i) => checkRetention(phase.retention, ['retentionPolicies', id, 'phases', i, 'retention']));
    (policy.mustNotOutlive ?? []).forEach((other, i) => {
      if (!policies.includes(other)) problems.push({ message: `mustNotOutlive names the unknown policy "${other}"${suggestion(other, policies)}`, path: ['retentionPolicies', id, 'mustNotOutlive', i] });
      if (other === id) problems.push({ message: 'a policy cannot be required not to outlive itself', path: ['retentionPolicies', id, 'mustNotOutlive', i] });
    });
    checkCategories(policy.defaultFor, ['retentionPolicies', id, 'defaultFor']);
  }
  for (const [id, purpose] of Object.entries(doc.purposes ?? {})) checkCategories(purpose.defaultFor, ['purposes', id, 'defaultFor']);
  for (const [id, recipient] of Object.entries(doc.recipients ?? {})) {
    (recipient.purposes ?? []).forEach((purpose, i) => {
      if (!purposes.includes(purpose)) problems.push({ message: `names the unknown purpose "${purpose}"${suggestion(purpose, purposes)}`, path: ['recipients', id, 'purposes', i] });
    });
  }
  for (const [id, store] of Object.entries(doc.stores ?? {})) {
    if (store.retentionPolicy !== undefined && !policies.includes(store.retentionPolicy)) {
      problems.push({ message: `names the unknown retention policy "${store.retentionPolicy}"${suggestion(store.retentionPolicy, policies)}`, path: ['stores', id, 'retentionPolicy'] });
    }
  }
  for (const [field, category] of Object.entries(doc.vocabulary?.personalFields ?? {})) {
    if (!taxonomy.has(category)) problems.push({ message: `"${category}" is not a known category`, path: ['vocabulary', 'personalFields', field] });
  }
  for (const ruleId of Object.keys(doc.rules ?? {})) {
    if (!knownRuleIds.includes(ruleId)) problems.push({ message: `"${ruleId}" is not a rule of Privacy Steward${suggestion(ruleId, knownRuleIds)}`, path: ['rules', ruleId], key: true });
  }
  return problems;
}
