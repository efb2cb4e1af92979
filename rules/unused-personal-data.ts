// unused-personal-data: personal data that is stored but never read anywhere in the workspace is
// collected without need (data minimisation). Reads are matched by field name, so a read of any
// field with that name counts: the rule errs towards silence.
import { defineRule } from './define-rule';
import { needsDeclarations } from './lib/declarations';
import { PRIMARY_KEY_NAMES } from './taxonomy/vocabulary';

export default defineRule({
  meta: {
    id: 'unused-personal-data',
    summary: 'Report stored personal data that no code in the workspace reads.',
    defaultSeverity: 'info',
    group: 'minimisation',
    messages: {
      unused: '{{element}} ({{category}}) is stored but nothing in the workspace reads it; if nothing needs it, stop collecting it.',
    },
  },
  create(context) {
    return {
      element(element) {
        // The record's own key is used by the database itself (relations, lookups).
        if (element.role !== 'stored' || !needsDeclarations(element) || PRIMARY_KEY_NAMES.has(element.field)) return;
        if (context.workspace.isRead(element.field)) return;
        context.report({ at: element.nameRange, element, messageId: 'unused', data: { element: element.id, category: element.classification.categories[0] ?? 'other' } });
      },
    };
  },
});
