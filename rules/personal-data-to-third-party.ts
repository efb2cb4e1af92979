// personal-data-to-third-party: personal data may go to a third party (analytics, ads, error
// trackers, LLM APIs, email and SMS providers, external hosts) only when the manifest declares that
// recipient, and only for purposes the recipient is allowed. Fixes edit the manifest's recipients.
import type { DataFlow, FixProposal } from './api';
import { defineRule } from './define-rule';
import { SinkCatalogue } from './flows/catalogue';
import { categoriesOf, describeValue, type FlowGroup, FlowGroups, pathOf } from './lib/flows';
import { addManifestEntry, setManifestValue } from './lib/manifest-edits';

/** The purposes a flow serves: the sending function's, else the field's declared purposes. */
function purposesOf(flow: DataFlow): string[] {
  if (flow.enclosing && flow.enclosing.purposes.length > 0) return [...flow.enclosing.purposes];
  return flow.element ? flow.element.declared.purposes.map((p) => p.value) : [];
}

/** A manifest id for a recipient the catalogue does not name (an external host). */
function recipientIdFor(flow: DataFlow): string {
  if (flow.sink.recipient !== 'external-host') return flow.sink.recipient;
  const host = (flow.sink.host ?? 'external').replace(/^(www|api)\./, '').split('.').slice(0, -1).join('-');
  return /^[a-z][a-z0-9-]*$/.test(host) ? host : 'external-service';
}

export default defineRule({
  meta: {
    id: 'personal-data-to-third-party',
    summary: 'Require that personal data sent to a third party goes to a declared recipient allowed for its purposes.',
    defaultSeverity: 'warning',
    group: 'flows',
    fixable: 'suggestion',
    messages: {
      undeclaredRecipient: '{{value}} ({{category}}) is sent to {{recipient}} by {{callee}}, a recipient the manifest does not declare: {{path}}. Declare it under recipients, with the purposes it may receive data for.',
      purposeNotAllowed: '{{value}} ({{category}}) is sent to {{recipient}} by {{callee}} for {{purposes}}, but the manifest allows {{recipient}} only {{allowed}}: {{path}}.',
    },
  },
  create(context) {
    const catalogue = new SinkCatalogue(context.manifest.recipients);
    const groups = new FlowGroups();

    const declareSuggestion = (group: FlowGroup): FixProposal | undefined => {
      const { first } = group;
      const id = recipientIdFor(first);
      const purposes = [...new Set(group.flows.flatMap(purposesOf))].sort();
      const entry: Record<string, unknown> = {
        label: first.sink.recipient === 'external-host' ? id : first.sink.label,
        ...(first.sink.module ? { modules: [first.sink.module] } : {}),
        ...(first.sink.host ? { hosts: [first.sink.host] } : {}),
        ...(purposes.length > 0 ? { purposes } : {}),
      };
      const edits = addManifestEntry(context.manifest, 'recipients', id, entry);
      const title = first.sink.recipient === 'external-host' ? 'Declare this host as a recipient in privacy.manifest.json' : `Declare ${first.sink.label} as a recipient in privacy.manifest.json`;
      return edits ? { title, edits } : undefined;
    };

    return {
      flow(flow) {
        if (flow.sink.thirdParty && flow.sink.kind !== 'log') groups.add(flow);
      },
      fileEnd() {
        for (const group of groups.entries()) {
          const { first } = group;
          const data = { value: describeValue(group), category: categoriesOf(group), recipient: first.sink.label, callee: first.sink.callee, path: pathOf(group) };
          const element = first.element ? { element: first.element } : {};
          const declared = catalogue.declaredRecipient(first.sink.recipient, first.sink.module);
          if (!declared) {
            const fix = declareSuggestion(group);
            context.report({ at: first.range, ...element, messageId: 'undeclaredRecipient', data, suggestions: fix ? [fix] : [] });
            continue;
          }
          const allowed = declared.definition.purposes;
          if (!allowed) continue; // declared without a purpose restriction
          const purposes = [...new Set(group.flows.flatMap(purposesOf))];
          const missing = purposes.filter((p) => !allowed.includes(p));
          if (purposes.length > 0 && missing.length < purposes.length) continue; // serves at least one allowed purpose
          const suggestions = missing.flatMap((purpose): FixProposal[] => {
            const edits = setManifestValue(context.manifest, ['recipients', declared.id, 'purposes'], [...allowed, purpose]);
            return edits ? [{ title: `Allow ${declared.id} to receive data for ${purpose}`, edits }] : [];
          });
          context.report({
            at: first.range,
            ...element,
            messageId: 'purposeNotAllowed',
            data: { ...data, purposes: purposes.length > 0 ? purposes.join(', ') : 'no declared purpose', allowed: allowed.length > 0 ? `for ${allowed.join(', ')}` : 'for no purpose' },
            suggestions,
          });
        }
      },
    };
  },
});
