import rule from '../../rules/indefinite-retention';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  retentionPolicies: {
    archive: { retention: 'indefinite because public-interest archive' },
    account: { retention: 'P30D after account.closed' },
  },
};

new RuleTester().run(rule, {
  valid: [
    '/** @retention P1Y */\nexport interface Customer { email: string }\n',
    { name: 'a policy with an end', manifest, code: code`
      /** @retention policy:account */
      export interface Customer { email: string }
    ` },
    { name: 'an ungrammatical retention is another rule’s job', code: code`
      /** @retention indefinite */
      export interface Customer { email: string }
    ` },
  ],
  invalid: [
    {
      name: 'indefinite retention with a reason is still worth a warning',
      code: code`
        export interface Customer {
          /** @retention indefinite because tax law */
          //  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ indefinite
          email: string;
        }
      `,
    },
    {
      name: 'a policy that keeps data indefinitely',
      manifest,
      code: code`
        /// @retention policy:archive
        //  ^^^^^^^^^^^^^^^^^^^^^^^^^ indefinitePolicy
        model Article {
          authorName String
        }
      `,
    },
  ],
});
