// The flow analysis's type checker: it resolves through relative imports and the ES lib, never
// reads node_modules, and after an edit parses only the edited file again (other trees are reused).
import * as assert from 'node:assert/strict';
import type { ts } from 'ts-morph';
import { compiler } from '../../server/src/engine/extract/typescript/compiler';
import { TypeService } from '../../server/src/engine/flows/type-service';
import { code } from '../harness/text';

function findAccess(tree: ts.SourceFile, text: string): ts.PropertyAccessExpression {
  let found: ts.PropertyAccessExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && compiler.isPropertyAccessExpression(node) && node.getText(tree) === text) found = node;
    compiler.forEachChild(node, visit);
  };
  visit(tree);
  assert.ok(found, `no ${text} in the tree`);
  return found;
}

describe('type service', () => {
  const files = new Map<string, string>([
    ['src/customer.ts', 'export interface Customer {\n  email: string;\n}\n'],
    ['src/load.ts', "import type { Customer } from './customer';\nexport async function load(): Promise<Customer[]> {\n  return [];\n}\n"],
    ['src/use.ts', code`
      import { load } from './load';
      import { z } from 'zod';
      export async function show() {
        const [first] = await load();
        const schema = z.object({});
        return [first.email, schema];
      }
    `],
    ['node_modules/zod/index.d.ts', 'export declare const z: any;\n'],
  ]);
  const service = new TypeService((relative) => files.get(relative));

  it('resolves a property read through an awaited list from another file', () => {
    const tree = service.treeFor('src/use.ts') as ts.SourceFile;
    const lookup = service.lookupFor(['src/use.ts']);
    const sites = lookup.propertyDeclarations(findAccess(tree, 'first.email'));
    assert.deepEqual(sites, [{ file: 'src/customer.ts', start: files.get('src/customer.ts')!.indexOf('email') }]);
  });

  it('never reads node_modules', () => {
    const lookup = service.lookupFor(['src/use.ts']);
    const tree = service.treeFor('src/use.ts') as ts.SourceFile;
    // node_modules/zod/index.d.ts exists, but packages are not read: z has no declaration there.
    const zObject = findAccess(tree, 'z.object');
    assert.deepEqual(lookup.typeDeclarations(zObject.expression).sites, []);
    assert.deepEqual(lookup.propertyDeclarations(zObject), []);
  });

  it('reuses the trees of unchanged files after an edit', () => {
    const before = { customer: service.treeFor('src/customer.ts'), load: service.treeFor('src/load.ts') };
    files.set('src/use.ts', `${files.get('src/use.ts')}// edited\n`);
    service.forget('src/use.ts');
    const edited = service.treeFor('src/use.ts') as ts.SourceFile;
    const lookup = service.lookupFor(['src/use.ts']);
    assert.equal(service.treeFor('src/customer.ts'), before.customer, 'customer.ts was not parsed again');
    assert.equal(service.treeFor('src/load.ts'), before.load, 'load.ts was not parsed again');
    assert.equal(lookup.propertyDeclarations(findAccess(edited, 'first.email'))[0]?.file, 'src/customer.ts');
  });
});
