// public-data-without-basis: publicly available data about a person (a social profile, anything
// declared @source public) is still personal data and needs a declared lawful basis.
import type { FixProposal } from './api';
import { isArt6Basis } from './declarations/bases';
import { defineRule } from './define-rule';
import { addTagEdit } from './lib/doc-edits';
import { needsDeclarations } from './lib/declarations';

export default defineRule({
  meta: {
    id: 'public-data-without-basis',
    summary: 'Require a lawful basis for publicly available personal data such as social profiles.',
    defaultSeverity: 'warning',
    group: 'declaration',
    fixable: 'suggestion',
    messages: {
      publicWithoutBasis: '{{element}} holds publicly available personal data ({{why}}); public data is still personal data, so declare the @basis for collecting it.',
    },
  },
  create(context) {
    return {
      element(element) {
        if (!needsDeclarations(element) || element.declared.basis) return;
        const declaredPublic = element.declared.source?.value === 'public';
        const social = element.classification.categories.some((c) => context.taxonomy.lineage(c).includes('social'));
        if (!declaredPublic && !social) return;
        const fromPurposes = element.declared.purposes.flatMap((p) => context.manifest.purposes[p.value]?.bases ?? []).filter(isArt6Basis);
        const choices = [...new Set([...fromPurposes, 'legitimate-interests', 'consent'])].slice(0, 3);
        const suggestions: FixProposal[] = choices.map((basis) => ({ title: `Declare basis: ${basis}`, edits: [addTagEdit(context.file.text, element.doc, 'basis', basis)] }));
        context.report({
          at: element.nameRange,
          element,
          messageId: 'publicWithoutBasis',
          data: { element: element.id, why: declaredPublic ? 'declared @source public' : 'a social profile' },
          suggestions,
        });
      },
    };
  },
});
