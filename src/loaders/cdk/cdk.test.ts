import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { scan } from '../../engine/scan.js';
import { environmentPseudoParameters, loadCloudAssembly } from './index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const assembly = (dir: string) => loadCloudAssembly(join(root, 'fixtures', dir, 'manifest.json'), { cwd: root });

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

/** An assembly written to a fresh directory (`cdk.out` inside it): file name → content. */
function written(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-cdk-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const manifest = (artifacts: Record<string, unknown>): string => JSON.stringify({ version: '36.0.0', artifacts }, null, 1);
const stack = (templateFile: unknown): unknown => ({ type: 'aws:cloudformation:stack', properties: { templateFile } });
const stage = (directoryName: string): unknown => ({ type: 'cdk:cloud-assembly', properties: { directoryName } });
const BUCKET = { Type: 'AWS::S3::Bucket' };
const nestedStack = (assetPath: unknown): unknown => ({ Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'x' }, Metadata: { 'aws:asset:path': assetPath } });
const template = (resources: Record<string, unknown>): string => JSON.stringify({ Resources: resources }, null, 1);
const codes = (diagnostics: readonly { code: string }[]): string[] => diagnostics.map((d) => d.code);

describe('CDK cloud assembly from an untrusted source', () => {
  it('reads no file outside the assembly, as written or through a symlink, and never shows one', () => {
    const dir = written({
      'outside.json': template({ LeakedSECRET: BUCKET }),
      'cdk.out/manifest.json': manifest({ Good: stack('good.json'), Passwd: stack('/etc/passwd'), Up: stack('../outside.json'), Linked: stack('link.json') }),
      'cdk.out/good.json': template({ Bucket: BUCKET, Nested: nestedStack('../outside.json') }),
    });
    symlinkSync(join(dir, 'outside.json'), join(dir, 'cdk.out', 'link.json'));
    const { nodes, diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(nodes.map((n) => n.address)).toEqual(['Good/Bucket', 'Good/Nested']);
    expect(codes(diagnostics)).toEqual(['outside-assembly', 'outside-assembly', 'outside-assembly', 'outside-assembly']);
    expect(diagnostics[0]).toMatchObject({ level: 'error', file: 'cdk.out/manifest.json', line: 10, message: { en: 'stack Passwd: templateFile /etc/passwd is outside the cloud assembly; not read' } });
    expect(diagnostics[3]).toMatchObject({ file: 'cdk.out/good.json', line: 6 });
    expect(JSON.stringify(diagnostics)).not.toContain('SECRET');
  });

  it('does not follow a nested stack back to a template that contains it, and bounds the templates a stack loads', () => {
    // Four nested stacks naming their own template: 4^16 loads before.
    const cyclic = written({ 'cdk.out/manifest.json': manifest({ Loop: stack('loop.json') }), 'cdk.out/loop.json': template({ A: nestedStack('loop.json'), B: nestedStack('./loop.json'), Bucket: BUCKET }) });
    const loop = loadCloudAssembly(join(cyclic, 'cdk.out', 'manifest.json'), { cwd: cyclic });
    expect(loop.nodes.map((n) => n.address)).toEqual(['Loop/A', 'Loop/B', 'Loop/Bucket']);
    expect(loop.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'nested-stack-cycle', file: 'cdk.out/loop.json', line: 3 }),
      expect.objectContaining({ level: 'error', code: 'nested-stack-cycle', file: 'cdk.out/loop.json', line: 12 }),
    ]);

    // No cycle, but each template nests the next four times: 4^7 templates, where the CDK gives every nested stack a template of its own.
    const levels = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`cdk.out/t${i}.json`, template(i === 7 ? { Bucket: BUCKET } : { A: nestedStack(`t${i + 1}.json`), B: nestedStack(`t${i + 1}.json`), C: nestedStack(`t${i + 1}.json`), D: nestedStack(`t${i + 1}.json`) })]));
    const wide = written({ 'cdk.out/manifest.json': manifest({ Wide: stack('t0.json'), Again: stack('t0.json'), Other: stack('other.json') }), 'cdk.out/other.json': template({ Bucket: BUCKET }), ...levels });
    const started = Date.now();
    const { nodes, diagnostics } = loadCloudAssembly(join(wide, 'cdk.out', 'manifest.json'), { cwd: wide });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'template-listed-again', file: 'cdk.out/manifest.json' }),
      // Depth first: the first template named again is t7, by t6's second nested stack.
      expect.objectContaining({ level: 'warning', code: 'template-listed-again', file: 'cdk.out/t6.json' }),
    ]);
    expect(nodes.filter((n) => n.address.endsWith('/Bucket')).map((n) => n.address)).toEqual(['Wide/A/A/A/A/A/A/A/Bucket', 'Other/Bucket']);
  });

  it('finds a nested template through the asset manifest, and gives up on a TemplateURL no template has at once', () => {
    const assets = JSON.stringify({ version: '36.0.0', files: { h: { source: { path: 'inner.json', packaging: 'file' }, destinations: { d: { bucketName: 'b', objectKey: 'h.json' } } } } });
    const url = (key: string): unknown => ({ 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, '.amazonaws.com/bucket/', key]] });
    const dir = written({
      'cdk.out/manifest.json': manifest({ P: stack('p.json'), 'P.assets': { type: 'cdk:asset-manifest', properties: { file: 'P.assets.json' } } }),
      'cdk.out/P.assets.json': assets,
      'cdk.out/inner.json': template({ Bucket: BUCKET }),
      'cdk.out/p.json': template({
        Inner: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url('h.json') } },
        // A URL of 100,000 characters with no slash: looked at once, not searched back and forth.
        Odd: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'x'.repeat(100_000) } },
      }),
    });
    const started = Date.now();
    const { nodes, diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(nodes.map((n) => n.address)).toContain('P/Inner/Bucket');
    expect(codes(diagnostics)).toEqual(['nested-template-missing']);
  });

  it('bounds the templates a stack loads', () => {
    // A thousand nested stacks, each with a template of its own, each holding one more.
    const files = Object.fromEntries(Array.from({ length: 1100 }, (_, i) => [`cdk.out/n${i}.json`, template({ Bucket: BUCKET })]));
    const parent = template(Object.fromEntries(Array.from({ length: 1100 }, (_, i) => [`N${i}`, nestedStack(`n${i}.json`)])));
    const dir = written({ 'cdk.out/manifest.json': manifest({ Big: stack('big.json') }), 'cdk.out/big.json': parent, ...files });
    const { nodes, diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'too-many-templates', file: 'cdk.out/big.json' })]);
    expect(nodes.filter((n) => n.address.endsWith('/Bucket'))).toHaveLength(999);
  });

  it('reads each assembly directory once, however often stages name it', () => {
    const dir = written({
      'cdk.out/manifest.json': manifest({ S0: stage('.'), S1: stage('.'), Prod: stage('prod'), Stack: stack('t.json') }),
      'cdk.out/t.json': template({ Bucket: BUCKET }),
      'cdk.out/prod/manifest.json': manifest({ Back: stage('..'), Api: stack('api.json') }),
      'cdk.out/prod/api.json': template({ Bucket: BUCKET }),
    });
    const { nodes, diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(nodes.map((n) => n.address)).toEqual(['Api/Bucket', 'Stack/Bucket']);
    expect(diagnostics.map((d) => [d.level, d.code, d.file])).toEqual([
      ['warning', 'assembly-cycle', 'cdk.out/manifest.json'],
      ['warning', 'assembly-cycle', 'cdk.out/manifest.json'],
      ['warning', 'assembly-cycle', 'cdk.out/prod/manifest.json'],
    ]);
  });

  it('holds templates and manifests to --max-file-size and refuses binary ones, scanning the other stacks', async () => {
    const dir = written({
      'cdk.out/manifest.json': manifest({ Big: stack('big.json'), Zeros: stack('zeros.json'), Good: stack('good.json') }),
      'cdk.out/big.json': template({ Bucket: BUCKET, Padding: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'x'.repeat(2000) } } }),
      'cdk.out/zeros.json': Buffer.alloc(1000),
      'cdk.out/good.json': template({ Bucket: BUCKET }),
    });
    const outcome = await scan({ cwd: dir, paths: ['cdk.out'], policies: builtinPolicies, maxFileSize: 1500 });
    expect(outcome.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['too-large', 'cdk.out/big.json'],
      ['binary-file', 'cdk.out/zeros.json'],
    ]);
    expect(outcome.results.some((r) => r.resource.address === 'Good/Bucket')).toBe(true);
    const tooSmall = await scan({ cwd: dir, paths: ['cdk.out'], policies: builtinPolicies, maxFileSize: 10 });
    expect(tooSmall.diagnostics.map((d) => [d.code, d.file])).toEqual([['too-large', 'cdk.out/manifest.json']]);
  });

  it('names malformed artifacts and nested stack paths instead of skipping them', () => {
    const dir = written({
      'cdk.out/manifest.json': manifest({ Null: null, NoProps: { type: 'aws:cloudformation:stack', properties: null }, Number: stack(5), Stage: { type: 'cdk:cloud-assembly', properties: {} }, Tree: { type: 'cdk:tree' }, Good: stack('good.json') }),
      'cdk.out/good.json': template({ Bucket: BUCKET, Nested: nestedStack(5) }),
    });
    const { nodes, diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(nodes.map((n) => n.address)).toEqual(['Good/Bucket', 'Good/Nested']);
    expect(diagnostics.map((d) => [d.level, d.code, d.file, d.line, d.message.en])).toEqual([
      ['error', 'invalid-assembly', 'cdk.out/manifest.json', 4, 'artifact Null is not an object; not read'],
      ['error', 'invalid-assembly', 'cdk.out/manifest.json', 5, 'artifact NoProps has no properties object; not read'],
      ['error', 'invalid-assembly', 'cdk.out/manifest.json', 9, 'artifact Number: templateFile is not a string; not read'],
      ['error', 'invalid-assembly', 'cdk.out/manifest.json', 15, 'artifact Stage: directoryName is not a string; not read'],
      ['error', 'invalid-asset-path', 'cdk.out/good.json', 6, 'nested stack Nested: aws:asset:path is not a string; its template is not read'],
    ]);
  });
});

describe('a nested assembly whose manifest lists no artifacts', () => {
  it('is named with the line of its artifacts, or the manifest\'s first line where there is none', () => {
    const dir = written({
      'cdk.out/manifest.json': manifest({ Listed: { type: 'cdk:cloud-assembly', properties: { directoryName: 'listed' } }, Bare: { type: 'cdk:cloud-assembly', properties: { directoryName: 'bare' } } }),
      'cdk.out/listed/manifest.json': '{\n  "version": "41.0.0",\n  "artifacts": []\n}\n',
      'cdk.out/bare/manifest.json': '{\n  "version": "41.0.0"\n}\n',
    });
    const { diagnostics } = loadCloudAssembly(join(dir, 'cdk.out', 'manifest.json'), { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['invalid-assembly', 'cdk.out/listed/manifest.json', 3],
      ['invalid-assembly', 'cdk.out/bare/manifest.json', 1],
    ]);
  });
});

describe('a stack environment', () => {
  it('fixes the account, the Region and, where the Region’s name tells, its partition', () => {
    expect(environmentPseudoParameters('aws://111122223333/eu-west-1')).toEqual(
      new Map([
        ['AWS::AccountId', '111122223333'],
        ['AWS::Region', 'eu-west-1'],
        ['AWS::Partition', 'aws'],
        ['AWS::URLSuffix', 'amazonaws.com'],
      ]),
    );
    expect(environmentPseudoParameters('aws://111122223333/cn-northwest-1').get('AWS::URLSuffix')).toBe('amazonaws.com.cn');
    expect(environmentPseudoParameters('aws://111122223333/us-gov-west-1').get('AWS::Partition')).toBe('aws-us-gov');
    expect(environmentPseudoParameters('aws://111122223333/us-isob-east-1')).toEqual(
      new Map([
        ['AWS::AccountId', '111122223333'],
        ['AWS::Region', 'us-isob-east-1'],
      ]),
    );
  });

  it('fixes nothing where it is agnostic or not an environment', () => {
    expect(environmentPseudoParameters('aws://unknown-account/unknown-region').size).toBe(0);
    expect(environmentPseudoParameters('aws://111122223333/unknown-region')).toEqual(new Map([['AWS::AccountId', '111122223333']]));
    expect(environmentPseudoParameters(undefined).size).toBe(0);
    expect(environmentPseudoParameters('111122223333').size).toBe(0);
  });
});
