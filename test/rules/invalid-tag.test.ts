import rule from '../../rules/invalid-tag';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = { vocabulary: { subjects: ['volunteer'] } };

new RuleTester().run(rule, {
  valid: [
    { name: 'well-formed field tags', code: code`
      export interface Customer {
        /**
         * @personal contact.email
         * @basis contract
         * @source provided
         */
        login: string;
      }
    ` },
    { name: 'type tags, a manifest subject', manifest, code: code`
      /**
       * @subject volunteer
       * @notPersonal shared rota, no names
       */
      export interface Rota {
        slot: string;
      }
    ` },
    { name: 'function tags', code: code`
      /**
       * @erases Customer, Address
       * @consent marketing
       */
      export function forget(id: string) {
        return id;
      }
    ` },
    { name: 'other JSDoc tags are not ours', code: code`
      /** @deprecated use email @see Customer */
      export interface Legacy {
        mail: string;
      }
    ` },
    { name: 'Prisma /// tags', code: code`
      /// @subject customer
      model Customer {
        /// @personal contact.phone
        mobile String
      }
    ` },
  ],
  invalid: [
    {
      name: 'a category in the wrong case is fixed safely',
      code: code`
        export interface Customer {
          /** @personal Contact.Email */
          //            ^^^^^^^^^^^^^ unknownCategory
          login: string;
        }
      `,
      output: code`
        export interface Customer {
          /** @personal contact.email */
          login: string;
        }
      `,
    },
    {
      name: 'an unknown category suggests the closest one',
      code: code`
        export interface Customer {
          /** @personal contact.emial */
          //            ^^^^^^^^^^^^^ unknownCategory
          login: string;
        }
      `,
      suggestions: [{ title: 'Change to contact.email', output: code`
        export interface Customer {
          /** @personal contact.email */
          login: string;
        }
      ` }],
    },
    {
      name: '@notPersonal needs a reason',
      code: code`
        export interface Team {
          /** @notPersonal */
          //  ^^^^^^^^^^^^ missingValue
          email: string;
        }
      `,
    },
    {
      name: 'an unknown lawful basis',
      code: code`
        export interface Customer {
          /** @basis legitimate-interest */
          //         ^^^^^^^^^^^^^^^^^^^ unknownBasis
          email: string;
        }
      `,
      suggestions: [{ title: 'Change to legitimate-interests', output: code`
        export interface Customer {
          /** @basis legitimate-interests */
          email: string;
        }
      ` }],
    },
    {
      name: 'a data source in the wrong case is fixed safely',
      code: code`
        export interface Creator {
          /** @source Public */
          //          ^^^^^^ unknownSource
          handle: string;
        }
      `,
      output: code`
        export interface Creator {
          /** @source public */
          handle: string;
        }
      `,
    },
    {
      name: 'an unknown subject',
      code: code`
        /** @subject shoppers */
        //           ^^^^^^^^ unknownSubject
        export interface Basket {
          ownerId: string;
        }
      `,
    },
    {
      name: '@personal belongs on a field, @erases on a function',
      code: code`
        /** @personal name */
        //  ^^^^^^^^^^^^^^ misplaced
        export interface Customer {
          /** @erases Customer */
          //  ^^^^^^^^^^^^^^^^ misplaced
          firstName: string;
        }
      `,
    },
    {
      name: '@subject belongs on a type',
      code: code`
        export interface Customer {
          /** @subject customer */
          //  ^^^^^^^^^^^^^^^^^ misplaced
          firstName: string;
        }
      `,
    },
    {
      name: 'declared both personal and not personal',
      code: code`
        export interface Customer {
          /**
           * @personal contact.email
           * @notPersonal a shared inbox
        //   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ conflicting
           */
          login: string;
        }
      `,
      findings: [],
    },
    {
      name: 'a tag without its value',
      code: code`
        /** @purpose */
        //  ^^^^^^^^ missingValue
        export function track(email: string) {
          return email;
        }
      `,
    },
  ],
});
