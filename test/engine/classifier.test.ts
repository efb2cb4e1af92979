// The classifier as a table: a small workspace, and for each field whether it is personal and its
// first category. Context decides: the same name is personal in one type and not in another.
import * as assert from 'node:assert/strict';
import type { DataElement } from '../../rules/api';
import type { ManifestDocument } from '../../rules/manifest/types';
import { analyseWorkspace } from '../harness/analyse';
import { code } from '../harness/text';

interface Row {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly manifest?: ManifestDocument;
  /** element id → expected first category, or null for "not personal". */
  readonly expect: Readonly<Record<string, string | null>>;
}

const ROWS: readonly Row[] = [
  {
    name: 'city is personal in a customer address and not in a warehouse',
    files: {
      'src/address.ts': code`
        export interface CustomerAddress { street: string; city: string; postalCode: string; state: string; company: string }
        export interface Warehouse { street: string; city: string; phone: string; name: string }
      `,
    },
    expect: {
      'CustomerAddress.street': 'contact.address',
      'CustomerAddress.city': 'contact.address',
      'CustomerAddress.postalCode': 'contact.address',
      'CustomerAddress.state': 'contact.address',
      'CustomerAddress.company': 'contact.address',
      'Warehouse.street': null,
      'Warehouse.city': null,
      'Warehouse.phone': null,
      'Warehouse.name': null,
    },
  },
  {
    name: 'name is personal on a person and not on a product; fileName never is',
    files: {
      'src/models.ts': code`
        export interface User { name: string; fileName: string; displayName: string }
        export interface Product { name: string; title: string }
      `,
    },
    expect: { 'User.name': 'name', 'User.displayName': 'name', 'User.fileName': null, 'Product.name': null, 'Product.title': null },
  },
  {
    name: 'a boolean about the email is not an email; a template is not an email',
    files: {
      'src/prefs.ts': code`
        export interface Customer { email: string; emailVerified: boolean; marketingEmail: boolean; emailTemplate: string; hasPassword: boolean }
        export interface Settings { email: boolean; sms: boolean }
      `,
    },
    expect: {
      'Customer.email': 'contact.email',
      'Customer.emailVerified': null,
      'Customer.marketingEmail': null,
      'Customer.emailTemplate': null,
      'Customer.hasPassword': null,
      'Settings.email': null,
    },
  },
  {
    name: 'validators are strong evidence whatever the name',
    files: {
      'src/dto.ts': code`
        import { IsEmail, IsPhoneNumber, IsIP } from 'class-validator';
        export class SignUpDto {
          @IsEmail() login!: string;
          @IsPhoneNumber() contact!: string;
          @IsIP() origin!: string;
        }
      `,
      'src/schema.ts': code`
        import { z } from 'zod';
        export const Invite = z.object({ to: z.string().email(), note: z.string() });
      `,
    },
    expect: { 'SignUpDto.login': 'contact.email', 'SignUpDto.contact': 'contact.phone', 'SignUpDto.origin': 'identifier.online', 'Invite.to': 'contact.email' },
  },
  {
    name: 'references to people are personal ids; references to things are not',
    files: {
      'src/order.ts': code`
        export interface Order { id: string; customerId: string; productId: string; createdBy: string; updatedAt: Date; stripeCustomerId: string }
        export interface Customer { id: string; email: string }
      `,
    },
    expect: {
      'Order.id': null,
      'Order.customerId': 'identifier.internal_id',
      'Order.productId': null,
      'Order.createdBy': 'identifier.internal_id',
      'Order.updatedAt': null,
      'Customer.id': 'identifier.internal_id',
    },
  },
  {
    name: 'a relation to another record is not personal itself; an embedded value is',
    files: {
      'src/entities.ts': code`
        import { Entity, ManyToOne, OneToMany, PrimaryKey, Property, Collection } from '@mikro-orm/core';
        @Entity() export class Customer {
          @PrimaryKey() id!: string;
          @Property() email!: string;
          @OneToMany(() => Order, (o) => o.customer) orders = new Collection<Order>(this);
          @Property({ type: 'json' }) billing!: BillingDetails;
        }
        @Entity() export class Order {
          @PrimaryKey() id!: string;
          @ManyToOne(() => Customer) customer!: Customer;
          @ManyToOne(() => Customer, { mapToPk: true }) buyer_id!: string;
        }
        export interface BillingDetails { iban: string; cardholderName: string }
      `,
    },
    expect: {
      'Customer.orders': null,
      'Customer.billing': 'financial',
      'Order.customer': null,
      'Order.buyer_id': 'identifier.internal_id',
      'BillingDetails.iban': 'financial',
    },
  },
  {
    name: 'Prisma: relation fields are not personal, scalar fields by context',
    files: {
      'prisma/schema.prisma': code`
        model User {
          id       String   @id
          email    String   @unique
          name     String?
          posts    Post[]
          lastSeen DateTime?
        }
        model Post {
          id       String @id
          title    String
          author   User   @relation(fields: [authorId], references: [id])
          authorId String
        }
      `,
    },
    expect: { 'User.id': 'identifier.internal_id', 'User.email': 'contact.email', 'User.name': 'name', 'User.posts': null, 'User.lastSeen': 'behavior.activity', 'Post.id': null, 'Post.title': null, 'Post.author': null, 'Post.authorId': 'identifier.internal_id' },
  },
  {
    name: 'secrets of a person are credentials, secrets of a system are not',
    files: {
      'src/secrets.ts': code`
        export interface User { passwordHash: string; resetToken: string; resetTokenDate: Date }
        export interface ApiKey { token: string; secret: string; createdBy: string }
        export interface Session { id: string; token: string; ipAddress: string; userAgent: string }
      `,
    },
    expect: {
      'User.passwordHash': 'credential',
      'User.resetToken': 'credential',
      'User.resetTokenDate': null,
      'ApiKey.token': null,
      'ApiKey.secret': null,
      'ApiKey.createdBy': 'identifier.internal_id',
      'Session.id': 'identifier.online',
      'Session.token': 'identifier.online',
      'Session.ipAddress': 'identifier.online',
      'Session.userAgent': 'identifier.device',
    },
  },
  {
    name: 'special categories, also as a qualifier and as a flag',
    files: {
      'src/health.ts': code`
        export interface Patient { allergies: string[]; medicalNotes: string; isPregnant: boolean; religion: string; ethnicity: string; criminalRecord: string }
      `,
    },
    expect: {
      'Patient.allergies': 'special.health',
      'Patient.medicalNotes': 'special.health',
      'Patient.isPregnant': 'special.health',
      'Patient.religion': 'special.religion',
      'Patient.ethnicity': 'special.ethnicity',
      'Patient.criminalRecord': 'criminal',
    },
  },
  {
    name: 'abbreviations and non-English field names',
    files: {
      'src/legacy.ts': code`
        export interface Kunde { vorname: string; nachname: string; geburtsdatum: string; strasse: string; plz: string }
        export interface Cliente { nombre: string; apellido: string; correo: string; telefono: string }
        export interface Person { dob: string; ssn: string; msisdn: string; iban: string; addr: string; fname: string }
      `,
    },
    expect: {
      'Kunde.vorname': 'name',
      'Kunde.nachname': 'name',
      'Kunde.geburtsdatum': 'demographic',
      'Kunde.strasse': 'contact.address',
      'Kunde.plz': 'contact.address',
      'Cliente.apellido': 'name',
      'Cliente.correo': 'contact.email',
      'Cliente.telefono': 'contact.phone',
      'Person.dob': 'demographic',
      'Person.ssn': 'identifier.government',
      'Person.msisdn': 'contact.phone',
      'Person.iban': 'financial',
      'Person.addr': 'contact.address',
      'Person.fname': 'name',
    },
  },
  {
    name: 'nested shapes take the context of the record that holds them',
    files: {
      'src/user.model.ts': code`
        import { Schema } from 'mongoose';
        export const userSchema = new Schema({
          profile: { city: String, timezone: String },
          tokens: [{ provider: String, accessToken: String }],
          plan: { name: String, seats: Number },
        });
      `,
    },
    expect: {
      'userSchema.profile.city': 'contact.address',
      'userSchema.profile.timezone': 'location',
      'userSchema.tokens.accessToken': 'credential',
      'userSchema.tokens': 'credential',
      'userSchema.plan.name': null,
    },
  },
  {
    name: 'explicit tags and the manifest vocabulary win over heuristics',
    files: {
      'src/tags.ts': code`
        export interface Team {
          /** @notPersonal shared mailbox of the support team */
          email: string;
          /** @personal identifier.government */
          ref: string;
        }
      `,
    },
    expect: { 'Team.email': null, 'Team.ref': 'identifier.government' },
  },
  {
    name: 'the manifest vocabulary names person types and field names',
    manifest: { vocabulary: { personTypes: ['Shopper'], personalFields: { badge: 'identifier.internal_id' }, notPersonalFields: ['handle'] } },
    files: {
      'src/shop.ts': code`
        export interface Shopper { city: string; badge: string; handle: string }
        export interface Visitor { city: string }
      `,
    },
    expect: { 'Shopper.city': 'contact.address', 'Shopper.badge': 'identifier.internal_id', 'Shopper.handle': null },
  },
];

describe('classifier', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const result = await analyseWorkspace({ files: row.files, rules: [], ...(row.manifest ? { manifest: row.manifest } : {}) });
      const byId = new Map<string, DataElement>(result.elements.map((e) => [e.id, e]));
      for (const [id, category] of Object.entries(row.expect)) {
        const element = byId.get(id);
        assert.ok(element, `no element ${id}; found ${[...byId.keys()].join(', ')}`);
        const got = element.classification.personal ? (element.classification.categories[0] ?? 'other') : null;
        assert.equal(got, category, `${id}: evidence ${element.classification.evidence.map((e) => e.detail).join(' / ')}`);
      }
    });
  }

  it('explains every decision with evidence made of identifiers and categories', async () => {
    const result = await analyseWorkspace({ files: { 'src/c.ts': 'export interface Customer { email: string; emailVerified: boolean }\n' }, rules: [] });
    for (const element of result.elements) {
      assert.ok(element.classification.evidence.length > 0, `${element.id} has no evidence`);
      assert.ok(element.classification.confidence > 0 && element.classification.confidence <= 1);
    }
  });
});
