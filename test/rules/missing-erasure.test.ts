import rule from '../../rules/missing-erasure';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const ERASER = '/**\n * Closes an account.\n * @erases Customer, SocialProfile\n */\nexport async function closeAccount(id: string): Promise<void> {\n  await Promise.resolve(id);\n}\n';

new RuleTester().run(rule, {
  valid: [
    { name: 'an eraser in another file names the record', files: { 'src/erase.ts': ERASER }, code: code`
      @Entity()
      export class Customer {
        @Column() email!: string;
      }
    ` },
    { name: 'the eraser may name the record without its storage suffix', files: { 'src/erase.ts': ERASER }, code: code`
      @Entity()
      export class CustomerEntity {
        @Column() email!: string;
      }
    ` },
    { name: 'the eraser may name the declared subject', files: { 'src/erase.ts': '/** @erases patient */\nexport function forget(): void {}\n' }, code: code`
      /// @subject patient
      model MedicalNote {
        id   String @id
        text String
      }
    ` },
    { name: 'a record with no personal data needs no eraser', code: code`
      @Entity()
      export class Product {
        @Column() sku!: string;
      }
    ` },
    { name: 'a shape that is not stored is not reported', code: code`
      export interface CustomerView {
        email: string;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a social-profile copy that no eraser covers',
      files: { 'src/erase.ts': '/** @erases Customer */\nexport function closeAccount(): void {}\n' },
      code: code`
        @Entity()
        export class SocialProfile {
        //           ^^^^^^^^^^^^^ missingErasure
          @Column() instagramHandle!: string;
          @Column() followers!: number;
        }
      `,
    },
    {
      name: 'a Prisma model with no eraser at all',
      code: code`
        model Customer {
          id    String @id
          email String
          phone String
        }
      `,
      findings: [{ messageId: 'missingErasure', line: 1, column: 7, message: 'Customer stores personal data (identifier.internal_id, contact.email, contact.phone) but no function declares @erases Customer; tag the function that deletes or anonymises it, so erasure requests reach this copy too.' }],
    },
  ],
});
