// personal-data-in-url: personal data must not be put into URLs or query strings (fetch and axios
// URLs, new URL, searchParams, router.push, redirects, location), which end up in logs and history.
// Internal record ids in paths (/customers/:id) are how REST works and are not reported.
import { defineRule } from './define-rule';
import { carriesMoreThanIds, FlowGroups, reportGroups } from './lib/flows';

export default defineRule({
  meta: {
    id: 'personal-data-in-url',
    summary: 'Disallow personal data in URLs and query strings.',
    defaultSeverity: 'warning',
    group: 'flows',
    messages: {
      personalDataInUrl: '{{value}} ({{category}}) is put into {{sink}} by {{callee}}: {{path}}. URLs end up in server logs, browser history and Referer headers; send it in a request body instead.',
    },
  },
  create(context) {
    const groups = new FlowGroups();
    return {
      flow(flow) {
        if (flow.sink.kind === 'url' && carriesMoreThanIds(flow)) groups.add(flow);
      },
      fileEnd() {
        reportGroups(context, groups, 'personalDataInUrl');
      },
    };
  },
});
