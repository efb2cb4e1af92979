import rule from '../../rules/retention-exceeds-limit';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  retentionPolicies: { logs: { retention: 'P1Y' }, short: { retention: 'P30D' } },
  categories: { 'identifier.online': { maxRetention: 'P90D' }, contact: { maxRetention: 'P2Y' } },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'within the limit', manifest, code: code`
      export interface Visit {
        /** @retention P30D */
        ipAddress: string;
      }
    ` },
    { name: 'a policy within the limit', manifest, code: code`
      export interface Visit {
        /** @retention policy:short */
        ipAddress: string;
      }
    ` },
    { name: 'a category without a limit', manifest, code: code`
      export interface Customer {
        /** @retention P10Y */
        firstName: string;
      }
    ` },
    { name: 'the limit of a parent category applies to its children', manifest, code: code`
      export interface Customer {
        /** @retention P1Y after account.closed */
        email: string;
      }
    ` },
    { name: 'session data', manifest, code: code`
      export interface Visit {
        /** @retention session */
        ipAddress: string;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a duration longer than the category allows',
      manifest,
      code: code`
        export interface Visit {
          /** @retention P1Y */
          //             ^^^ exceeds
          ipAddress: string;
        }
      `,
      suggestions: [{ title: 'Keep it for P90D', output: code`
        export interface Visit {
          /** @retention P90D */
          ipAddress: string;
        }
      ` }],
    },
    {
      name: 'a policy that outlasts the limit, declared on the type, is reported on the field',
      manifest,
      code: code`
        /** @retention policy:logs */
        export interface AccessLog {
          clientIp: string;
        //^^^^^^^^ exceeds
          path: string;
        }
      `,
      suggestions: [{ title: 'Keep it for P90D', output: code`
        /** @retention policy:logs */
        export interface AccessLog {
          /** @retention P90D */
          clientIp: string;
          path: string;
        }
      ` }],
    },
    {
      name: 'the parent category’s limit (contact) applies to a phone number',
      manifest,
      code: code`
        export interface Customer {
          /** @retention P5Y after account.closed */
          //             ^^^^^^^^^^^^^^^^^^^^^^^^ exceeds
          phone: string;
        }
      `,
      suggestions: [{ title: 'Keep it for P2Y', output: code`
        export interface Customer {
          /** @retention P2Y */
          phone: string;
        }
      ` }],
    },
    {
      name: 'indefinite retention exceeds any limit',
      manifest,
      code: code`
        export interface Visit {
          /** @retention indefinite because fraud analysis */
          ipAddress: string;
        }
      `,
      findings: [
        {
          messageId: 'exceeds',
          line: 2,
          column: 18,
          endColumn: 51,
          message: 'Visit.ipAddress is kept indefinitely, longer than the P90D the manifest allows for identifier.online (categories.identifier.online.maxRetention).',
        },
      ],
      suggestions: [{ title: 'Keep it for P90D', output: code`
        export interface Visit {
          /** @retention P90D */
          ipAddress: string;
        }
      ` }],
    },
  ],
});
