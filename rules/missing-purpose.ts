// missing-purpose: personal data must say why it is collected (@purpose). Offers one fix per
// purpose in the manifest; the category's default purpose is a safe fix.
import type { FixProposal } from './api';
import { defineRule } from './define-rule';
import { addTagEdit } from './lib/doc-edits';
import { defaultsFor, needsDeclarations } from './lib/declarations';
import { MissingByContainer, typeLevelProposal } from './lib/type-level';

export default defineRule({
  meta: {
    id: 'missing-purpose',
    summary: 'Require a declared purpose for every field that holds personal data.',
    defaultSeverity: 'warning',
    group: 'declaration',
    fixable: 'safe',
    messages: {
      missingPurpose: '{{element}} holds personal data ({{category}}) but declares no @purpose; say why it is collected.',
      missingPurposeCollected: '{{element}} holds personal data ({{category}}) collected by {{collectionPoint}} but declares no @purpose; say why it is collected.',
    },
  },
  create(context) {
    const missing = new MissingByContainer();
    const purposes = Object.keys(context.manifest.purposes).sort();
    return {
      container: (container) => missing.container(container),
      element(element) {
        if (needsDeclarations(element) && element.declared.purposes.length === 0) missing.add(element);
      },
      fileEnd() {
        for (const { element, container } of missing.entries()) {
          const defaults = defaultsFor(context.manifest.purposes, element, context.taxonomy);
          const proposal = (id: string): FixProposal => ({ title: `Declare purpose: ${id}`, edits: [addTagEdit(context.file.text, element.doc, 'purpose', id)] });
          const only = defaults.length === 1 ? defaults[0] : undefined;
          const typeLevel = container ? purposes.map((id) => typeLevelProposal(context.file.text, container, 'purpose', id, `Declare purpose ${id}`)) : [];
          const point = context.workspace.collectionPointsOf(element.id)[0];
          context.report({
            at: element.nameRange,
            element,
            messageId: point ? 'missingPurposeCollected' : 'missingPurpose',
            data: {
              element: element.id,
              category: element.classification.categories.join(', '),
              ...(point ? { collectionPoint: `${point.method ? `${point.method} ` : ''}${point.handler} (${point.file}:${point.line})` } : {}),
            },
            ...(only !== undefined ? { fix: proposal(only) } : {}),
            suggestions: [...purposes.filter((id) => id !== only).map(proposal), ...typeLevel],
          });
        }
      },
    };
  },
});
