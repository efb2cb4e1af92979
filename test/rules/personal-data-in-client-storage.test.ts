import rule from '../../rules/personal-data-in-client-storage';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const files = { 'src/customer.ts': 'export interface Customer {\n  id: string;\n  email: string;\n}\nexport interface Preferences {\n  theme: string;\n}\n' };

new RuleTester().run(rule, {
  valid: [
    { name: 'preferences that are not personal data', files, code: code`
      import type { Preferences } from './customer';
      export function remember(preferences: Preferences) {
        localStorage.setItem('preferences', JSON.stringify(preferences));
      }
    ` },
    { name: 'a record id is what belongs in browser storage', files, code: code`
      import type { Customer } from './customer';
      export function remember(customer: Customer) {
        localStorage.setItem('customer-id', customer.id);
      }
    ` },
    { name: 'reading storage is not writing personal data to it', files, code: code`
      export function recall() {
        return localStorage.getItem('customer');
      }
    ` },
  ],
  invalid: [
    {
      name: 'a whole record in localStorage',
      files,
      code: code`
        import type { Customer } from './customer';
        export function remember(customer: Customer) {
          window.localStorage.setItem('customer', JSON.stringify(customer));
        }
      `,
      findings: [{ messageId: 'personalDataInClientStorage', line: 3, column: 58, message: /^customer \(Customer: email\) \(contact\.email\) is stored in localStorage by window\.localStorage\.setItem: Customer → customer → window\.localStorage\.setItem\./ }],
    },
    {
      name: 'document.cookie, sessionStorage and js-cookie',
      files,
      code: code`
        import Cookies from 'js-cookie';
        import type { Customer } from './customer';
        export function remember(customer: Customer) {
          document.cookie = \`email=\${customer.email}\`;
        //                           ^^^^^^^^^^^^^^ personalDataInClientStorage
          sessionStorage.setItem('email', customer.email);
        //                                ^^^^^^^^^^^^^^ personalDataInClientStorage
          Cookies.set('email', customer.email);
        //                     ^^^^^^^^^^^^^^ personalDataInClientStorage
        }
      `,
    },
  ],
});
