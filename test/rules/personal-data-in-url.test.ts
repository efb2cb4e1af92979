import rule from '../../rules/personal-data-in-url';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const files = { 'src/customer.ts': 'export interface Customer {\n  id: string;\n  email: string;\n  phone: string;\n}\n' };

new RuleTester().run(rule, {
  valid: [
    { name: 'an internal id in a REST path', files, code: code`
      import type { Customer } from './customer';
      export function load(customer: Customer) {
        return fetch(\`/api/customers/\${customer.id}\`);
      }
    ` },
    { name: 'personal data in the request body, not the URL', files, code: code`
      import axios from 'axios';
      import type { Customer } from './customer';
      export function save(customer: Customer) {
        return axios.post('/api/customers', { email: customer.email });
      }
    ` },
    { name: 'a hashed value in the query string', files, code: code`
      import type { Customer } from './customer';
      declare function sha256(value: string): string;
      export function track(customer: Customer) {
        return fetch(\`/api/seen?h=\${sha256(customer.email)}\`);
      }
    ` },
  ],
  invalid: [
    {
      name: 'an email in a fetch query string',
      files,
      code: code`
        import type { Customer } from './customer';
        export function find(customer: Customer) {
          return fetch(\`/api/search?email=\${customer.email}\`);
        }
      `,
      findings: [{ messageId: 'personalDataInUrl', line: 3, column: 37, message: 'Customer.email (contact.email) is put into a request URL by fetch: Customer.email → fetch. URLs end up in server logs, browser history and Referer headers; send it in a request body instead.' }],
    },
    {
      name: 'searchParams, router.push and a redirect',
      files,
      code: code`
        import { redirect } from 'next/navigation';
        import type { Customer } from './customer';
        declare const router: { push(url: string): void };
        export function go(customer: Customer, url: URL) {
          url.searchParams.set('phone', customer.phone);
        //                              ^^^^^^^^^^^^^^ personalDataInUrl
          router.push('/welcome?email=' + customer.email);
        //                                ^^^^^^^^^^^^^^ personalDataInUrl
          redirect(\`/done?e=\${customer.email}\`);
        //                    ^^^^^^^^^^^^^^ personalDataInUrl
        }
      `,
    },
    {
      name: 'an assignment to location.href',
      files,
      code: code`
        import type { Customer } from './customer';
        export function leave(customer: Customer) {
          window.location.href = \`https://partner.example/?phone=\${customer.phone}\`;
        //                                                         ^^^^^^^^^^^^^^ personalDataInUrl
        }
      `,
    },
  ],
});
