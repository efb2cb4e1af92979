// Generates the benchmark corpus: a deterministic (seeded) monorepo of 2,400 TypeScript files and a
// few Prisma schemas — entities, DTOs, zod and mongoose schemas, React components and, for most
// of the bytes, ordinary service code that loads entities and writes some of their fields to logs and
// analytics — written once to a folder and reused while the version matches.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CORPUS_VERSION = 'corpus-v3';
export const DEFAULT_CORPUS = path.join(os.tmpdir(), 'privacy-steward-bench', CORPUS_VERSION);

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERSON_TYPES = ['User', 'Customer', 'Patient', 'Employee', 'Member', 'Subscriber', 'Guest', 'Applicant', 'Driver', 'Author'];
const THING_TYPES = ['Product', 'Warehouse', 'Invoice', 'Shipment', 'Coupon', 'Category', 'Region', 'Plan', 'Report', 'Webhook'];
const PERSONAL_FIELDS: readonly [string, string][] = [
  ['email', 'string'], ['firstName', 'string'], ['lastName', 'string'], ['phoneNumber', 'string'], ['dateOfBirth', 'Date'], ['ipAddress', 'string'],
  ['passwordHash', 'string'], ['street', 'string'], ['city', 'string'], ['postalCode', 'string'], ['avatarUrl', 'string'], ['lastLoginAt', 'Date'],
  ['locale', 'string'], ['timezone', 'string'], ['jobTitle', 'string'], ['iban', 'string'], ['userAgent', 'string'], ['allergies', 'string[]'],
];
const PLAIN_FIELDS: readonly [string, string][] = [
  ['sku', 'string'], ['priceCents', 'number'], ['createdAt', 'Date'], ['updatedAt', 'Date'], ['status', 'string'], ['quantity', 'number'],
  ['title', 'string'], ['description', 'string'], ['isActive', 'boolean'], ['weightGrams', 'number'], ['slug', 'string'], ['version', 'number'],
];

class Writer {
  private readonly rand: () => number;
  constructor(seed: number) {
    this.rand = random(seed);
  }
  int(max: number): number {
    return Math.floor(this.rand() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  fields(person: boolean, count: number): [string, string][] {
    const pool = person ? [...PERSONAL_FIELDS, ...PLAIN_FIELDS] : PLAIN_FIELDS;
    const chosen = new Map<string, string>();
    while (chosen.size < Math.min(count, pool.length)) {
      const [name, type] = this.pick(pool);
      chosen.set(name, type);
    }
    return [...chosen];
  }
}

/** An entity the services of its package load and log (class name, file stem, field names). */
interface EntityRef {
  readonly className: string;
  readonly stem: string;
  readonly fields: readonly string[];
}

function entity(w: Writer, name: string, person: boolean, i: number): { text: string; fields: string[] } {
  const tagged = w.int(4) === 0 ? `/**\n * ${name} record.\n * @purpose account.management\n * @retention policy:account\n */\n` : `/** ${name} record number ${i}. */\n`;
  const fields = w.fields(person, 6 + w.int(8));
  const columns = fields.map(([field, type]) => `  @Column()\n  ${field}!: ${type};\n`).join('\n');
  const text = `import { Column, Entity, PrimaryGeneratedColumn, ManyToOne } from 'typeorm';\n\n${tagged}@Entity()\nexport class ${name}${i} {\n  @PrimaryGeneratedColumn('uuid')\n  id!: string;\n\n${columns}\n  @ManyToOne(() => Object)\n  owner!: unknown;\n}\n`;
  return { text, fields: fields.map(([field]) => field) };
}

function dto(w: Writer, name: string, person: boolean, i: number): string {
  const props = w.fields(person, 4 + w.int(6)).map(([field, type]) => `  @IsOptional()\n  ${type === 'string' ? '@IsString()\n  ' : ''}${field}?: ${type};\n`).join('\n');
  return `import { IsEmail, IsOptional, IsString } from 'class-validator';\n\nexport class Create${name}Dto${i} {\n  @IsEmail()\n  contact!: string;\n\n${props}}\n\nexport class Update${name}Dto${i} extends Create${name}Dto${i} {}\n`;
}

function zodSchema(w: Writer, name: string, person: boolean, i: number): string {
  const builder = (type: string): string => (type === 'number' ? 'z.number()' : type === 'boolean' ? 'z.boolean()' : type === 'Date' ? 'z.coerce.date()' : type.endsWith('[]') ? 'z.array(z.string())' : 'z.string()');
  const props = w.fields(person, 5 + w.int(6)).map(([field, type]) => `  ${field}: ${builder(type)}.optional(),`).join('\n');
  return `import { z } from 'zod';\n\nexport const ${name}Schema${i} = z.object({\n${props}\n  meta: z.object({ source: z.string(), tags: z.array(z.string()) }),\n});\n\nexport type ${name}Input${i} = z.infer<typeof ${name}Schema${i}>;\n`;
}

function mongooseModel(w: Writer, name: string, person: boolean, i: number): string {
  const type = (t: string): string => (t === 'number' ? 'Number' : t === 'boolean' ? 'Boolean' : t === 'Date' ? 'Date' : t.endsWith('[]') ? '[String]' : 'String');
  const props = w.fields(person, 5 + w.int(5)).map(([field, t]) => `  ${field}: { type: ${type(t)}, required: ${w.int(2) === 0} },`).join('\n');
  return `import mongoose, { Schema } from 'mongoose';\n\nconst ${name.toLowerCase()}Schema${i} = new Schema({\n${props}\n  history: [{ at: Date, action: String }],\n});\n\nexport const ${name}Model${i} = mongoose.model('${name}${i}', ${name.toLowerCase()}Schema${i});\n`;
}

/** Methods that load an entity of the package and send some of its fields to a log and to analytics. */
function entityMethods(w: Writer, ref: EntityRef): string {
  const field = ref.fields[w.int(ref.fields.length)] ?? 'id';
  const other = ref.fields[w.int(ref.fields.length)] ?? 'id';
  return `  async notify(id: string): Promise<void> {
    const record: ${ref.className} | undefined = await this.records.findOneBy({ id });
    if (!record) return;
    this.logger.debug('notifying %s', record.${field});
    analytics.track({ userId: record.id, event: 'notified', properties: { value: record.${other} } });
  }

  summary(records: ${ref.className}[]): string {
    return records.map((r) => \`\${r.id}:\${r.${field}}\`).join(',');
  }
`;
}

function service(w: Writer, name: string, i: number, ref?: EntityRef): string {
  const methods: string[] = ref ? [entityMethods(w, ref)] : [];
  for (let m = 0; m < 7 + w.int(7); m++) {
    methods.push(`  /**
   * Loads page ${m} of ${name} records and applies the rules of step ${m}.
   * @param limit how many records to read
   */
  async step${m}(limit: number, filter?: ${name}Filter${i}): Promise<number> {
    let processed = 0;
    const rows: ${name}Row${i}[] = await this.repository.find({ take: limit, skip: ${m} * limit, where: filter ?? {} });
    for (const row of rows) {
      if (row.status === 'archived' || (filter?.since && row.updatedAt < filter.since)) {
        continue;
      }
      const total = row.items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
      if (total > ${1000 + w.int(9000)}) {
        await this.events.emit('${name.toLowerCase()}.large', { id: row.id, total });
      } else if (total === 0) {
        this.logger.debug('empty ${name.toLowerCase()} %s', row.id);
      }
      processed += 1;
    }
    return processed;
  }
`);
  }
  const types = `export interface ${name}Filter${i} {\n  status?: string;\n  since?: Date;\n}\n\ninterface ${name}Row${i} {\n  id: string;\n  status: string;\n  updatedAt: Date;\n  items: { priceCents: number; quantity: number }[];\n}\n\n`;
  const imports = ref
    ? `import { Injectable } from '@nestjs/common';\nimport { Analytics } from '@segment/analytics-node';\nimport type { Repository as Records } from 'typeorm';\nimport type { ${ref.className} } from '../entities/${ref.stem}.entity';\n\nconst analytics = new Analytics({ writeKey: 'bench' });\n`
    : `import { Injectable } from '@nestjs/common';\n`;
  const records = ref ? `, private readonly records: Records<${ref.className}>` : '';
  return `${imports}\ninterface Repository { find(options: unknown): Promise<any[]> }\ninterface Events { emit(name: string, payload: unknown): Promise<void> }\ninterface Logger { debug(message: string, ...args: unknown[]): void }\n\n${types}@Injectable()\nexport class ${name}Service${i} {\n  constructor(private readonly repository: Repository, private readonly events: Events, private readonly logger: Logger${records}) {}\n\n${methods.join('\n')}}\n`;
}

function component(w: Writer, name: string, i: number): string {
  const rows = Array.from({ length: 4 + w.int(5) }, (_, r) => `        <li key="${r}" className="row-${r}">{props.items[${r}]?.label ?? '—'}</li>`).join('\n');
  return `import React, { useMemo, useState } from 'react';\n\nexport interface ${name}ListProps${i} {\n  items: { label: string; value: number }[];\n  onSelect?: (value: number) => void;\n}\n\nexport function ${name}List${i}(props: ${name}ListProps${i}) {\n  const [open, setOpen] = useState(false);\n  const total = useMemo(() => props.items.reduce((sum, item) => sum + item.value, 0), [props.items]);\n  return (\n    <section>\n      <button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'} ({total})</button>\n      {open && (\n        <ul>\n${rows}\n        </ul>\n      )}\n    </section>\n  );\n}\n`;
}

function utilities(w: Writer, i: number): string {
  const fns = Array.from({ length: 8 + w.int(8) }, (_, f) => `export function helper${i}_${f}(values: readonly number[], factor = ${1 + w.int(9)}): number[] {\n  const out: number[] = [];\n  for (let k = 0; k < values.length; k++) {\n    const v = values[k] ?? 0;\n    out.push(k % 2 === 0 ? v * factor : Math.round(v / factor));\n  }\n  return out.filter((x) => Number.isFinite(x));\n}\n`);
  return `// Utility functions for batch ${i}.\n\n${fns.join('\n')}`;
}

function prismaSchema(w: Writer, p: number): string {
  const models = [...PERSON_TYPES.slice(0, 4), ...THING_TYPES.slice(0, 4)].map((name) => {
    const person = PERSON_TYPES.includes(name);
    const type = (t: string): string => (t === 'number' ? 'Int' : t === 'boolean' ? 'Boolean' : t === 'Date' ? 'DateTime' : 'String');
    const fields = w.fields(person, 5 + w.int(5)).map(([field, t]) => `  ${field} ${type(t)}${w.int(3) === 0 ? '?' : ''}`).join('\n');
    return `model ${name}${p} {\n  id String @id @default(cuid())\n${fields}\n}\n`;
  });
  return `datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n${models.join('\n')}`;
}

export interface CorpusStats {
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
}

function measure(root: string): CorpusStats {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|prisma)$/.test(entry.name)) {
        files++;
        bytes += fs.statSync(full).size;
      }
    }
  };
  walk(root);
  return { root, files, bytes };
}

/**
 * Writes the corpus (2,400 TypeScript files, 12 Prisma schemas) unless it is already there. Its field
 * density (about 1.5 declared fields per KB) is that of real repositories (medusa 1.2, formbricks 0.8).
 */
export function ensureCorpus(root = DEFAULT_CORPUS, seed = 1): CorpusStats {
  fs.rmSync(path.join(path.dirname(root), 'corpus-v1'), { recursive: true, force: true });
  const marker = path.join(root, `.${CORPUS_VERSION}-seed-${seed}`);
  if (fs.existsSync(marker)) return measure(root);
  fs.rmSync(root, { recursive: true, force: true });
  const w = new Writer(seed);
  const write = (relative: string, text: string): void => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const kinds = ['entities', 'dto', 'schemas', 'models', 'services', 'services', 'services', 'controllers', 'components', 'utils'] as const;
  const lastEntity = new Map<string, EntityRef>();
  for (let i = 0; i < 2400; i++) {
    const pkg = `packages/pkg-${i % 12}/src`;
    const kind = kinds[i % kinds.length] ?? 'utils';
    const person = w.int(2) === 0;
    const name = person ? w.pick(PERSON_TYPES) : w.pick(THING_TYPES);
    switch (kind) {
      case 'entities': {
        const stem = `${name.toLowerCase()}-${i}`;
        const generated = entity(w, name, person, i);
        write(`${pkg}/entities/${stem}.entity.ts`, generated.text);
        lastEntity.set(pkg, { className: `${name}${i}`, stem, fields: generated.fields });
        break;
      }
      case 'dto': write(`${pkg}/dto/${name.toLowerCase()}-${i}.dto.ts`, dto(w, name, person, i)); break;
      case 'schemas': write(`${pkg}/schemas/${name.toLowerCase()}-${i}.schema.ts`, zodSchema(w, name, person, i)); break;
      case 'models': write(`${pkg}/models/${name.toLowerCase()}-${i}.model.ts`, mongooseModel(w, name, person, i)); break;
      case 'services': write(`${pkg}/services/${name.toLowerCase()}-${i}.service.ts`, service(w, name, i, lastEntity.get(pkg))); break;
      case 'controllers': write(`${pkg}/controllers/${name.toLowerCase()}-${i}.controller.ts`, service(w, `${name}Controller`, i)); break;
      case 'components': write(`${pkg}/components/${name}List${i}.tsx`, component(w, name, i)); break;
      default: write(`${pkg}/utils/helpers-${i}.ts`, utilities(w, i));
    }
  }
  for (let p = 0; p < 12; p++) write(`packages/pkg-${p}/prisma/schema.prisma`, prismaSchema(w, p));
  write('privacy.manifest.json', `${JSON.stringify({ purposes: { 'account.management': { label: 'Run accounts' } }, retentionPolicies: { account: { retention: 'P30D after account.closed' } } }, null, 2)}\n`);
  fs.writeFileSync(marker, '');
  return measure(root);
}
