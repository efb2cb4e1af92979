import rule from '../../rules/public-data-without-basis';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

new RuleTester().run(rule, {
  valid: [
    { name: 'public data with a basis', code: code`
      export interface Creator {
        /**
         * @source public
         * @basis legitimate-interests
         */
        instagramHandle: string;
      }
    ` },
    { name: 'data the person provided needs no extra basis here', code: code`
      export interface Customer {
        /** @source provided */
        email: string;
      }
    ` },
    { name: 'public but not personal', code: code`
      export interface Company {
        /** @source public */
        website: string;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a social profile without a basis',
      code: code`
        export interface Speaker {
          linkedinUrl: string;
        //^^^^^^^^^^^ publicWithoutBasis
        }
      `,
      suggestions: [
        { title: 'Declare basis: legitimate-interests', output: code`
          export interface Speaker {
            /** @basis legitimate-interests */
            linkedinUrl: string;
          }
        ` },
        { title: 'Declare basis: consent', output: code`
          export interface Speaker {
            /** @basis consent */
            linkedinUrl: string;
          }
        ` },
      ],
    },
    {
      name: 'data declared @source public on the type',
      code: code`
        /** @source public */
        export interface ScrapedLead {
          fullName: string;
        }
      `,
      findings: [
        {
          messageId: 'publicWithoutBasis',
          line: 3,
          column: 3,
          endColumn: 11,
          message: 'ScrapedLead.fullName holds publicly available personal data (declared @source public); public data is still personal data, so declare the @basis for collecting it.',
        },
      ],
      suggestions: [
        { title: 'Declare basis: legitimate-interests', output: code`
          /** @source public */
          export interface ScrapedLead {
            /** @basis legitimate-interests */
            fullName: string;
          }
        ` },
        { title: 'Declare basis: consent', output: code`
          /** @source public */
          export interface ScrapedLead {
            /** @basis consent */
            fullName: string;
          }
        ` },
      ],
    },
  ],
});
