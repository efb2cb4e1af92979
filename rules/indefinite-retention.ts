// indefinite-retention: keeping personal data without an end is allowed only with a stated reason,
// and is always worth a warning so that the reason is reviewed.
import { parseRetention } from './declarations/retention';
import { defineRule } from './define-rule';
import { resolveRetention } from './lib/declarations';

export default defineRule({
  meta: {
    id: 'indefinite-retention',
    summary: 'Warn about personal data kept indefinitely.',
    defaultSeverity: 'warning',
    group: 'declaration',
    messages: {
      indefinite: 'This @retention keeps data indefinitely; set a period or an event after which it is deleted, or have the stated reason reviewed.',
      indefinitePolicy: 'Policy "{{policy}}" keeps data indefinitely; set a period or an event after which it is deleted, or have the stated reason reviewed.',
    },
  },
  create(context) {
    return {
      tag(tag) {
        if (tag.name !== 'retention' || tag.owner.kind === 'function') return;
        const parsed = parseRetention(tag.value);
        if (!parsed.ok) return;
        if (parsed.expression.kind === 'indefinite') {
          context.report({ at: tag.range, messageId: 'indefinite' });
        } else if (parsed.expression.kind === 'policy' && resolveRetention(tag.value, context.manifest)?.kind === 'indefinite') {
          context.report({ at: tag.range, messageId: 'indefinitePolicy', data: { policy: parsed.expression.policy } });
        }
      },
    };
  },
});
