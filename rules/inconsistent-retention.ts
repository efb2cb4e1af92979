// inconsistent-retention: one person's data of one category must be disposed of consistently
// everywhere it is stored (a social-profile copy kept after the account is deleted is the classic
// failure), and a retention policy must not outlive the policies it declares mustNotOutlive.
import type { DataElement, RuleContext } from './api';
import { defineRule } from './define-rule';
import { needsDeclarations } from './lib/declarations';
import { compareRetention, describeRetention } from './lib/retention-order';
import { subjectOf } from './lib/subjects';

interface Kept {
  readonly element: DataElement;
  readonly subject: string;
  readonly category: string;
  readonly retention: string;
}

/** Stored personal fields with a declared retention, by subject and category, for the whole workspace. */
function keptBySubject(context: RuleContext<string>): Map<string, Kept[]> {
  return context.workspace.cached('inconsistent-retention/groups', () => {
    const groups = new Map<string, Kept[]>();
    for (const element of context.workspace.elements) {
      const retention = element.declared.retention?.value;
      const category = element.classification.categories[0];
      if (element.role !== 'stored' || !retention || !category || !needsDeclarations(element)) continue;
      const subject = subjectOf(element, context.workspace.containerOf(element));
      if (!subject) continue;
      const key = `${subject}\u0000${category}`;
      const list = groups.get(key);
      const kept = { element, subject, category, retention };
      if (list) list.push(kept);
      else groups.set(key, [kept]);
    }
    return groups;
  });
}

export default defineRule({
  meta: {
    id: 'inconsistent-retention',
    summary: 'Require the same retention for one subject’s data of one category wherever it is stored, and policies that do not outlive what they must not.',
    defaultSeverity: 'warning',
    group: 'consistency',
    messages: {
      outlivesCopy: '{{element}} keeps {{subject}} data of {{category}} for {{retention}}, longer than {{other}} keeps the same data ({{otherRetention}}); when one copy is deleted the other survives.',
      outlivesPolicy: '{{element}} is kept under {{retention}}, which outlives {{other}} that the manifest says it must not outlive.',
    },
  },
  create(context) {
    const { manifest } = context;
    return {
      element(element) {
        const retention = element.declared.retention;
        if (!retention || element.role !== 'stored' || !needsDeclarations(element)) return;
        const at = retention.inherited ? element.nameRange : retention.tag.valueRange;
        const policy = /^policy:(.+)$/i.exec(retention.value.trim())?.[1];
        for (const other of policy ? (manifest.retentionPolicies[policy]?.mustNotOutlive ?? []) : []) {
          if (!manifest.retentionPolicies[other]) continue;
          if ((compareRetention(`policy:${policy}`, `policy:${other}`, manifest) ?? 0) > 0) {
            context.report({ at, element, messageId: 'outlivesPolicy', data: { element: element.id, retention: describeRetention(retention.value, manifest), other: describeRetention(`policy:${other}`, manifest) } });
          }
        }
        const subject = subjectOf(element, context.workspace.containerOf(element));
        const category = element.classification.categories[0];
        if (!subject || !category) return;
        let shortest: Kept | undefined;
        for (const kept of keptBySubject(context).get(`${subject}\u0000${category}`) ?? []) {
          if (kept.element.file === element.file && kept.element.container === element.container) continue;
          if ((compareRetention(retention.value, kept.retention, manifest) ?? 0) <= 0) continue;
          if (!shortest || (compareRetention(kept.retention, shortest.retention, manifest) ?? 0) < 0) shortest = kept;
        }
        if (!shortest) return;
        context.report({
          at,
          element,
          messageId: 'outlivesCopy',
          data: { element: element.id, subject, category, retention: describeRetention(retention.value, manifest), other: shortest.element.id, otherRetention: describeRetention(shortest.retention, manifest) },
        });
      },
    };
  },
});
