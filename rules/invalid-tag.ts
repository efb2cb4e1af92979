// invalid-tag: privacy tags must be well formed and where they belong: known categories, bases,
// sources and subjects; a reason for @notPersonal; field tags on fields and function tags on functions.
import type { DocTag, FixProposal, TextRange } from './api';
import { ART6_BASES, ART9_CONDITIONS, ART10_AUTHORISATIONS, isLawfulBasis } from './declarations/bases';
import { BUILT_IN_SUBJECTS, DATA_SOURCES, isDataSource } from './declarations/vocabulary';
import { defineRule } from './define-rule';
import { closest } from './lib/declarations';
import { listEntries, replaceValueEdit } from './lib/doc-edits';
import { table } from './lib/tables';

/** Where each tag may be written (DESIGN.md §1). */
const PLACES: Readonly<Record<DocTag['name'], readonly DocTag['owner']['kind'][]>> = table({
  personal: ['element'],
  notPersonal: ['element', 'container'],
  purpose: ['element', 'container', 'function'],
  retention: ['element', 'container'],
  basis: ['element', 'container'],
  subject: ['container'],
  source: ['element', 'container'],
  erases: ['function'],
  consent: ['function'],
});

const PLACE_WORDS: Readonly<Record<DocTag['owner']['kind'], string>> = { element: 'a field', container: 'a type', function: 'a function' };

export default defineRule({
  meta: {
    id: 'invalid-tag',
    summary: 'Require privacy tags that are well formed and written where they apply.',
    defaultSeverity: 'error',
    group: 'declaration',
    fixable: 'safe',
    messages: {
      misplaced: '@{{tag}} belongs on {{places}}, not on {{here}}; move it.',
      missingValue: '@{{tag}} needs {{what}}.',
      unknownCategory: '"{{value}}" is not a known category{{hint}}; use a built-in category or add it under "categories" in the manifest.',
      unknownBasis: '"{{value}}" is not a lawful basis{{hint}}; use an Art. 6 basis (consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests) or an art9.* / art10.* condition.',
      unknownSource: '"{{value}}" is not a data source; use one of {{sources}}.',
      unknownSubject: '"{{value}}" is not a known data subject{{hint}}; use a built-in subject or add it to vocabulary.subjects in the manifest.',
      conflicting: '{{element}} is declared both @personal and @notPersonal; keep the one that is true.',
    },
  },
  create(context) {
    const { taxonomy, manifest } = context;
    const categories = taxonomy.all().map((c) => c.key);
    const bases = [...ART6_BASES, ...ART9_CONDITIONS, ...ART10_AUTHORISATIONS];
    const subjects = [...BUILT_IN_SUBJECTS, ...(manifest.vocabulary.subjects ?? [])];

    /** Reports an unknown entry; a pure case difference (Contact.Email) is fixed safely. */
    const unknown = (messageId: 'unknownCategory' | 'unknownBasis' | 'unknownSubject', entry: { value: string; range: TextRange }, known: readonly string[]): void => {
      const exact = known.find((k) => k.toLowerCase() === entry.value.toLowerCase());
      const near = exact ?? closest(entry.value, known);
      const proposal: FixProposal | undefined = near !== undefined ? { title: `Change to ${near}`, edits: [replaceValueEdit(entry.range, near)] } : undefined;
      context.report({
        at: entry.range,
        messageId,
        data: { value: entry.value, hint: near !== undefined ? ` (did you mean "${near}"?)` : '' },
        ...(exact !== undefined && proposal ? { fix: proposal } : {}),
        suggestions: exact === undefined && proposal ? [proposal] : [],
      });
    };

    return {
      element(element) {
        const personal = element.declared.personal;
        const notPersonal = element.declared.notPersonal;
        if (personal && notPersonal && !notPersonal.inherited) {
          context.report({ at: notPersonal.tag.range, messageId: 'conflicting', data: { element: element.id } });
        }
      },
      tag(tag) {
        const places = PLACES[tag.name];
        if (!places.includes(tag.owner.kind)) {
          context.report({ at: tag.range, messageId: 'misplaced', data: { tag: tag.name, places: places.map((p) => PLACE_WORDS[p]).join(' or '), here: PLACE_WORDS[tag.owner.kind] } });
          return;
        }
        const entries = listEntries(tag.value, tag.valueRange);
        switch (tag.name) {
          case 'personal':
            if (entries.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: 'at least one category, e.g. @personal contact.email' } });
            for (const entry of entries) if (!taxonomy.has(entry.value)) unknown('unknownCategory', entry, categories);
            return;
          case 'notPersonal':
            if (tag.value.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: 'a reason, e.g. @notPersonal shared team mailbox' } });
            return;
          case 'purpose':
          case 'erases':
          case 'consent':
            if (entries.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: tag.name === 'purpose' ? 'a purpose id from the manifest' : tag.name === 'erases' ? 'the types or stores it erases' : 'the consent key it requires' } });
            return;
          case 'basis':
            if (entries.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: 'a lawful basis, e.g. @basis contract' } });
            for (const entry of entries) if (!isLawfulBasis(entry.value)) unknown('unknownBasis', entry, bases);
            return;
          case 'source':
            if (entries.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: `a source: ${DATA_SOURCES.join(', ')}` } });
            for (const entry of entries) {
              if (isDataSource(entry.value)) continue;
              const exact = DATA_SOURCES.find((s) => s === entry.value.toLowerCase());
              context.report({
                at: entry.range,
                messageId: 'unknownSource',
                data: { value: entry.value, sources: DATA_SOURCES.join(', ') },
                ...(exact ? { fix: { title: `Change to ${exact}`, edits: [replaceValueEdit(entry.range, exact)] } } : {}),
              });
            }
            return;
          case 'subject':
            if (entries.length === 0) context.report({ at: tag.range, messageId: 'missingValue', data: { tag: tag.name, what: 'a data subject, e.g. @subject customer' } });
            for (const entry of entries) if (!subjects.includes(entry.value)) unknown('unknownSubject', entry, subjects);
            return;
          default:
            return;
        }
      },
    };
  },
});
