import rule from '../../rules/missing-purpose';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  purposes: {
    'account.management': { label: 'Run the account', defaultFor: ['contact.email'] },
    support: { label: 'Answer requests' },
  },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'a declared purpose', manifest, code: code`
      export interface Customer {
        /** @purpose support */
        phone: string;
      }
    ` },
    { name: 'a purpose declared on the type applies to its fields', manifest, code: code`
      /** @purpose support */
      export interface Customer {
        phone: string;
        firstName: string;
      }
    ` },
    { name: 'not personal: a product name', code: code`
      export interface Product {
        name: string;
      }
    ` },
    { name: 'declared not personal', code: code`
      export interface Team {
        /** @notPersonal shared team mailbox */
        email: string;
      }
    ` },
    { name: 'a transient parameter shape is not where data is collected', code: code`
      export function greet(args: { firstName: string }) {
        return args.firstName;
      }
    ` },
    { name: 'a flag about the email, not the email', code: code`
      export interface Customer {
        emailVerified: boolean;
      }
    ` },
    { name: 'a Prisma field with a /// purpose', manifest, code: code`
      model User {
        /// @purpose support
        phone String
      }
    ` },
  ],
  invalid: [
    {
      name: 'a phone number without a purpose offers each manifest purpose',
      manifest,
      code: code`
        export interface Customer {
          phone: string;
        //^^^^^ missingPurpose
        }
      `,
      suggestions: [
        { title: 'Declare purpose: account.management', output: code`
          export interface Customer {
            /** @purpose account.management */
            phone: string;
          }
        ` },
        { title: 'Declare purpose: support', output: code`
          export interface Customer {
            /** @purpose support */
            phone: string;
          }
        ` },
      ],
    },
    {
      name: 'the category default purpose is a safe fix that extends the existing doc comment',
      manifest,
      code: code`
        export class Customer {
          /** Where receipts go. */
          @Column()
          email!: string;
        //^^^^^ missingPurpose
        }
      `,
      output: code`
        export class Customer {
          /**
           * Where receipts go.
           * @purpose account.management
           */
          @Column()
          email!: string;
        }
      `,
      suggestions: [
        { title: 'Declare purpose: support', output: code`
          export class Customer {
            /**
             * Where receipts go.
             * @purpose support
             */
            @Column()
            email!: string;
          }
        ` },
      ],
    },
    {
      name: 'a multi-line doc comment gets the tag before its closing line',
      manifest: { purposes: { support: { label: 'Answer requests' } } },
      code: code`
        export interface Customer {
          /**
           * Mobile number.
           */
          phone: string;
        //^^^^^ missingPurpose
        }
      `,
      suggestions: [
        { title: 'Declare purpose: support', output: code`
          export interface Customer {
            /**
             * Mobile number.
             * @purpose support
             */
            phone: string;
          }
        ` },
      ],
    },
    {
      name: 'a zod schema property written inline gets an inline doc comment',
      manifest: { purposes: { support: { label: 'Answer requests' } } },
      code: code`
        import { z } from 'zod';
        export const ContactForm = z.object({ email: z.string().email(), topic: z.string() });
        //                                    ^^^^^ missingPurpose
      `,
      suggestions: [
        { title: 'Declare purpose: support', output: code`
          import { z } from 'zod';
          export const ContactForm = z.object({ /** @purpose support */ email: z.string().email(), topic: z.string() });
        ` },
      ],
    },
    {
      name: 'two fields of one type without a purpose also offer one tag on the whole type',
      manifest: { purposes: { support: { label: 'Answer requests' } } },
      code: code`
        @Entity()
        export class Patient {
          @Column() firstName!: string;
          @Column() lastName!: string;
        }
      `,
      findings: [
        { messageId: 'missingPurpose', line: 3, column: 13, suggestions: [
          { title: 'Declare purpose: support', output: code`
            @Entity()
            export class Patient {
              /** @purpose support */
              @Column() firstName!: string;
              @Column() lastName!: string;
            }
          ` },
          { title: 'Declare purpose support for the whole Patient', output: code`
            /** @purpose support */
            @Entity()
            export class Patient {
              @Column() firstName!: string;
              @Column() lastName!: string;
            }
          ` },
        ] },
        { messageId: 'missingPurpose', line: 4, column: 13, suggestions: [
          { title: 'Declare purpose: support', output: code`
            @Entity()
            export class Patient {
              @Column() firstName!: string;
              /** @purpose support */
              @Column() lastName!: string;
            }
          ` },
          { title: 'Declare purpose support for the whole Patient', output: code`
            /** @purpose support */
            @Entity()
            export class Patient {
              @Column() firstName!: string;
              @Column() lastName!: string;
            }
          ` },
        ] },
      ],
    },
    {
      name: 'a field collected by an HTTP handler names the handler',
      manifest: { purposes: { support: { label: 'Answer requests' } } },
      files: {
        'src/customers.controller.ts': code`
          import { Body, Controller, Post } from '@nestjs/common';
          import { CreateCustomerDto } from './example';
          @Controller('customers')
          export class CustomersController {
            @Post()
            create(@Body() dto: CreateCustomerDto) {
              return dto;
            }
          }
        `,
      },
      code: code`
        export class CreateCustomerDto {
          /** @retention P1Y */
          email!: string;
        }
      `,
      findings: [{ messageId: 'missingPurposeCollected', line: 3, column: 3, message: 'CreateCustomerDto.email holds personal data (contact.email) collected by POST CustomersController.create (src/customers.controller.ts:5) but declares no @purpose; say why it is collected.', suggestions: [{ title: 'Declare purpose: support', output: code`
        export class CreateCustomerDto {
          /**
           * @retention P1Y
           * @purpose support
           */
          email!: string;
        }
      ` }] }],
    },
    {
      name: 'a Prisma field gets a /// line with its indentation',
      manifest: { purposes: { support: { label: 'Answer requests' } } },
      code: code`
        model Patient {
          /// Shown on invoices.
          lastName  String
        //^^^^^^^^ missingPurpose
        }
      `,
      suggestions: [
        { title: 'Declare purpose: support', output: code`
          model Patient {
            /// Shown on invoices.
            /// @purpose support
            lastName  String
          }
        ` },
      ],
    },
  ],
});
