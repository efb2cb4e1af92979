import rule from '../../rules/personal-data-to-third-party';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const CUSTOMER = code`
  /** @purpose account.management */
  export interface Customer {
    id: string;
    email: string;
    /** @purpose marketing */
    phone: string;
  }
  export interface Product {
    sku: string;
  }
`;
const files = { 'src/customer.ts': CUSTOMER };

const manifest: ManifestDocument = {
  purposes: { 'account.management': { label: 'Run the account' }, marketing: { label: 'Send offers' } },
  recipients: {
    segment: { label: 'Segment', purposes: ['marketing'] },
    'our-api': { hosts: ['api.shop.example'], internal: true },
    crm: { label: 'Acme CRM', modules: ['@acme/crm'], purposes: ['marketing'] },
  },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'a declared recipient allowed for the field’s purpose', files, manifest, code: code`
      import { Analytics } from '@segment/analytics-node';
      import type { Customer } from './customer';
      const analytics = new Analytics({ writeKey: 'key' });
      export function optIn(customer: Customer) {
        analytics.identify({ userId: 'anonymous', traits: { phone: customer.phone } });
      }
    ` },
    { name: 'the sending function’s purpose is allowed', files, manifest, code: code`
      import { Analytics } from '@segment/analytics-node';
      import type { Customer } from './customer';
      const analytics = new Analytics({ writeKey: 'key' });
      /** @purpose marketing */
      export function campaign(customer: Customer) {
        analytics.track({ userId: customer.id, event: 'Campaign' });
      }
    ` },
    { name: 'a recipient declared without a purpose restriction', files, manifest: { recipients: { sentry: { label: 'Sentry' } } }, code: code`
      import * as Sentry from '@sentry/node';
      import type { Customer } from './customer';
      export function identify(customer: Customer) {
        Sentry.setUser({ email: customer.email });
      }
    ` },
    { name: 'our own API and relative URLs are not third parties', files, manifest, code: code`
      import type { Customer } from './customer';
      export async function save(customer: Customer) {
        await fetch('https://api.shop.example/customers', { method: 'POST', body: JSON.stringify(customer) });
        await fetch('/api/customers', { method: 'POST', body: JSON.stringify(customer) });
      }
    ` },
    { name: 'a field that is not personal goes anywhere', files, code: code`
      import mixpanel from 'mixpanel-browser';
      import type { Product } from './customer';
      export function viewed(product: Product) {
        mixpanel.track('Viewed', { sku: product.sku });
      }
    ` },
  ],
  invalid: [
    {
      name: 'an undeclared analytics SDK offers to declare it with the field’s purposes',
      files,
      manifest: { purposes: manifest.purposes },
      code: code`
        import { Analytics } from '@segment/analytics-node';
        import type { Customer } from './customer';
        const analytics = new Analytics({ writeKey: 'key' });
        export function login(customer: Customer) {
          analytics.track({ userId: customer.id, event: 'Login' });
        //                          ^^^^^^^^^^^ undeclaredRecipient
        }
      `,
      suggestions: [
        {
          title: 'Declare Segment as a recipient in privacy.manifest.json',
          manifestOutput: `${JSON.stringify({ purposes: manifest.purposes, recipients: { segment: { label: 'Segment', modules: ['@segment/analytics-node'], purposes: ['account.management'] } } }, null, 2)}\n`,
        },
      ],
    },
    {
      name: 'a declared recipient not allowed for the field’s purpose offers to allow it',
      files,
      manifest,
      code: code`
        import { Analytics } from '@segment/analytics-node';
        import type { Customer } from './customer';
        const analytics = new Analytics({ writeKey: 'key' });
        export function login(customer: Customer) {
          analytics.identify({ userId: customer.id, traits: { email: customer.email } });
        }
      `,
      findings: [
        { messageId: 'purposeNotAllowed', line: 5, column: 32, message: /^Customer\.id \(identifier\.internal_id\) is sent to Segment by analytics\.identify for account\.management, but the manifest allows Segment only for marketing: Customer\.id → analytics\.identify\.$/, suggestions: [{ title: 'Allow segment to receive data for account.management', manifestOutput: `${JSON.stringify({ ...manifest, recipients: { ...manifest.recipients, segment: { label: 'Segment', purposes: ['marketing', 'account.management'] } } }, null, 2)}\n` }] },
        { messageId: 'purposeNotAllowed', line: 5, column: 62, suggestions: [{ title: 'Allow segment to receive data for account.management', manifestOutput: `${JSON.stringify({ ...manifest, recipients: { ...manifest.recipients, segment: { label: 'Segment', purposes: ['marketing', 'account.management'] } } }, null, 2)}\n` }] },
      ],
    },
    {
      name: 'an external host, named nowhere in the message',
      files,
      manifest: { purposes: manifest.purposes },
      code: code`
        import type { Customer } from './customer';
        export async function enrich(customer: Customer) {
          await fetch('https://leads.partner.example/v1', { method: 'POST', body: JSON.stringify({ email: customer.email }) });
        }
      `,
      findings: [
        {
          messageId: 'undeclaredRecipient',
          line: 3,
          column: 99,
          message: 'Customer.email (contact.email) is sent to an external host by fetch, a recipient the manifest does not declare: Customer.email → fetch. Declare it under recipients, with the purposes it may receive data for.',
          suggestions: [
            {
              title: 'Declare this host as a recipient in privacy.manifest.json',
              manifestOutput: `${JSON.stringify({ purposes: manifest.purposes, recipients: { 'leads-partner': { label: 'leads-partner', hosts: ['leads.partner.example'], purposes: ['account.management'] } } }, null, 2)}\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'an LLM API and an email provider without a manifest',
      files,
      code: code`
        import OpenAI from 'openai';
        import sgMail from '@sendgrid/mail';
        import type { Customer } from './customer';
        const openai = new OpenAI();
        export async function summarise(customer: Customer) {
          await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: customer.phone }] });
        //                                                                                       ^^^^^^^^^^^^^^ undeclaredRecipient
          await sgMail.send({ to: customer.email, subject: 'Hello' });
        //                        ^^^^^^^^^^^^^^ undeclaredRecipient
        }
      `,
    },
    {
      name: 'an SDK the manifest adds, not allowed for this purpose',
      files,
      manifest,
      code: code`
        import { CrmClient } from '@acme/crm';
        import type { Customer } from './customer';
        const crm = new CrmClient();
        export function sync(customer: Customer) {
          crm.contacts.upsert({ email: customer.email });
        //                             ^^^^^^^^^^^^^^ purposeNotAllowed
        }
      `,
      suggestions: [{ title: 'Allow crm to receive data for account.management', manifestOutput: `${JSON.stringify({ ...manifest, recipients: { ...manifest.recipients, crm: { label: 'Acme CRM', modules: ['@acme/crm'], purposes: ['marketing', 'account.management'] } } }, null, 2)}\n` }],
    },
  ],
});
