// invalid-retention: a @retention must follow the retention grammar and refer only to events and
// policies the manifest knows. A duration written in lower case is fixed safely.
import type { FixProposal } from './api';
import { parseRetention } from './declarations/retention';
import { defineRule } from './define-rule';
import { closest } from './lib/declarations';
import { replaceValueEdit } from './lib/doc-edits';

export default defineRule({
  meta: {
    id: 'invalid-retention',
    summary: 'Require @retention values that follow the retention grammar and name known events and policies.',
    defaultSeverity: 'error',
    group: 'declaration',
    fixable: 'safe',
    messages: {
      invalidExpression: 'This @retention {{problem}}.',
      unknownEvent: 'This @retention counts from "{{event}}", an event the manifest does not declare{{hint}}; add it under "events" or use a known event.',
      unknownPolicy: 'This @retention names the policy "{{policy}}", which the manifest does not declare{{hint}}.',
    },
  },
  create(context) {
    const { manifest } = context;
    const events = Object.keys(manifest.events).sort();
    const policies = Object.keys(manifest.retentionPolicies).sort();
    return {
      tag(tag) {
        if (tag.name !== 'retention' || tag.owner.kind === 'function') return;
        const parsed = parseRetention(tag.value);
        if (!parsed.ok) {
          // p2y → P2Y: the only problem is case, so the fix cannot change the meaning.
          const words = tag.value.trim().split(/\s+/);
          const upper = (words[0] ?? '').toUpperCase();
          const fixed = [upper, ...words.slice(1)].join(' ');
          const fix: FixProposal | undefined = upper !== words[0] && parseRetention(fixed).ok ? { title: `Write the duration as ${upper}`, edits: [replaceValueEdit(tag.valueRange, fixed)] } : undefined;
          context.report({ at: tag.value ? tag.valueRange : tag.range, messageId: 'invalidExpression', data: { problem: parsed.problem }, ...(fix ? { fix } : {}) });
          return;
        }
        const expression = parsed.expression;
        if (expression.kind === 'duration' && expression.after !== undefined && !manifest.events[expression.after]) {
          const near = closest(expression.after, events);
          const at = tag.value.lastIndexOf(expression.after);
          const range = { start: tag.valueRange.start + at, end: tag.valueRange.start + at + expression.after.length };
          context.report({
            at: range,
            messageId: 'unknownEvent',
            data: { event: expression.after, hint: near !== undefined ? ` (did you mean "${near}"?)` : '' },
            suggestions: near !== undefined ? [{ title: `Count from ${near}`, edits: [replaceValueEdit(range, near)] }] : [],
          });
        }
        if (expression.kind === 'policy' && !manifest.retentionPolicies[expression.policy]) {
          const near = closest(expression.policy, policies);
          context.report({
            at: tag.valueRange,
            messageId: 'unknownPolicy',
            data: { policy: expression.policy, hint: near !== undefined ? ` (did you mean "${near}"?)` : '' },
            suggestions: near !== undefined ? [{ title: `Use policy:${near}`, edits: [replaceValueEdit(tag.valueRange, `policy:${near}`)] }] : [],
          });
        }
      },
    };
  },
});
