import rule from '../../rules/unused-personal-data';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

new RuleTester().run(rule, {
  valid: [
    { name: 'every stored field is read somewhere', files: { 'src/greeting.ts': 'import type { Customer } from "./example";\nexport const hi = (c: Customer) => `${c.email} ${c.id}`;\n' }, code: code`
      @Entity()
      export class Customer {
        @PrimaryGeneratedColumn() id!: string;
        @Column() email!: string;
      }
    ` },
    { name: 'read by destructuring and by a select clause', files: { 'src/q.ts': 'export const q = (db: any) => db.customer.findMany({ select: { phone: true } });\nexport const f = ({ email }: { email: string }) => email;\n' }, code: code`
      model Customer {
        id    String @id
        email String
        phone String
      }
    ` },
    { name: 'a shape that is not stored (a DTO) is not reported', code: code`
      export interface CustomerDto {
        dateOfBirth: string;
      }
    ` },
  ],
  invalid: [
    {
      name: 'a stored field nothing reads',
      files: { 'src/greeting.ts': 'import type { Customer } from "./example";\nexport const hi = (c: Customer) => c.email;\n' },
      code: code`
        @Entity()
        export class Customer {
          @Column() email!: string;
          @Column() dateOfBirth!: Date;
        //          ^^^^^^^^^^^ unused
        }
      `,
    },
    {
      name: 'a written field is not a read one',
      code: code`
        @Entity()
        export class Customer {
          @Column() phone!: string;
        }
        export function setPhone(customer: Customer, value: string) {
          customer.phone = value;
        }
      `,
      findings: [{ messageId: 'unused', line: 3, column: 13, message: 'Customer.phone (contact.phone) is stored but nothing in the workspace reads it; if nothing needs it, stop collecting it.' }],
    },
  ],
});
