import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCloudAssembly } from './index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const assembly = (dir: string) => loadCloudAssembly(join(root, 'fixtures', dir, 'manifest.json'), root);

describe('CDK cloud assembly', () => {
  it('reads every stack and nested stack, addressed Stack/LogicalId, with construct paths', () => {
    const { nodes, diagnostics } = assembly('parity/cdk/cdk.out');
    expect(diagnostics).toEqual([]);
    const db = nodes.find((n) => n.type === 'AWS::RDS::DBInstance')!;
    expect(db.address).toBe('Parity/DatabaseNestedStackDatabaseNestedStackResourceE8B6E0F2/OrdersDatabase');
    expect(db.source).toMatchObject({ file: 'fixtures/parity/cdk/cdk.out/ParityDatabase7A9D2C1B.nested.template.json', constructPath: '/Parity/Database/OrdersDatabase' });
    // The nested stack's parameter comes from the parent template.
    expect(db.properties['Engine']).toBe('postgres');
    const bucket = nodes.find((n) => n.address === 'Parity/AssetsBucket5CB76180')!;
    expect(bucket.source).toEqual({ file: 'fixtures/parity/cdk/cdk.out/Parity.template.json', line: 31, constructPath: '/Parity/AssetsBucket/Resource' });
    expect(nodes.every((n) => n.format === 'cdk' && n.family === 'cloudformation')).toBe(true);
  });

  it('follows nested assemblies (stages) and takes construct paths from the manifest when templates lack them', () => {
    const { nodes, diagnostics } = assembly('loaders/cdk-stage/cdk.out');
    expect(diagnostics).toEqual([]);
    expect(nodes.map((n) => [n.address, n.source.constructPath])).toEqual([
      ['Prod/Api/HandlerServiceRoleFCDC14AE', '/Prod/Api/Handler/ServiceRole/Resource'],
      ['Prod/Api/Uploads1E6A0A3B', '/Prod/Api/Uploads/Resource'],
    ]);
  });

  it('reports a missing or malformed template and still reads the other stacks; a stack with no resources is no error', () => {
    const { nodes, diagnostics } = assembly('loaders/cdk-broken/cdk.out');
    expect(nodes.map((n) => n.address)).toEqual(['Good/Bucket']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'error', file: 'fixtures/loaders/cdk-broken/cdk.out/Missing.template.json', message: { en: 'file listed in the cloud assembly is missing', ja: 'クラウドアセンブリに記載されたファイルがありません' } }),
      expect.objectContaining({ level: 'error', file: 'fixtures/loaders/cdk-broken/cdk.out/Broken.template.json', line: 5 }),
    ]);
  });
});
