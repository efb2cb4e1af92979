import rule from '../../rules/missing-retention';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  purposes: { support: { label: 'Answer requests' } },
  retentionPolicies: {
    account: { retention: 'P30D after account.closed', defaultFor: ['credential'] },
    tickets: { retention: 'P1Y' },
  },
  categories: { 'contact.phone': { maxRetention: 'P2Y' } },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'a declared retention', manifest, code: code`
      export interface Customer {
        /** @retention P1Y */
        phone: string;
      }
    ` },
    { name: 'a retention declared on the type applies to its fields', manifest, code: code`
      /** @retention policy:tickets */
      export interface SupportTicket {
        customerEmail: string;
        message: string;
      }
    ` },
    { name: 'not personal: a warehouse address', code: code`
      export interface Warehouse {
        street: string;
        city: string;
      }
    ` },
    { name: 'a retention on a Prisma model applies to its fields', manifest, code: code`
      /// @retention policy:tickets
      model Customer {
        phone String
      }
    ` },
  ],
  invalid: [
    {
      name: 'a phone number without retention offers each policy and the category limit',
      manifest,
      code: code`
        export interface Customer {
          phone: string;
        //^^^^^ missingRetention
        }
      `,
      suggestions: [
        { title: 'Declare retention: policy:account', output: code`
          export interface Customer {
            /** @retention policy:account */
            phone: string;
          }
        ` },
        { title: 'Declare retention: policy:tickets', output: code`
          export interface Customer {
            /** @retention policy:tickets */
            phone: string;
          }
        ` },
        { title: 'Declare retention: P2Y (the limit for contact.phone)', output: code`
          export interface Customer {
            /** @retention P2Y */
            phone: string;
          }
        ` },
      ],
    },
    {
      name: 'the default policy of the category is a safe fix',
      manifest,
      code: code`
        export class UserEntity {
          /** @purpose support */
          passwordHash!: string;
        //^^^^^^^^^^^^ missingRetention
        }
      `,
      output: code`
        export class UserEntity {
          /**
           * @purpose support
           * @retention policy:account
           */
          passwordHash!: string;
        }
      `,
      suggestions: [
        { title: 'Declare retention: policy:tickets', output: code`
          export class UserEntity {
            /**
             * @purpose support
             * @retention policy:tickets
             */
            passwordHash!: string;
          }
        ` },
      ],
    },
    {
      name: 'two fields of one type without retention also offer one tag on the whole type',
      manifest: { retentionPolicies: { tickets: { retention: 'P1Y' } } },
      code: code`
        /** A customer. */
        export interface Customer {
          phone: string;
          email: string;
        }
      `,
      findings: [
        { messageId: 'missingRetention', line: 3, column: 3, suggestions: [
          { title: 'Declare retention: policy:tickets', output: code`
            /** A customer. */
            export interface Customer {
              /** @retention policy:tickets */
              phone: string;
              email: string;
            }
          ` },
          { title: 'Declare retention policy:tickets for the whole Customer', output: code`
            /**
             * A customer.
             * @retention policy:tickets
             */
            export interface Customer {
              phone: string;
              email: string;
            }
          ` },
        ] },
        { messageId: 'missingRetention', line: 4, column: 3, suggestions: [
          { title: 'Declare retention: policy:tickets', output: code`
            /** A customer. */
            export interface Customer {
              phone: string;
              /** @retention policy:tickets */
              email: string;
            }
          ` },
          { title: 'Declare retention policy:tickets for the whole Customer', output: code`
            /**
             * A customer.
             * @retention policy:tickets
             */
            export interface Customer {
              phone: string;
              email: string;
            }
          ` },
        ] },
      ],
    },
    {
      name: 'a mongoose path and a CRLF file keep their line endings',
      manifest: { retentionPolicies: { tickets: { retention: 'P1Y' } } },
      filename: 'src/user.model.ts',
      code: 'import { Schema } from \'mongoose\';\r\nexport const userSchema = new Schema({\r\n  email: String,\r\n});\r\n',
      findings: [{ messageId: 'missingRetention', line: 3, column: 3, endColumn: 8 }],
      suggestions: [{ title: 'Declare retention: policy:tickets', output: 'import { Schema } from \'mongoose\';\r\nexport const userSchema = new Schema({\r\n  /** @retention policy:tickets */\r\n  email: String,\r\n});\r\n' }],
    },
  ],
});
