import rule from '../../rules/inconsistent-retention';
import type { ManifestDocument } from '../../rules/manifest/types';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const manifest: ManifestDocument = {
  retentionPolicies: {
    account: { retention: 'P30D after account.closed' },
    social: { retention: 'P2Y after account.closed', mustNotOutlive: ['account'] },
    tickets: { retention: 'P1Y' },
  },
};

new RuleTester().run(rule, {
  valid: [
    { name: 'the same retention in both places', manifest, files: { 'src/newsletter.ts': '/** @subject customer */\n@Entity()\nexport class NewsletterSignup {\n  /** @retention policy:account */\n  @Column() email!: string;\n}\n' }, code: code`
      @Entity()
      export class Customer {
        /** @retention policy:account */
        @Column() email!: string;
      }
    ` },
    { name: 'retentions counted from different events are not compared', manifest, files: { 'src/newsletter.ts': '/** @subject customer */\n@Entity()\nexport class NewsletterSignup {\n  /** @retention P5Y */\n  @Column() email!: string;\n}\n' }, code: code`
      @Entity()
      export class Customer {
        /** @retention policy:account */
        @Column() email!: string;
      }
    ` },
    { name: 'different subjects may keep the same category differently', manifest, files: { 'src/employee.ts': '@Entity()\nexport class Employee {\n  /** @retention P10Y */\n  @Column() email!: string;\n}\n' }, code: code`
      @Entity()
      export class Customer {
        /** @retention P1Y */
        @Column() email!: string;
      }
    ` },
    { name: 'a policy within the one it must not outlive', manifest: { retentionPolicies: { account: { retention: 'P1Y' }, social: { retention: 'P30D', mustNotOutlive: ['account'] } } }, code: code`
      @Entity()
      export class SocialProfile {
        /** @retention policy:social */
        @Column() instagramHandle!: string;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a newsletter copy kept longer than the customer record',
      manifest,
      files: { 'src/customer.ts': '@Entity()\nexport class Customer {\n  /** @retention P1Y */\n  @Column() email!: string;\n}\n' },
      code: code`
        /** @subject customer */
        @Entity()
        export class NewsletterSignup {
          /** @retention P5Y */
          @Column() email!: string;
        }
      `,
      findings: [{ messageId: 'outlivesCopy', line: 4, column: 18, endColumn: 21, message: 'NewsletterSignup.email keeps customer data of contact.email for P5Y, longer than Customer.email keeps the same data (P1Y); when one copy is deleted the other survives.' }],
    },
    {
      name: 'a policy that outlives the one it must not outlive, declared on the type',
      manifest,
      code: code`
        /** @retention policy:social */
        @Entity()
        export class SocialProfile {
          @Column() instagramHandle!: string;
        }
      `,
      findings: [{ messageId: 'outlivesPolicy', line: 4, column: 13, message: 'SocialProfile.instagramHandle is kept under policy social (P2Y after account.closed), which outlives policy account (P30D after account.closed) that the manifest says it must not outlive.' }],
    },
  ],
});
