// missing-retention: personal data must say how long it is kept (@retention). Offers one fix per
// retention policy and the category's limit; the category's default policy is a safe fix.
import type { DataContainer, DataElement, FixProposal } from './api';
import { defineRule } from './define-rule';
import { addTagEdit } from './lib/doc-edits';
import { defaultsFor, needsDeclarations } from './lib/declarations';
import { MissingByContainer, typeLevelProposal } from './lib/type-level';

export default defineRule({
  meta: {
    id: 'missing-retention',
    summary: 'Require a declared retention for every field that holds personal data.',
    defaultSeverity: 'warning',
    group: 'declaration',
    fixable: 'safe',
    messages: {
      missingRetention: '{{element}} holds personal data ({{category}}) but declares no @retention; say how long it is kept.',
    },
  },
  create(context) {
    const missing = new MissingByContainer();
    const report = (element: DataElement, container: DataContainer | undefined): void => {
      const { manifest, taxonomy } = context;
      const policies = Object.keys(manifest.retentionPolicies).sort();
      const defaults = defaultsFor(manifest.retentionPolicies, element, taxonomy);
      const proposal = (value: string, title: string): FixProposal => ({ title, edits: [addTagEdit(context.file.text, element.doc, 'retention', value)] });
      const only = defaults.length === 1 ? defaults[0] : undefined;
      const suggestions = policies.filter((id) => id !== only).map((id) => proposal(`policy:${id}`, `Declare retention: policy:${id}`));
      // The category's limit is a sensible choice when no policy fits.
      for (const key of taxonomy.lineage(element.classification.categories[0] ?? 'other')) {
        const limit = manifest.categories[key]?.maxRetention;
        if (limit) {
          suggestions.push(proposal(limit, `Declare retention: ${limit} (the limit for ${key})`));
          break;
        }
      }
      if (container) {
        for (const id of policies) suggestions.push(typeLevelProposal(context.file.text, container, 'retention', `policy:${id}`, `Declare retention policy:${id}`));
      }
      context.report({
        at: element.nameRange,
        element,
        messageId: 'missingRetention',
        data: { element: element.id, category: element.classification.categories.join(', ') },
        ...(only !== undefined ? { fix: proposal(`policy:${only}`, `Declare retention: policy:${only}`) } : {}),
        suggestions,
      });
    };
    return {
      container: (container) => missing.container(container),
      element(element) {
        if (needsDeclarations(element) && !element.declared.retention) missing.add(element);
      },
      fileEnd() {
        for (const { element, container } of missing.entries()) report(element, container);
      },
    };
  },
});
