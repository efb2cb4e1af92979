// personal-data-in-log: personal data must not reach a logger (console, pino, winston, bunyan, debug,
// the NestJS Logger, a `logger` by name, Datadog logs). Offers the manifest's redaction helper.
// Record ids alone are not reported: logging an id instead of the data is the fix.
import { defineRule } from './define-rule';
import { categoriesOf, describeValue, FlowGroups, pathOf, redactSuggestion } from './lib/flows';

export default defineRule({
  meta: {
    id: 'personal-data-in-log',
    summary: 'Disallow personal data in log messages.',
    defaultSeverity: 'warning',
    group: 'flows',
    fixable: 'suggestion',
    messages: {
      personalDataInLog: '{{value}} ({{category}}) is written to {{sink}} by {{callee}}: {{path}}. Logs are copied, kept and read widely; log an id or redact the value.',
    },
  },
  create(context) {
    const groups = new FlowGroups();
    return {
      flow(flow) {
        // A record id is what a log should carry instead of the data (and what the message recommends).
        if (flow.sink.kind === 'log' && flow.categories.some((c) => c !== 'identifier.internal_id')) groups.add(flow);
      },
      fileEnd() {
        for (const group of groups.entries()) {
          const { first } = group;
          const redact = redactSuggestion(context, first);
          context.report({
            at: first.range,
            ...(first.element ? { element: first.element } : {}),
            messageId: 'personalDataInLog',
            data: { value: describeValue(group), category: categoriesOf(group), sink: first.sink.label, callee: first.sink.callee, path: pathOf(group) },
            suggestions: redact ? [redact] : [],
          });
        }
      },
    };
  },
});
