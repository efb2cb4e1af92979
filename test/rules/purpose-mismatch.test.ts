import rule from '../../rules/purpose-mismatch';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = { purposes: { 'order.fulfilment': { label: 'Deliver orders' }, marketing: { label: 'Send offers' } } };

new RuleTester().run(rule, {
  valid: [
    { name: 'a field collected for the function’s purpose', manifest, code: code`
      interface Customer {
        /** @purpose order.fulfilment */
        phone: string;
      }
      /** @purpose order.fulfilment */
      export function courier(customer: Customer) {
        return customer.phone;
      }
    ` },
    { name: 'a function that declares no purpose', manifest, code: code`
      interface Customer {
        /** @purpose order.fulfilment */
        phone: string;
      }
      export function anyUse(customer: Customer) {
        return customer.phone;
      }
    ` },
    { name: 'a field without declared purposes is missing-purpose’s business', manifest, code: code`
      interface Customer {
        phone: string;
      }
      /** @purpose marketing */
      export function campaign(customer: Customer) {
        return customer.phone;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a marketing function reads a field collected for delivery',
      manifest,
      code: code`
        interface Customer {
          /** @purpose order.fulfilment */
          phone: string;
        }
        /** @purpose marketing */
        export function campaign(customer: Customer) {
          return customer.phone;
        //                ^^^^^ purposeMismatch
        }
      `,
      suggestions: [
        { title: 'Declare Customer.phone for marketing too', output: code`
          interface Customer {
            /** @purpose order.fulfilment, marketing */
            phone: string;
          }
          /** @purpose marketing */
          export function campaign(customer: Customer) {
            return customer.phone;
          }
        ` },
      ],
    },
    {
      name: 'a purpose inherited from the type is kept when the field gets its own',
      manifest,
      code: code`
        /** @purpose order.fulfilment */
        interface Customer {
          email: string;
        }
        /** @purpose marketing */
        export const newsletter = (customer: Customer) => customer.email;
      `,
      findings: [{ messageId: 'purposeMismatch', line: 6, column: 60, endColumn: 65, message: 'newsletter is declared for marketing but reads Customer.email (contact.email), which is collected for order.fulfilment only; use data collected for this purpose, or declare the purpose on the field.' }],
      suggestions: [
        { title: 'Declare Customer.email for marketing too', output: code`
          /** @purpose order.fulfilment */
          interface Customer {
            /** @purpose order.fulfilment, marketing */
            email: string;
          }
          /** @purpose marketing */
          export const newsletter = (customer: Customer) => customer.email;
        ` },
      ],
    },
    {
      name: 'a field of another file: no edit offered there',
      manifest,
      files: { 'src/customer.ts': '/** @purpose order.fulfilment */\nexport interface Customer {\n  phone: string;\n}\n' },
      code: code`
        import type { Customer } from './customer';
        /** @purpose marketing */
        export function campaign(customer: Customer) {
          return customer.phone;
        }
      `,
      findings: [{ messageId: 'purposeMismatch', line: 4, column: 19, message: 'campaign is declared for marketing but reads Customer.phone (contact.phone), which is collected for order.fulfilment only; use data collected for this purpose, or declare the purpose on the field.' }],
    },
  ],
});
