import rule from '../../rules/special-category-without-basis';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  purposes: { care: { label: 'Provide care', bases: ['contract', 'art9.health-care'] } },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'an Art. 6 basis and an Art. 9 condition', code: code`
      export interface Patient {
        /** @basis consent, art9.explicit-consent */
        allergies: string[];
      }
    ` },
    { name: 'a basis declared on the type', code: code`
      /** @basis contract, art9.health-care */
      export class MedicalRecord {
        diagnosis!: string;
        medications!: string[];
      }
    ` },
    { name: 'ordinary personal data needs no Art. 9 condition', code: code`
      export interface Customer {
        email: string;
      }
    ` },
    { name: 'criminal data with an Art. 10 authorisation', code: code`
      export interface Applicant {
        /** @basis legal-obligation, art10.authorised-by-law */
        criminalRecord: string;
      }
    ` },
    { name: 'a Prisma field with a basis', code: code`
      model Member {
        /// @basis consent, art9.explicit-consent
        religion String?
      }
    ` },
  ],
  invalid: [
    {
      name: 'health data without any basis offers explicit consent and health care',
      code: code`
        export interface Patient {
          diagnosis: string;
        //^^^^^^^^^ missingBasis
        }
      `,
      suggestions: [
        { title: 'Declare basis: consent, art9.explicit-consent', output: code`
          export interface Patient {
            /** @basis consent, art9.explicit-consent */
            diagnosis: string;
          }
        ` },
        { title: 'Declare basis: consent, art9.health-care', output: code`
          export interface Patient {
            /** @basis consent, art9.health-care */
            diagnosis: string;
          }
        ` },
      ],
    },
    {
      name: 'an Art. 6 basis alone is not enough; the purpose’s bases are offered',
      manifest,
      code: code`
        export interface Patient {
          /**
           * @purpose care
           * @basis contract
           */
          bloodType: string;
        //^^^^^^^^^ missingCondition
        }
      `,
      suggestions: [
        { title: 'Declare basis: contract, art9.health-care', output: code`
          export interface Patient {
            /**
             * @purpose care
             * @basis contract, art9.health-care
             */
            bloodType: string;
          }
        ` },
      ],
    },
    {
      name: 'a condition without an Art. 6 basis',
      code: code`
        export interface Member {
          /** @basis art9.explicit-consent */
          religion: string;
        //^^^^^^^^ missingArt6
        }
      `,
      suggestions: [
        { title: 'Declare basis: consent, art9.explicit-consent', output: code`
          export interface Member {
            /** @basis consent, art9.explicit-consent */
            religion: string;
          }
        ` },
      ],
    },
    {
      name: 'criminal data needs an Art. 10 authorisation',
      code: code`
        export interface Applicant {
          convictions: string[];
        }
      `,
      findings: [
        {
          messageId: 'missingBasis',
          line: 2,
          column: 3,
          endColumn: 14,
          message: 'Applicant.convictions holds criminal data (GDPR Art. 10) but declares no @basis; name an Art. 6 basis and an Art. 10 authorisation (art10.*).',
        },
      ],
      suggestions: [
        { title: 'Declare basis: consent, art10.authorised-by-law', output: code`
          export interface Applicant {
            /** @basis consent, art10.authorised-by-law */
            convictions: string[];
          }
        ` },
      ],
    },
  ],
});
