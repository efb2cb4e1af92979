// special-category-without-basis: health, biometric, religious and other GDPR Art. 9 data needs an
// Art. 6 basis and an Art. 9(2) condition; criminal-offence data (Art. 10) needs its authorisation.
import type { DataElement, FixProposal } from './api';
import { ART9_CONDITIONS, isArt10Authorisation, isArt6Basis, isArt9Condition } from './declarations/bases';
import { defineRule } from './define-rule';
import { addTagEdit, replaceValueEdit } from './lib/doc-edits';
import { needsDeclarations } from './lib/declarations';

export default defineRule({
  meta: {
    id: 'special-category-without-basis',
    summary: 'Require a lawful basis and an Art. 9 condition (or Art. 10 authorisation) for special-category data.',
    defaultSeverity: 'error',
    group: 'declaration',
    fixable: 'suggestion',
    messages: {
      missingBasis: '{{element}} holds {{category}} data ({{article}}) but declares no @basis; name an Art. 6 basis and {{needed}}.',
      missingCondition: '{{element}} holds {{category}} data ({{article}}) but its @basis has no {{needed}}.',
      missingArt6: '{{element}} holds {{category}} data but its @basis names no Art. 6 lawful basis (consent, contract, …).',
    },
  },
  create(context) {
    const { manifest, taxonomy } = context;
    /** Bases the element's purposes allow, split into Art. 6 bases and Art. 9 / Art. 10 conditions. */
    const purposeBases = (element: DataElement): { art6: string[]; conditions: string[] } => {
      const all = element.declared.purposes.flatMap((p) => manifest.purposes[p.value]?.bases ?? []);
      return { art6: [...new Set(all.filter(isArt6Basis))], conditions: [...new Set(all.filter((b) => isArt9Condition(b) || isArt10Authorisation(b)))] };
    };
    return {
      element(element) {
        if (!needsDeclarations(element)) return;
        const special = element.classification.categories.find((c) => taxonomy.isSpecial(c));
        const criminal = element.classification.categories.find((c) => taxonomy.isCriminal(c));
        const category = special ?? criminal;
        if (category === undefined) return;
        const isCondition = special !== undefined ? isArt9Condition : isArt10Authorisation;
        const article = special !== undefined ? 'GDPR Art. 9' : 'GDPR Art. 10';
        const needed = special !== undefined ? 'an Art. 9(2) condition (art9.*)' : 'an Art. 10 authorisation (art10.*)';
        const basis = element.declared.basis?.value ?? [];
        const hasArt6 = basis.some(isArt6Basis);
        const hasCondition = basis.some(isCondition);
        if (hasArt6 && hasCondition) return;

        const allowed = purposeBases(element);
        const art6Choices = hasArt6 ? basis.filter(isArt6Basis) : allowed.art6.length > 0 ? allowed.art6 : ['consent'];
        const conditionChoices = hasCondition
          ? basis.filter(isCondition)
          : allowed.conditions.filter(isCondition).length > 0
            ? allowed.conditions.filter(isCondition)
            : special !== undefined
              ? [ART9_CONDITIONS[0], ...(category === 'special.health' ? ['art9.health-care'] : [])]
              : ['art10.authorised-by-law'];
        const suggestions: FixProposal[] = [];
        for (const art6 of art6Choices.slice(0, 2)) {
          for (const condition of conditionChoices.slice(0, 3)) {
            const value = `${art6}, ${condition}`;
            const own = element.declared.basis && !element.declared.basis.inherited ? element.declared.basis.tag : undefined;
            const edit = own ? replaceValueEdit(own.valueRange, value) : addTagEdit(context.file.text, element.doc, 'basis', value);
            suggestions.push({ title: `Declare basis: ${value}`, edits: [edit] });
          }
        }
        const messageId = basis.length === 0 ? 'missingBasis' : !hasCondition ? 'missingCondition' : 'missingArt6';
        context.report({ at: element.nameRange, element, category, messageId, data: { element: element.id, category, article, needed }, suggestions });
      },
    };
  },
});
