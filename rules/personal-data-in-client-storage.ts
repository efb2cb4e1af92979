// personal-data-in-client-storage: personal data must not be written to the browser's storage
// (localStorage, sessionStorage, document.cookie, cookie libraries), where any script can read it.
// A record id alone is not reported: it is what the message recommends keeping there.
import { defineRule } from './define-rule';
import { carriesMoreThanIds, FlowGroups, reportGroups } from './lib/flows';

export default defineRule({
  meta: {
    id: 'personal-data-in-client-storage',
    summary: 'Disallow personal data in browser storage and cookies.',
    defaultSeverity: 'warning',
    group: 'flows',
    messages: {
      personalDataInClientStorage: '{{value}} ({{category}}) is stored in {{sink}} by {{callee}}: {{path}}. Any script on the page can read browser storage and it outlives the session; keep an id there, or keep the data on the server.',
    },
  },
  create(context) {
    const groups = new FlowGroups();
    return {
      flow(flow) {
        // A record id is what belongs there (and what the message recommends).
        if (flow.sink.kind === 'client-storage' && carriesMoreThanIds(flow)) groups.add(flow);
      },
      fileEnd() {
        reportGroups(context, groups, 'personalDataInClientStorage');
      },
    };
  },
});
