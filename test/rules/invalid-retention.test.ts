import rule from '../../rules/invalid-retention';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  retentionPolicies: { account: { retention: 'P30D after account.closed' } },
  events: { 'subscription.ended': { label: 'The subscription ended' } },
};

new RuleTester().run(rule, {
  valid: [
    '/** @retention P30D */\nexport interface Visit { ipAddress: string }\n',
    '/** @retention PT12H */\nexport interface Visit { ipAddress: string }\n',
    { name: 'a duration after a declared event', manifest, code: code`
      /** @retention P2Y after subscription.ended */
      export interface Customer { email: string }
    ` },
    { name: 'a duration after a built-in event', code: code`
      /** @retention P2Y after account.closed */
      export interface Customer { email: string }
    ` },
    { name: 'a fixed end date', code: code`
      /** @retention until 2031-12-31 */
      export interface Applicant { email: string }
    ` },
    { name: 'a declared policy', manifest, code: code`
      /** @retention policy:account */
      export interface Customer { email: string }
    ` },
    { name: 'transient and session', code: code`
      export interface Checkout {
        /** @retention transient */
        cardNumber: string;
        /** @retention session */
        email: string;
      }
    ` },
    { name: 'indefinite with a reason is grammatical', code: code`
      /** @retention indefinite because legal hold */
      export interface Claim { email: string }
    ` },
  ],
  invalid: [
    {
      name: 'a lower-case duration is fixed safely',
      code: code`
        /** @retention p2y */
        //             ^^^ invalidExpression
        export interface Customer { email: string }
      `,
      output: code`
        /** @retention P2Y */
        export interface Customer { email: string }
      `,
    },
    {
      name: 'an unknown word',
      code: code`
        /** @retention forever */
        //             ^^^^^^^ invalidExpression
        export interface Customer { email: string }
      `,
      findings: [],
    },
    {
      name: 'indefinite without a reason',
      code: code`
        /** @retention indefinite */
        export interface Customer { email: string }
      `,
      findings: [{ messageId: 'invalidExpression', line: 1, column: 16, endColumn: 26, message: 'This @retention says indefinite without a reason; write "indefinite because <reason>".' }],
    },
    {
      name: 'an impossible date',
      code: code`
        /** @retention until 2027-02-30 */
        //             ^^^^^^^^^^^^^^^^ invalidExpression
        export interface Customer { email: string }
      `,
    },
    {
      name: 'an unknown event offers the close one',
      manifest,
      code: code`
        /** @retention P1Y after subscription.endd */
        //                       ^^^^^^^^^^^^^^^^^ unknownEvent
        export interface Customer { email: string }
      `,
      suggestions: [{ title: 'Count from subscription.ended', output: code`
        /** @retention P1Y after subscription.ended */
        export interface Customer { email: string }
      ` }],
    },
    {
      name: 'an unknown policy',
      manifest,
      code: code`
        /// @retention policy:acount
        //             ^^^^^^^^^^^^^ unknownPolicy
        model Customer {
          email String
        }
      `,
      suggestions: [{ title: 'Use policy:account', output: code`
        /// @retention policy:account
        model Customer {
          email String
        }
      ` }],
    },
  ],
});
