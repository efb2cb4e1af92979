import rule from '../../rules/unknown-purpose';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  purposes: {
    'order.fulfilment': { label: 'Deliver orders' },
    marketing: { label: 'Send offers' },
  },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'a purpose the manifest declares', manifest, code: code`
      export interface Order {
        /** @purpose order.fulfilment */
        shippingAddress: string;
      }
    ` },
    { name: 'several declared purposes in one tag', manifest, code: code`
      /** @purpose order.fulfilment, marketing */
      export interface Customer {
        email: string;
      }
    ` },
    { name: 'a built-in starter purpose when there is no manifest', code: code`
      export interface Customer {
        /** @purpose account.management */
        email: string;
      }
    ` },
    { name: 'a purpose on a function', manifest, code: code`
      /** @purpose marketing */
      export function sendOffer(email: string) {
        return email;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a typo offers the close purpose and adding it to the manifest',
      manifest,
      code: code`
        export interface Customer {
          /** @purpose marketng */
          //           ^^^^^^^^ unknownPurpose
          email: string;
        }
      `,
      findings: [],
      suggestions: [
        { title: 'Change to declared purpose: marketing', output: code`
          export interface Customer {
            /** @purpose marketing */
            email: string;
          }
        ` },
        {
          title: 'Add purpose marketng to privacy.manifest.json',
          manifestOutput: `{
  "purposes": {
    "order.fulfilment": {
      "label": "Deliver orders"
    },
    "marketing": {
      "label": "Send offers"
    },
    "marketng": {
      "label": "marketng",
      "bases": []
    }
  }
}
`,
        },
      ],
    },
    {
      name: 'each unknown entry of a list is reported where it is written',
      manifest,
      code: code`
        /** @purpose order.fulfilment, analytics, profiling */
        export interface Customer {
          email: string;
        }
      `,
      findings: [
        {
          messageId: 'unknownPurpose',
          line: 1,
          column: 32,
          endColumn: 41,
          message: 'Purpose "analytics" is not declared in privacy.manifest.json; declare it there or use a declared purpose.',
          suggestions: [{ title: 'Add purpose analytics to privacy.manifest.json', manifestOutput: `{
  "purposes": {
    "order.fulfilment": {
      "label": "Deliver orders"
    },
    "marketing": {
      "label": "Send offers"
    },
    "analytics": {
      "label": "analytics",
      "bases": []
    }
  }
}
` }],
        },
        {
          messageId: 'unknownPurpose',
          line: 1,
          column: 43,
          endColumn: 52,
          suggestions: [{ title: 'Add purpose profiling to privacy.manifest.json', manifestOutput: `{
  "purposes": {
    "order.fulfilment": {
      "label": "Deliver orders"
    },
    "marketing": {
      "label": "Send offers"
    },
    "profiling": {
      "label": "profiling",
      "bases": []
    }
  }
}
` }],
        },
      ],
    },
    {
      name: 'without a manifest the message says to create one',
      code: code`
        /// @purpose billing
        //           ^^^^^^^ unknownStarterPurpose
        model Invoice {
          customerEmail String
        }
      `,
      filename: 'prisma/schema.prisma',
      findings: [],
    },
  ],
});
