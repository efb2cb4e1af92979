// unknown-purpose: a @purpose must name a purpose the manifest declares, so that every purpose has
// a label, a lawful basis and an owner. Offers the closest known purpose and adding it to the manifest.
import type { FixProposal } from './api';
import { defineRule } from './define-rule';
import { closest } from './lib/declarations';
import { listEntries, replaceValueEdit } from './lib/doc-edits';
import { addManifestEntry } from './lib/manifest-edits';

export default defineRule({
  meta: {
    id: 'unknown-purpose',
    summary: 'Disallow @purpose ids that the manifest does not declare.',
    defaultSeverity: 'error',
    group: 'declaration',
    fixable: 'suggestion',
    messages: {
      unknownPurpose: 'Purpose "{{purpose}}" is not declared in {{manifest}}{{hint}}; declare it there or use a declared purpose.',
      unknownStarterPurpose: 'Purpose "{{purpose}}" is not one of the built-in starter purposes{{hint}}; create privacy.manifest.json to declare your own.',
    },
  },
  create(context) {
    const { manifest } = context;
    const known = Object.keys(manifest.purposes).sort();
    return {
      tag(tag) {
        if (tag.name !== 'purpose') return;
        for (const entry of listEntries(tag.value, tag.valueRange)) {
          if (manifest.purposes[entry.value]) continue;
          const near = closest(entry.value, known);
          const suggestions: FixProposal[] = [];
          if (near !== undefined) suggestions.push({ title: `Change to declared purpose: ${near}`, edits: [replaceValueEdit(entry.range, near)] });
          const added = addManifestEntry(manifest, 'purposes', entry.value, { label: entry.value, bases: [] });
          if (added) suggestions.push({ title: `Add purpose ${entry.value} to ${manifest.path}`, edits: added });
          context.report({
            at: entry.range,
            messageId: manifest.present ? 'unknownPurpose' : 'unknownStarterPurpose',
            data: { purpose: entry.value, manifest: manifest.path ?? 'privacy.manifest.json', hint: near !== undefined ? ` (did you mean "${near}"?)` : '' },
            suggestions,
          });
        }
      },
    };
  },
});
