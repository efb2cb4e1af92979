// Extraction finds every declared field in the places DESIGN.md §4 lists, with the line of its name,
// the form it was declared with, and nested shapes named after their path.
import * as assert from 'node:assert/strict';
import { extractFile } from '../../server/src/engine/extract';
import type { ExtractedFile } from '../../server/src/engine/model';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { analyseWorkspace } from '../harness/analyse';
import { code } from '../harness/text';

/** `Container.field@line form` for every field, in source order. */
function fields(path: string, text: string): string[] {
  const file: ExtractedFile = extractFile(path, text);
  const lines = new LineIndex(text);
  return file.containers
    .flatMap((c) => c.fields.map((f) => ({ c, f })))
    .sort((a, b) => a.f.nameRange.start - b.f.nameRange.start)
    .map(({ c, f }) => `${c.name}.${f.name}@${lines.positionAt(f.nameRange.start).line} ${f.form ?? c.form}/${c.role}`);
}

describe('extraction', () => {
  it('interfaces, nested type literals and type aliases', () => {
    assert.deepEqual(
      fields('src/a.ts', code`
        export interface User {
          email: string;
          address: { city: string };
          onChange: (value: string) => void;
          [key: string]: unknown;
        }
        type Contact = { phone: string } & Base;
      `),
      ['User.email@2 interface/shape', 'User.address@3 interface/shape', 'User.address.city@3 interface/shape', 'Contact.phone@7 type-literal/shape'],
    );
  });

  it('classes, constructor parameter properties and decorated entities', () => {
    assert.deepEqual(
      fields('src/b.ts', code`
        @Entity()
        export class Customer {
          @PrimaryGeneratedColumn() id!: number;
          @Column() email!: string;
          static count = 0;
          greet = () => 'hi';
          constructor(private readonly phone: string, other: string) {}
        }
        export class Dto { name?: string }
      `),
      ['Customer.id@3 class/stored', 'Customer.email@4 class/stored', 'Customer.phone@7 constructor-parameter/stored', 'Dto.name@9 class/shape'],
    );
  });

  it('inline types of function parameters are transient shapes', () => {
    assert.deepEqual(
      fields('src/c.ts', code`
        export function notify({ email }: { email: string }) {}
        const send = (to: { phone: string }[]) => to;
      `),
      ['notify.args.email@1 type-literal/transient', 'send.to.phone@2 type-literal/transient'],
    );
  });

  it('zod, yup and joi object schemas, nested and extended', () => {
    assert.deepEqual(
      fields('src/d.ts', code`
        import { z } from 'zod';
        import * as yup from 'yup';
        import Joi from 'joi';
        export const Signup = z.object({
          email: z.string().email(),
          votes: z.array(z.object({ optionId: z.string() })),
        });
        export const Admin = Signup.extend({ role: z.string() });
        const profile = yup.object({ phone: yup.string() });
        const contact = Joi.object({ fax: Joi.string() });
        export const routes = router({ add: procedure.input(z.object({ note: z.string() })) });
      `),
      [
        'Signup.email@5 zod/shape',
        'Signup.votes@6 zod/shape',
        'Signup.votes.optionId@6 zod/shape',
        'Admin.role@8 zod/shape',
        'profile.phone@9 yup/shape',
        'contact.fax@10 joi/shape',
        'routes.add.note@11 zod/shape',
      ],
    );
  });

  it('mongoose schemas: descriptors are one field, nested objects and arrays are shapes', () => {
    assert.deepEqual(
      fields('src/e.ts', code`
        import { Schema } from 'mongoose';
        const userSchema = new Schema({
          email: { type: String, required: true, index: true },
          tags: [String],
          profile: { city: String },
          tokens: [{ accessToken: String }],
        });
      `),
      ['userSchema.email@3 mongoose/stored', 'userSchema.tags@4 mongoose/stored', 'userSchema.profile@5 mongoose/stored', 'userSchema.profile.city@5 mongoose/stored', 'userSchema.tokens@6 mongoose/stored', 'userSchema.tokens.accessToken@6 mongoose/stored'],
    );
  });

  it('Medusa model.define uses the model name', () => {
    assert.deepEqual(
      fields('src/f.ts', code`
        import { model } from '@medusajs/framework/utils';
        export const Notification = model.define('notification', {
          id: model.id().primaryKey(),
          to: model.text(),
        });
      `),
      ['notification.id@3 model-define/stored', 'notification.to@4 model-define/stored'],
    );
  });

  it('JavaScript files and require()', () => {
    assert.deepEqual(
      fields('src/g.js', code`
        const mongoose = require('mongoose');
        const schema = new mongoose.Schema({ email: String });
        class Visitor { constructor() {} ip = ''; }
      `),
      ['schema.email@2 mongoose/stored', 'Visitor.ip@3 class/shape'],
    );
  });

  it('every TypeScript and JavaScript extension is analysed, JSX included', () => {
    const cases: readonly [string, string][] = [
      ['a.ts', 'export interface A { email: string }'],
      ['b.tsx', 'export interface B { email: string }\nexport const C = () => <div className="x">{1}</div>;'],
      ['c.mts', 'export interface C { email: string }'],
      ['d.cts', 'export interface D { email: string }'],
      ['e.js', 'export class E { email = "" }'],
      ['f.jsx', 'export class F { email = "" }\nexport const G = () => <p>{2}</p>;'],
      ['g.mjs', 'export class G { email = "" }'],
      ['h.cjs', 'class H { email = "" }\nmodule.exports = H;'],
    ];
    for (const [file, text] of cases) {
      const extracted = extractFile(`src/${file}`, text);
      assert.deepEqual(extracted.problems, [], file);
      assert.deepEqual(extracted.containers.flatMap((c) => c.fields.map((f) => f.name)), ['email'], file);
    }
  });

  it('Prisma models, views and composite types, with /// doc comments', () => {
    const text = code`
      /// A customer
      /// @subject customer
      model User {
        id    String @id
        /// @purpose support
        email String @unique
        posts Post[]
      }
      type Geo {
        lat Float
      }
    `;
    assert.deepEqual(fields('prisma/schema.prisma', text), ['User.id@4 prisma/stored', 'User.email@6 prisma/stored', 'User.posts@7 prisma/stored', 'Geo.lat@10 prisma/shape']);
    const file = extractFile('prisma/schema.prisma', text);
    const user = file.containers.find((c) => c.name === 'User');
    assert.deepEqual(user?.tags.map((t) => [t.name, t.value]), [['subject', 'customer']]);
    const email = user?.fields.find((f) => f.name === 'email');
    assert.deepEqual(email?.tags.map((t) => [t.name, t.value, text.slice(t.range.start, t.range.end)]), [['purpose', 'support', '@purpose support']]);
  });

  it('a Prisma file the parser rejects is still read line by line', () => {
    const file = extractFile('prisma/schema.prisma', 'model User {\n  email String\n  broken ===\n}\nmodel Tail {\n  phone String\n');
    assert.deepEqual(file.problems.map((p) => p.kind), ['syntax-error']);
    assert.deepEqual(file.containers.flatMap((c) => c.fields.map((f) => `${c.name}.${f.name}`)), ['User.email', 'Tail.phone']);
  });

  it('a TypeScript syntax error is reported and the rest of the file is still read', () => {
    const file = extractFile('src/h.ts', 'export interface A { email: string }\nconst x = ;\nexport interface B { phone: string }\n');
    assert.equal(file.problems[0]?.kind, 'syntax-error');
    assert.deepEqual(file.containers.map((c) => c.name), ['A', 'B']);
  });

  it('reads privacy tags with their owner and exact ranges', () => {
    const text = code`
      /**
       * @subject customer
       * @purpose order.fulfilment, support
       */
      export interface Customer {
        /** @retention P2Y after account.closed */
        email: string;
      }
      /** @erases Customer */
      export function forget() {}
    `;
    const file = extractFile('src/i.ts', text);
    const all = [...file.containers.flatMap((c) => [...c.tags, ...c.fields.flatMap((f) => f.tags)]), ...file.functionTags];
    assert.deepEqual(
      all.map((t) => [t.owner.kind, t.owner.id, t.name, text.slice(t.valueRange.start, t.valueRange.end)]),
      [
        ['container', 'Customer', 'subject', 'customer'],
        ['container', 'Customer', 'purpose', 'order.fulfilment, support'],
        ['element', 'Customer.email', 'retention', 'P2Y after account.closed'],
        ['function', 'forget', 'erases', 'Customer'],
      ],
    );
  });

  it('finds suppression comments and rejects those without a reason', () => {
    const file = extractFile('src/j.ts', '// privacy-steward-ignore missing-purpose -- legacy\nexport interface A { email: string }\n// privacy-steward-ignore missing-retention\nexport interface B { phone: string }\n');
    assert.deepEqual(file.suppressions.map((s) => [s.line, s.rules]), [[1, ['missing-purpose']]]);
    assert.deepEqual(file.problems.map((p) => p.kind), ['invalid-suppression']);
  });
});

describe('identifiers that Object.prototype also has', () => {
  it('are ordinary names: fields, tags, builder methods and Prisma types', async () => {
    const result = await analyseWorkspace({
      files: {
        'src/proto.ts': code`
          /**
           * @constructor
           * @purpose constructor
           */
          export interface Customer {
            constructor: string;
            toString: string;
            __proto__: string;
            hasOwnProperty: string;
            email: string;
          }
          import { z } from 'zod';
          export const S = z.object({ valueOf: z.string().toString(), email: z.string().constructor() });
        `,
        'prisma/schema.prisma': 'model constructor {\n  toString constructor\n  email String\n}\n',
      },
    });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'internal-error'), []);
    const personal = result.elements.filter((e) => e.classification.personal).map((e) => e.id).sort();
    assert.deepEqual(personal, ['Customer.email', 'S.email', 'constructor.email']);
    assert.ok(result.findings.some((f) => f.ruleId === 'unknown-purpose' && /"constructor"/.test(f.message)), '@purpose constructor is not a known purpose');
  });
});
