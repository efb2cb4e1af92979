import rule from '../../rules/personal-data-in-log';
import { RuleTester } from '../harness/rule-tester';
import { code } from '../harness/text';

const CUSTOMER = code`
  export interface Customer {
    id: string;
    email: string;
    phone: string;
    /** @notPersonal a one-way hash, not reversible */
    emailHash: string;
  }
  export interface Product {
    sku: string;
    name: string;
  }
`;

const files = { 'src/customer.ts': CUSTOMER };

new RuleTester().run(rule, {
  valid: [
    { name: 'a hashed value is not the value', files, code: code`
      import { createHash } from 'node:crypto';
      import type { Customer } from './customer';
      export function onSignUp(customer: Customer) {
        console.log('signed up', createHash('sha256').update(customer.email).digest('hex'));
      }
    ` },
    { name: 'a field of a record that is not about a person', files, code: code`
      import type { Product } from './customer';
      export function restock(product: Product) {
        console.info('restocked', product.sku, product.name);
      }
    ` },
    { name: 'a field declared not personal (a hash declared as such)', files, code: code`
      import type { Customer } from './customer';
      export function audit(customer: Customer) {
        console.log(customer.emailHash);
      }
    ` },
    { name: 'a sanitiser named in the manifest', files, manifest: { flows: { sanitizers: ['scramble'] } }, code: code`
      import type { Customer } from './customer';
      declare function scramble(value: string): string;
      export function onSignUp(customer: Customer) {
        console.log(scramble(customer.email));
      }
    ` },
    { name: 'the value wrapped in the manifest redactor', files, manifest: { flows: { redactor: { name: 'shield', import: './privacy' } } }, code: code`
      import type { Customer } from './customer';
      import { shield } from './privacy';
      export function onSignUp(customer: Customer) {
        console.log(shield(customer.email));
      }
    ` },
    { name: 'a logger method that writes no message', files, code: code`
      import pino from 'pino';
      import type { Customer } from './customer';
      const logger = pino();
      export function done(customer: Customer) {
        logger.flush(customer);
      }
    ` },
    { name: 'a local variable named console is not the console', files, code: code`
      import type { Customer } from './customer';
      export function show(customer: Customer, console: { log(value: unknown): void }) {
        console.log(customer.email);
      }
    ` },
    { name: 'a record id is what a log should carry', files, code: code`
      import type { Customer } from './customer';
      export function onSignUp(customer: Customer) {
        console.log('signed up', customer.id);
      }
    ` },
    { name: 'configuration constants and system secrets by name are not a person’s data', code: code`
      declare const SUPPORT_EMAIL: string;
      export function boot(apiSecret: string) {
        console.log(SUPPORT_EMAIL, apiSecret);
      }
    ` },
    { name: 'only an id of the record and a literal', files, code: code`
      import type { Customer } from './customer';
      export function onSignUp(customer: Customer) {
        console.log('signed up', customer.id.length);
      }
    ` },
  ],
  invalid: [
    {
      name: 'an email passed to console.log, with the path it took',
      files,
      code: code`
        import type { Customer } from './customer';
        export function onSignUp(customer: Customer) {
          console.log('signed up', customer.email);
        }
      `,
      findings: [{ messageId: 'personalDataInLog', line: 3, column: 28, message: 'Customer.email (contact.email) is written to the console by console.log: Customer.email → console.log. Logs are copied, kept and read widely; log an id or redact the value.' }],
    },
    {
      name: 'an alias of the field keeps its path',
      files,
      code: code`
        import pino from 'pino';
        import type { Customer } from './customer';
        const logger = pino();
        export function call(customer: Customer) {
          const contact = customer.phone;
          logger.info({ contact }, 'calling');
        }
      `,
      findings: [{ messageId: 'personalDataInLog', line: 6, column: 17, message: /^Customer\.phone \(contact\.phone\) is written to pino by logger\.info: Customer\.phone → contact → logger\.info\./ }],
    },
    {
      name: 'destructured fields and a template literal',
      files,
      code: code`
        import winston from 'winston';
        import type { Customer } from './customer';
        const logger = winston.createLogger();
        export function call({ phone }: Customer) {
          logger.warn(\`calling \${phone}\`);
        //                       ^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a whole record lists its personal fields',
      files,
      code: code`
        import type { Customer } from './customer';
        export function debugCustomer(customer: Customer) {
          console.debug({ customer });
        }
      `,
      findings: [{ messageId: 'personalDataInLog', line: 3, column: 19, message: /^customer \(Customer: email, phone\) \(contact\.email, contact\.phone\) is written to the console by console\.debug: Customer → customer → console\.debug\./ }],
    },
    {
      name: 'a Pick of the record, and a spread of the whole record',
      files,
      code: code`
        import type { Customer } from './customer';
        export function show(contact: Pick<Customer, 'email'>, customer: Partial<Customer>) {
          console.info(contact.email);
        //             ^^^^^^^^^^^^^ personalDataInLog
          console.info({ ...customer });
        //                  ^^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'the NestJS Logger of a class and an injected logger by name',
      files,
      code: code`
        import { Logger } from '@nestjs/common';
        import type { Customer } from './customer';
        interface AppLogger { info(message: string): void }
        export class CustomersService {
          private readonly logger = new Logger(CustomersService.name);
          constructor(private readonly audit: { logger: AppLogger }) {}
          created(customer: Customer) {
            this.logger.log(customer.email);
        //                  ^^^^^^^^^^^^^^ personalDataInLog
            this.audit.logger.info(customer.phone);
        //                         ^^^^^^^^^^^^^^ personalDataInLog
          }
        }
      `,
    },
    {
      name: 'a debug logger made from the debug module',
      files,
      code: code`
        import createDebug from 'debug';
        import type { Customer } from './customer';
        const debug = createDebug('app:signup');
        export function trace(customer: Customer) {
          debug('customer %s', customer.email);
        //                     ^^^^^^^^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a record returned by a function of another file, through the type checker',
      files: { ...files, 'src/repository.ts': "import type { Customer } from './customer';\nexport async function findCustomer(id: string): Promise<Customer> {\n  throw new Error(id);\n}\n" },
      code: code`
        import { findCustomer } from './repository';
        export async function show(id: string) {
          const found = await findCustomer(id);
          console.log(found.email);
        //            ^^^^^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a callback parameter typed by the list it iterates, through the type checker',
      files,
      code: code`
        import type { Customer } from './customer';
        export function list(customers: Customer[]) {
          customers.forEach((c) => console.log(c.phone));
        //                                     ^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a zod-inferred type reads the schema’s fields',
      files: { 'src/signup.schema.ts': "import { z } from 'zod';\nexport const SignupSchema = z.object({ email: z.string().email(), plan: z.string() });\nexport type Signup = z.infer<typeof SignupSchema>;\n" },
      code: code`
        import type { Signup } from './signup.schema';
        export function onSignup(input: Signup) {
          console.info(input.plan, input.email);
        //                         ^^^^^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a Prisma client result reads the model’s fields',
      files: { 'prisma/schema.prisma': 'model User {\n  id    String @id\n  email String @unique\n}\n' },
      code: code`
        declare const prisma: any;
        export async function show(id: string) {
          const user = await prisma.user.findUnique({ where: { id } });
          console.log(user.email);
        //            ^^^^^^^^^^ personalDataInLog
        }
      `,
    },
    {
      name: 'a value whose name says it is personal, with no declaration behind it',
      code: code`
        export function notify(email: string) {
          console.log('notifying', email);
        }
      `,
      findings: [{ messageId: 'personalDataInLog', line: 2, column: 28, message: /^email \(contact\.email\) is written to the console by console\.log: email → console\.log\./ }],
    },
    {
      name: 'the manifest redactor is offered, with its import',
      files,
      manifest: { flows: { redactor: { name: 'redact', import: '@/lib/privacy' } } },
      code: code`
        import type { Customer } from './customer';
        export function onSignUp(customer: Customer) {
          console.log(customer.email);
        //            ^^^^^^^^^^^^^^ personalDataInLog
        }
      `,
      suggestions: [
        { title: 'Redact with redact()', output: code`
          import type { Customer } from './customer';
          import { redact } from '@/lib/privacy';
          export function onSignUp(customer: Customer) {
            console.log(redact(customer.email));
          }
        ` },
      ],
    },
  ],
});
