// retention-exceeds-limit: a field may not be kept longer than the manifest allows for its
// category (categories.<key>.maxRetention). Durations counted from an event compare their length.
import type { DataElement, RuleContext } from './api';
import { durationInDays, parseIsoDuration } from './declarations/retention';
import { defineRule } from './define-rule';
import { addTagEdit, replaceValueEdit } from './lib/doc-edits';
import { needsDeclarations, resolveRetention } from './lib/declarations';

const DAY_MS = 86_400_000;

/** How long a retention keeps data, in days; Infinity for indefinite. */
function retentionDays(value: string, context: RuleContext<string>): number | undefined {
  const expression = resolveRetention(value, context.manifest);
  if (!expression) return undefined;
  switch (expression.kind) {
    case 'duration':
      return durationInDays(expression.duration);
    case 'until':
      return Math.max(0, (Date.parse(`${expression.date}T00:00:00Z`) - Date.now()) / DAY_MS);
    case 'indefinite':
      return Infinity;
    default:
      return 0;
  }
}

/** "for P2Y", "for P2Y after account.closed", "until 2030-01-01", "indefinitely" (the reason stays out of messages). */
function describeRetention(value: string): string {
  const trimmed = value.trim();
  if (/^indefinite\b/i.test(trimmed)) return 'indefinitely';
  if (/^until\b/i.test(trimmed) || /^policy:/i.test(trimmed)) return trimmed.replace(/^policy:/i, 'under policy ');
  return `for ${trimmed}`;
}

export default defineRule({
  meta: {
    id: 'retention-exceeds-limit',
    summary: 'Disallow retention longer than the manifest allows for the data’s category.',
    defaultSeverity: 'error',
    group: 'declaration',
    fixable: 'suggestion',
    messages: {
      exceeds: '{{element}} is kept {{retention}}, longer than the {{limit}} the manifest allows for {{category}} (categories.{{category}}.maxRetention).',
    },
  },
  create(context) {
    const limitOf = (element: DataElement): { category: string; limit: string; days: number } | undefined => {
      let strictest: { category: string; limit: string; days: number } | undefined;
      for (const category of element.classification.categories) {
        for (const key of context.taxonomy.lineage(category)) {
          const limit = context.manifest.categories[key]?.maxRetention;
          const duration = limit ? parseIsoDuration(limit) : undefined;
          if (!limit || !duration) continue;
          const days = durationInDays(duration);
          if (!strictest || days < strictest.days) strictest = { category: key, limit, days };
          break;
        }
      }
      return strictest;
    };
    return {
      element(element) {
        const retention = element.declared.retention;
        if (!needsDeclarations(element) || !retention) return;
        const limit = limitOf(element);
        if (!limit) return;
        const days = retentionDays(retention.value, context);
        if (days === undefined || days <= limit.days + 1e-9) return;
        const edit = retention.inherited ? addTagEdit(context.file.text, element.doc, 'retention', limit.limit) : replaceValueEdit(retention.tag.valueRange, limit.limit);
        context.report({
          at: retention.inherited ? element.nameRange : retention.tag.valueRange,
          element,
          category: limit.category,
          messageId: 'exceeds',
          data: { element: element.id, retention: describeRetention(retention.value), limit: limit.limit, category: limit.category },
          suggestions: [{ title: `Keep it for ${limit.limit}`, edits: [edit] }],
        });
      },
    };
  },
});
