// Built-in defaults: the starter manifest a workspace gets when it has none (and that the
// "create privacy.manifest.json" fix writes), plus the events every workspace knows.
import { table } from '../lib/tables';
import type { ManifestDocument } from './types';

/** Events retention may count from in every workspace; the manifest's events add to these. */
export const BUILT_IN_EVENTS: Readonly<Record<string, { label: string }>> = table({
  'account.closed': { label: 'The person closed or deleted their account' },
  'contract.ended': { label: 'The contract with the person ended' },
  'consent.withdrawn': { label: 'The person withdrew consent' },
  'last.activity': { label: 'The person’s last activity' },
  'order.completed': { label: 'The order was delivered or cancelled' },
});

/** A sensible starting point: common purposes and policies a team then edits. */
export const STARTER_MANIFEST: ManifestDocument = {
  version: 1,
  purposes: {
    'account.management': {
      label: 'Create and run the person’s account',
      bases: ['contract'],
      essential: true,
      defaultFor: ['name', 'contact.email', 'identifier.username', 'identifier.internal_id'],
    },
    'account.security': {
      label: 'Authenticate the person and protect the account',
      bases: ['contract', 'legitimate-interests'],
      essential: true,
      defaultFor: ['credential', 'identifier.online', 'identifier.device'],
    },
    'order.fulfilment': { label: 'Deliver what the person ordered', bases: ['contract'], essential: true },
    'legal.compliance': { label: 'Meet legal obligations (tax, accounting)', bases: ['legal-obligation'], essential: true },
    support: { label: 'Answer the person’s requests', bases: ['contract', 'legitimate-interests'] },
    analytics: { label: 'Understand how the product is used', bases: ['consent', 'legitimate-interests'], consentKey: 'analytics' },
    marketing: { label: 'Send offers the person opted in to', bases: ['consent'], consentKey: 'marketing' },
  },
  retentionPolicies: {
    account: {
      label: 'While the account exists, then 30 days',
      retention: 'P30D after account.closed',
      disposal: 'delete',
      defaultFor: ['name', 'contact.email', 'identifier.username', 'identifier.internal_id', 'credential'],
    },
    transactions: {
      label: 'Accounting records',
      retention: 'P10Y after order.completed',
      disposal: 'delete',
      justification: 'Statutory bookkeeping period; adjust to your jurisdiction.',
    },
    'security-logs': { label: 'Security logs', retention: 'P90D', disposal: 'delete', defaultFor: ['identifier.online', 'identifier.device'] },
    marketing: { label: 'Until consent is withdrawn', retention: 'P0D after consent.withdrawn', disposal: 'delete', mustNotOutlive: ['account'] },
  },
  events: {},
  ignore: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e.ts', '**/*.e2e-spec.ts', '**/__tests__/**', '**/e2e/**', '**/fixtures/**'],
};
