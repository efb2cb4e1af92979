// purpose-mismatch: a function declared for a purpose (@purpose on the function) may read only
// personal data collected for that purpose. Offers to add the purpose to the field (same file).
import type { FixProposal, PurposeRead, RuleContext } from './api';
import { defineRule } from './define-rule';
import { addTagEdit, replaceValueEdit } from './lib/doc-edits';

/** Adds a purpose to the field's own @purpose tag, or writes one that keeps the inherited purposes. */
function addPurposeFix(context: RuleContext<string>, read: PurposeRead, purpose: string): FixProposal | undefined {
  const { element } = read;
  if (element.file !== context.file.path) return undefined;
  const declared = element.declared.purposes;
  const values = [...new Set([...declared.map((p) => p.value), purpose])].join(', ');
  const own = declared.find((p) => !p.inherited);
  const edit = own ? replaceValueEdit(own.tag.valueRange, values) : addTagEdit(context.file.text, element.doc, 'purpose', values);
  return { title: `Declare ${element.id} for ${purpose} too`, edits: [edit] };
}

export default defineRule({
  meta: {
    id: 'purpose-mismatch',
    summary: 'Disallow functions declared for one purpose reading personal data collected for others.',
    defaultSeverity: 'warning',
    group: 'flows',
    fixable: 'suggestion',
    messages: {
      purposeMismatch: '{{function}} is declared for {{purposes}} but reads {{element}} ({{category}}), which is collected for {{declared}} only; use data collected for this purpose, or declare the purpose on the field.',
    },
  },
  create(context) {
    return {
      purposeRead(read) {
        const declared = read.element.declared.purposes.map((p) => p.value);
        if (declared.length === 0 || read.element.declared.notPersonal) return;
        if (read.purposes.some((p) => declared.includes(p))) return;
        const suggestions = read.purposes.map((p) => addPurposeFix(context, read, p)).filter((f): f is FixProposal => f !== undefined);
        context.report({
          at: read.range,
          element: read.element,
          messageId: 'purposeMismatch',
          data: { function: read.function, purposes: read.purposes.join(', '), element: read.element.id, category: read.element.classification.categories[0] ?? 'other', declared: declared.join(', ') },
          suggestions,
        });
      },
    };
  },
});
