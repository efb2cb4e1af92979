// missing-erasure: every stored record holding personal data must be covered by a function that
// declares it erases it (@erases Customer), so an erasure request reaches every copy — including
// the social-profile copy kept beside the account.
import type { DataContainer, DataElement } from './api';
import { defineRule } from './define-rule';
import { needsDeclarations } from './lib/declarations';
import { erasesNames } from './lib/subjects';

export default defineRule({
  meta: {
    id: 'missing-erasure',
    summary: 'Require a function declared with @erases for every stored record that holds personal data.',
    defaultSeverity: 'warning',
    group: 'consistency',
    messages: {
      missingErasure: '{{container}} stores personal data ({{categories}}) but no function declares @erases {{container}}; tag the function that deletes or anonymises it, so erasure requests reach this copy too.',
    },
  },
  create(context) {
    const stored: DataContainer[] = [];
    const personalByContainer = new Map<string, DataElement[]>();
    return {
      container(container) {
        // Nested shapes are stored inside their parent and erased with it.
        if (container.role === 'stored' && !container.name.includes('.')) stored.push(container);
      },
      element(element) {
        if (!needsDeclarations(element)) return;
        const list = personalByContainer.get(element.container);
        if (list) list.push(element);
        else personalByContainer.set(element.container, [element]);
      },
      fileEnd() {
        const { erasers } = context.workspace;
        for (const container of stored) {
          const personal = personalByContainer.get(container.name) ?? [];
          if (personal.length === 0) continue;
          if (erasers.some((eraser) => eraser.targets.some((target) => erasesNames(target, container)))) continue;
          const categories = [...new Set(personal.map((e) => e.classification.categories[0] ?? 'other'))].slice(0, 4).join(', ');
          context.report({ at: container.nameRange, messageId: 'missingErasure', data: { container: container.name, categories } });
        }
      },
    };
  },
});
