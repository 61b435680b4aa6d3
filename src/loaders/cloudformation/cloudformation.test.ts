import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceNode } from '../../graph/resource.js';
import { Secret, Unknown } from '../../graph/values.js';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings } from '../../engine/finding.js';
import { scanText } from '../../engine/scan.js';
import { loadCloudFormation } from './index.js';

const accessLogs = builtinPolicies.filter((p) => p.id === 'aws-elb-access-logs');

const load = (text: string, parameters?: Record<string, string>) =>
  loadCloudFormation(text, 'template.yaml', parameters ? { parameters: new Map(Object.entries(parameters)) } : {});

/** The template's resources, without the `data` nodes of its parameters. */
const resources = (nodes: readonly ResourceNode[]): ResourceNode[] => nodes.filter((n) => n.mode === 'managed');

const node = (nodes: readonly ResourceNode[], id: string): ResourceNode => {
  const n = nodes.find((x) => x.address === id);
  if (!n) throw new Error(`no resource ${id}`);
  return n;
};

describe('CloudFormation YAML short-form intrinsics', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, Default: prod }
  Subnets: { Type: CommaDelimitedList, Default: "subnet-a, subnet-b" }
  Secret: { Type: String, NoEcho: true, Default: hunter2 }
  NoDefault: { Type: String }
  Latest: { Type: "AWS::SSM::Parameter::Value<String>", Default: /aws/service/ami }
Mappings:
  Sizes:
    prod: { Instance: m7g.large }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition NotProd, !Equals [!Ref NoDefault, x]]
  Unknowable: !Equals [!Ref NoDefault, x]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Thing:
    Type: AWS::Test::Thing
    DependsOn: [Bucket]
    Properties:
      Ref: !Ref Env
      RefResource: !Ref Bucket
      Pseudo: !Ref AWS::Region
      GetAtt: !GetAtt Bucket.Arn
      GetAttList: !GetAtt [Bucket, DomainName]
      Sub: !Sub "\${Env}-\${AWS::AccountId}-\${!Literal}"
      SubVars: !Sub ["\${A}-\${Env}", { A: x }]
      SubResource: !Sub "arn:aws:s3:::\${Bucket}/*"
      Join: !Join ["-", [a, !Ref Env]]
      Select: !Select [1, !Ref Subnets]
      Split: !Split [",", "a,b"]
      FindInMap: !FindInMap [Sizes, !Ref Env, Instance]
      IfTrue: !If [IsProd, yes-prod, no]
      IfFalse: !If [NotProd, yes, no]
      IfUnknown: !If [Unknowable, !Ref Bucket, other]
      Removed: !If [IsProd, !Ref AWS::NoValue, kept]
      Both: !If [Both, 1, 0]
      Either: !If [Either, 1, 0]
      ImportValue: !ImportValue shared-vpc
      Base64: !Base64 hello
      Cidr: !Cidr [10.0.0.0/16, 4, 8]
      GetAZs: !GetAZs ""
      Secret: !Ref Secret
      NoDefault: !Ref NoDefault
      Latest: !Ref Latest
      List: [!Ref Env, literal]
`;
  const { nodes, edges, diagnostics } = load(template);
  const p = node(nodes, 'Thing').properties;

  it('resolves what is known from parameters, mappings and conditions', () => {
    expect(diagnostics).toEqual([]);
    expect(p['Ref']).toBe('prod');
    expect(p['Sub']).toBeInstanceOf(Unknown);
    expect((p['Sub'] as Unknown).shape).toBe('prod-${AWS::AccountId}-${Literal}');
    expect(p['SubVars']).toBe('x-prod');
    expect(p['Join']).toBe('a-prod');
    expect(p['Select']).toBe('subnet-b');
    expect(p['Split']).toEqual(['a', 'b']);
    expect(p['FindInMap']).toBe('m7g.large');
    expect(p['IfTrue']).toBe('yes-prod');
    expect(p['IfFalse']).toBe('no');
    expect(p['Both']).toBe(1);
    expect(p['Base64']).toBe(Buffer.from('hello').toString('base64'));
    expect(p['List']).toEqual(['prod', 'literal']);
    expect('Removed' in p).toBe(false);
  });

  it('keeps what only deployment knows as unknown, with the resources it depends on', () => {
    const bucketId = node(nodes, 'Bucket').id;
    expect(p['RefResource']).toEqual(new Unknown([bucketId], '${Bucket}'));
    expect(p['Pseudo']).toEqual(new Unknown([], '${AWS::Region}'));
    expect(p['GetAtt']).toEqual(new Unknown([bucketId], '${Bucket.Arn}'));
    expect(p['GetAttList']).toEqual(new Unknown([bucketId], '${Bucket.DomainName}'));
    expect(p['SubResource']).toEqual(new Unknown([bucketId], 'arn:aws:s3:::${Bucket}/*'));
    // The condition is decided at deployment: either branch, each kept as the value it may take.
    expect(p['IfUnknown']).toEqual(new Unknown([bucketId], undefined, [new Unknown([bucketId], '${Bucket}'), 'other']));
    // Either is Or(false, unknown): unknown, so both branches may deploy.
    for (const key of ['ImportValue', 'Cidr', 'GetAZs', 'NoDefault', 'Latest', 'Either']) expect(p[key], key).toBeInstanceOf(Unknown);
  });

  it('never keeps the value of a NoEcho parameter', () => {
    expect(p['Secret']).toBe(Secret.instance);
    expect(JSON.stringify(nodes)).not.toContain('hunter2');
  });

  it('gives each parameter a data node with its declaration, a NoEcho default as a secret', () => {
    const env = node(nodes, 'Env');
    expect(env).toMatchObject({ type: 'AWS::CloudFormation::Parameter', mode: 'data', properties: { Type: 'String', Default: 'prod' }, source: { line: 3 } });
    expect(node(nodes, 'Secret').properties).toEqual({ Type: 'String', NoEcho: true, Default: Secret.instance });
    expect(node(nodes, 'NoDefault').properties).toEqual({ Type: 'String' });
    expect(edges.some((e) => e.to === env.id)).toBe(false);
  });

  it('records references and DependsOn as edges, with the property path', () => {
    const from = node(nodes, 'Thing').id;
    const to = node(nodes, 'Bucket').id;
    expect(edges).toContainEqual({ from, to, kind: 'depends-on', path: '' });
    for (const path of ['RefResource', 'GetAtt', 'GetAttList', 'SubResource', 'IfUnknown']) {
      expect(edges).toContainEqual({ from, to, kind: 'reference', path });
    }
  });

  it('knows the line of each resource and property', () => {
    const thing = node(nodes, 'Thing');
    expect(thing.source.line).toBe(20);
    expect(thing.propertyLines?.get('Ref')).toBe(24);
    expect(thing.propertyLines?.get('List[1]')).toBe(49);
  });
});

describe('a NoEcho written other than as a boolean', () => {
  const template = (noEcho: unknown): string =>
    JSON.stringify({
      Parameters: { Token: { Type: 'String', NoEcho: noEcho, Default: 'token-5f1a' } },
      Resources: { Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { StageName: { 'Fn::Sub': 'v-${Token}' }, Description: { Ref: 'Token' } } } },
    });
  const isFalse = (v: unknown): boolean => v === false || (typeof v === 'string' && v.toLowerCase() === 'false');

  it('hides the value whatever it is, unless it says false: CloudFormation refuses such a template, but its author meant the value hidden', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('TRUE', 'yes', '', 'False', { 'Fn::GetAZs': true }, null)).filter((v) => !isFalse(v)),
        (noEcho) => {
          const { nodes } = load(template(noEcho));
          expect(JSON.stringify(nodes)).not.toContain('token-5f1a');
          expect(node(nodes, 'Token').properties['NoEcho']).toBe(true);
        },
      ),
    );
  });

  it('shows it where NoEcho is a false, in any spelling', () => {
    for (const noEcho of [false, 'false', 'FALSE']) expect(node(load(template(noEcho)).nodes, 'Token').properties['Default']).toBe('token-5f1a');
  });
});

describe('CloudFormation parameters and conditions', () => {
  it('warns of a value given for a parameter that its AllowedValues do not list, and uses it', () => {
    const text = 'Parameters:\n  Access:\n    Type: String\n    AllowedValues: [Private, PublicRead]\n    Default: Private\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Access\n';
    const { nodes, diagnostics } = load(text, { Access: 'Publicread' });
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'parameter-not-allowed', line: 2 })]);
    expect(node(nodes, 'Bucket').properties['AccessControl']).toBe('Publicread');
    expect(load(text, { Access: 'PublicRead' }).diagnostics).toEqual([]);
  });

  const template = `Parameters:
  Public: { Type: String, Default: "false" }
Conditions:
  MakePublic: !Equals [!Ref Public, "true"]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [MakePublic, PublicRead, Private]
  OnlyWhenPublic:
    Type: AWS::S3::BucketPolicy
    Condition: MakePublic
    Properties:
      Bucket: !Ref Bucket
`;
  it('evaluates conditions from parameter defaults', () => {
    const { nodes } = load(template);
    expect(node(nodes, 'Bucket').properties['AccessControl']).toBe('Private');
    expect(resources(nodes).map((n) => n.address)).toEqual(['Bucket']);
  });

  it('lets values given on the command line override the defaults', () => {
    const { nodes } = load(template, { Public: 'true' });
    expect(node(nodes, 'Bucket').properties['AccessControl']).toBe('PublicRead');
    expect(resources(nodes).map((n) => n.address)).toEqual(['Bucket', 'OnlyWhenPublic']);
  });

  it('treats a condition on a parameter without a value as unknown: both branches may deploy', () => {
    const { nodes } = load(template.replace('Default: "false"', 'Description: none'));
    expect(node(nodes, 'Bucket').properties['AccessControl']).toBeInstanceOf(Unknown);
    expect(resources(nodes).map((n) => n.address)).toEqual(['Bucket', 'OnlyWhenPublic']);
  });
});

describe('Properties written as one Fn::If between two sets', () => {
  const template = `Parameters:
  Logs: { Type: String }
  Plain: { Type: String, Default: "no" }
Conditions:
  LogsOn: !Equals [!Ref Logs, "yes"]
  PlainOn: !Equals [!Ref Plain, "yes"]
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: !If
      - LogsOn
      - LoadBalancerAttributes:
          - { Key: access_logs.s3.enabled, Value: "true" }
          - { Key: access_logs.s3.bucket, Value: logs }
        Scheme: internal
      - LoadBalancerAttributes:
          - { Key: access_logs.s3.enabled, Value: "false" }
  Bucket:
    Type: AWS::S3::Bucket
    Properties: !If [PlainOn, !Ref AWS::NoValue, { BucketName: named }]
`;

  it('keeps each property undecided when the condition is, rather than reading the resource as having none', () => {
    const alb = node(load(template).nodes, 'Alb');
    expect(Object.keys(alb.properties)).toEqual(['LoadBalancerAttributes', 'Scheme']);
    expect(alb.properties['LoadBalancerAttributes']).toBeInstanceOf(Unknown);
    expect((alb.properties['Scheme'] as Unknown).alternatives).toEqual(['internal', undefined]);
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies: accessLogs }).results, 'en');
    expect(findings.map((f) => `${f.resource} ${f.status}`)).toEqual(['Alb unknown']);
  });

  it('takes the set a known condition picks, AWS::NoValue as no properties', () => {
    const { nodes } = load(template, { Logs: 'no', Plain: 'yes' });
    expect(node(nodes, 'Alb').properties).toEqual({ LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] });
    expect(node(nodes, 'Bucket').properties).toEqual({});
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies: accessLogs, parameters: new Map([['Logs', 'no']]) }).results, 'en');
    expect(findings.map((f) => `${f.resource} ${f.status}`)).toEqual(['Alb fail']);
  });
});

describe('Fn::FindInMap with a key known only at deployment', () => {
  const template = (east: string) => `Mappings:
  ElbAccount:
    us-east-1: { Id: "${east}" }
    us-west-2: { Id: "797873946194" }
    eu-west-1: { Id: "156460612806" }
  Names:
    us-east-1: { Prefix: logs }
    us-west-2: { Prefix: logs }
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub
        - \${Prefix}-\${AWS::AccountId}
        - Prefix: !FindInMap [Names, !Ref AWS::Region, Prefix]
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Logs
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !FindInMap [ElbAccount, !Ref AWS::Region, Id]
            Action: s3:PutObject
            Resource: !Sub arn:\${AWS::Partition}:s3:::\${Logs}/AWSLogs/*
`;
  const publicPolicy = builtinPolicies.filter((p) => p.id === 'aws-s3-bucket-public-policy');
  const scan = (text: string) => toFindings(scanText([{ file: 'template.yaml', text }], { policies: publicPolicy }).results, 'en').map((f) => `${f.resource} ${f.status}`);

  it('is one of the values the mapping holds for the known keys, and the same value in every entry is known', () => {
    const { nodes } = load(template('127311923021'));
    const principal = (node(nodes, 'LogsPolicy').properties['PolicyDocument'] as { Statement: { Principal: { AWS: unknown } }[] }).Statement[0]!.Principal.AWS;
    expect(principal).toBeInstanceOf(Unknown);
    expect((principal as Unknown).alternatives).toEqual(['127311923021', '797873946194', '156460612806']);
    expect(node(nodes, 'Logs').properties['BucketName']).toEqual(new Unknown([], 'logs-${AWS::AccountId}'));
  });

  it('decides a bucket policy granting the load balancer account of each Region: not public, unless one of them is anyone', () => {
    expect(scan(template('127311923021'))).toEqual([]);
    expect(scan(template('*'))).toEqual(['Logs unknown']);
    // Fn::If on a condition decided at deployment: each branch is one of the values.
    const conditional = (other: string) =>
      `Parameters:\n  Env: { Type: String }\nConditions:\n  Prod: !Equals [!Ref Env, prod]\n${template('1').replace(/Mappings:[^]*?Resources:\n/, 'Resources:\n').replace(/!Sub\n.*\n.*Prefix\]\n/, 'logs\n').replace('!FindInMap [ElbAccount, !Ref AWS::Region, Id]', `!If [Prod, "111122223333", "${other}"]`)}`;
    expect(scan(conditional('444455556666'))).toEqual([]);
    expect(scan(conditional('*'))).toEqual(['Logs unknown']);
  });
});

describe('names that are properties of every object', () => {
  it('are no mapping entries: Fn::FindInMap of constructor, __proto__ or toString is unknown', () => {
    const { nodes } = load(`Mappings:\n  M:\n    K: { a: b }\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !FindInMap [M, K, constructor]\n      AccessControl: !FindInMap [M, K, __proto__]\n      ObjectLockEnabled: !FindInMap [M, K, toString]\n`);
    const p = node(nodes, 'B').properties;
    for (const key of ['BucketName', 'AccessControl', 'ObjectLockEnabled']) expect(p[key], key).toBeInstanceOf(Unknown);
  });
});

describe('a condition the template does not declare', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  IsProd: !Equals [prod, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [MakePublic, PublicRead, Private]
      BucketName: !If [constructor, a, b]
  Queue:
    Type: AWS::SQS::Queue
    Condition: MakePublic
`;

  it('is one warning per name, at the resource that first names it, and leaves what it decides undecided', () => {
    const { nodes, diagnostics } = load(template);
    expect(diagnostics.map((d) => [d.code, d.line, d.message.en.split(':')[0]])).toEqual([
      ['undeclared-condition', 5, 'condition MakePublic is not declared in Conditions'],
      ['undeclared-condition', 5, 'condition constructor is not declared in Conditions'],
    ]);
    expect(node(nodes, 'Bucket').properties['AccessControl']).toBeInstanceOf(Unknown);
    // A name that is a property of every object is no declared condition either.
    expect(node(nodes, 'Bucket').properties['BucketName']).toBeInstanceOf(Unknown);
    expect(resources(nodes).map((n) => n.address)).toEqual(['Bucket', 'Queue']);
  });
});

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  const template = `Transform: AWS::LanguageExtensions
Parameters:
  Teams: { Type: CommaDelimitedList, Default: "alpha,beta-2" }
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Fn::ForEach::TeamBuckets:
    - Team
    - !Ref Teams
    - "Bucket&{Team}":
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "acme-\${Team}"
          Tags: [{ Key: team, Value: !Ref Team }]
          LoggingConfiguration:
            DestinationBucketName: !Ref Logs
  Fn::ForEach::Later:
    - Name
    - !GetAtt Logs.Arn
    - "Queue\${Name}": { Type: AWS::SQS::Queue }
`;
  const { nodes, edges, diagnostics } = load(template);

  it('makes one resource per element, the identifier replaced in its logical ID and values, at the lines of the loop body', () => {
    expect(resources(nodes).map((n) => n.address)).toEqual(['Logs', 'Bucketalpha', 'Bucketbeta2']);
    const beta = node(nodes, 'Bucketbeta2');
    expect(beta.properties).toMatchObject({ BucketName: 'acme-beta-2', Tags: [{ Key: 'team', Value: 'beta-2' }] });
    expect(beta.source.line).toBe(10);
    expect(beta.propertyLines?.get('LoggingConfiguration.DestinationBucketName')).toBe(16);
    expect(edges).toContainEqual({ from: 'template.yaml#Bucketbeta2', to: 'template.yaml#Logs', kind: 'reference', path: 'LoggingConfiguration.DestinationBucketName' });
  });

  it('follows a parameter given on the command line', () => {
    expect(resources(load(template, { Teams: 'ops' }).nodes).map((n) => n.address)).toEqual(['Logs', 'Bucketops']);
  });

  it('reports a loop over a collection known only at deployment, and leaves its resources out', () => {
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'for-each-unknown', line: 17 })]);
  });

  it('follows Ref and Fn::GetAtt whose logical ID is itself an intrinsic, as the transform allows', () => {
    const looped = load(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [logs, data]
    - "\${Name}Bucket": { Type: AWS::S3::Bucket }
      "\${Name}Policy":
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref { Fn::Sub: "\${Name}Bucket" }
          PolicyDocument: { Statement: [{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: !GetAtt [!Sub "\${Name}Bucket", Arn] }] }
`);
    expect(looped.diagnostics).toEqual([]);
    expect(looped.edges.filter((e) => e.from === 'template.yaml#dataPolicy').map((e) => [e.path, e.to])).toEqual([
      ['Bucket', 'template.yaml#dataBucket'],
      ['PolicyDocument.Statement[0].Resource', 'template.yaml#dataBucket'],
    ]);
  });

  it('expands a loop written among the keys of a property value, beside the keys written there and in loops of its own', () => {
    const { nodes, diagnostics } = load(`Transform: AWS::LanguageExtensions
Parameters:
  Flags: { Type: CommaDelimitedList, Default: "BlockPublicAcls,IgnorePublicAcls" }
Mappings:
  Owners: { alpha: { Id: "111111111111" }, beta: { Id: "222222222222" } }
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: true
        Fn::ForEach::Flags:
          - Flag
          - !Ref Flags
          - \${Flag}: true
        Fn::ForEach::Last: [Flag, [RestrictPublicBuckets], { "\${Flag}": !Ref AWS::NoValue }]
      Tags:
        - Fn::ForEach::Owners:
            - Team
            - [alpha, beta]
            - Fn::ForEach::Fields:
                - Field
                - [Id]
                - "\${Team}\${Field}": !FindInMap [Owners, !Ref Team, !Ref Field]
`);
    expect(diagnostics).toEqual([]);
    expect(node(nodes, 'Data').properties).toEqual({
      PublicAccessBlockConfiguration: { BlockPublicPolicy: true, BlockPublicAcls: true, IgnorePublicAcls: true },
      Tags: [{ alphaId: '111111111111', betaId: '222222222222' }],
    });
  });

  it('leaves a property value unknown whose loop goes over a collection known only at deployment, or past the bound on values', () => {
    const items = JSON.stringify(Array.from({ length: 1000 }, (_, i) => `i${i}`));
    const started = Date.now();
    const { nodes } = load(`Transform: AWS::LanguageExtensions
Resources:
  Later:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: true
        Fn::ForEach::Flags: [Flag, !GetAZs "", { "\${Flag}": true }]
  Bombed:
    Type: AWS::S3::Bucket
    Properties:
      Metadata:
        Fn::ForEach::A:
          - A
          - ${items}
          - Fn::ForEach::B:
              - B
              - ${items}
              - Fn::ForEach::C: [C, ${items}, { "\${A}\${B}\${C}": x }]
`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(node(nodes, 'Later').properties['PublicAccessBlockConfiguration']).toBeInstanceOf(Unknown);
    expect(node(nodes, 'Bombed').properties['Metadata']).toBeInstanceOf(Unknown);
  });

  it('stops nested loops at 5,000 resources, and says so once, at the loop that would make more', () => {
    const items = JSON.stringify(Array.from({ length: 100 }, (_, i) => `i${i}`));
    const started = Date.now();
    const bombed = load(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::A:
    - A
    - ${items}
    - Fn::ForEach::B:
        - B
        - ${items}
        - Fn::ForEach::C:
            - C
            - ${items}
            - "Bucket\${A}\${B}\${C}": { Type: AWS::S3::Bucket }
`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(resources(bombed.nodes)).toHaveLength(5_000);
    expect(bombed.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'for-each-limit', line: 6 })]);
  });
});

describe('templates built to expand without end', () => {
  it('stops loops that make nothing, and loops that copy a large body, at a bound', () => {
    const items = JSON.stringify(Array.from({ length: 1000 }, (_, i) => `i${i}`));
    const empty = load(`Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::A:\n    - A\n    - ${items}\n    - Fn::ForEach::B:\n        - B\n        - ${items}\n        - Fn::ForEach::C:\n            - C\n            - ${items}\n            - {}\n`);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['for-each-limit']);
    const tags = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })));
    const big = load(`Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::A:\n    - A\n    - ${items}\n    - "B\${A}": { Type: AWS::S3::Bucket, Properties: { Tags: ${tags} } }\n`);
    expect(big.diagnostics.map((d) => d.code)).toEqual(['for-each-limit']);
    expect(resources(big.nodes).length).toBeLessThan(1000);
  });

  it('reads a mapping value as the literal it must be, never expanding intrinsics written in one', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `    L${i}: { v: [!FindInMap [M, L${i + 1}, v], !FindInMap [M, L${i + 1}, v]] }`).join('\n');
    const { nodes, diagnostics } = load(`Mappings:\n  M:\n${levels}\n    L30: { v: x }\n    Self: { v: !FindInMap [M, Self, v] }\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: !FindInMap [M, L0, v]\n      BucketName: !FindInMap [M, Self, v]\n`);
    expect(diagnostics).toEqual([]);
    expect(node(nodes, 'B').properties['Tags']).toBeInstanceOf(Unknown);
    expect(node(nodes, 'B').properties['BucketName']).toBeInstanceOf(Unknown);
  });

  it('leaves a long chain of conditions undecided, and reads a Fn::Sub with unclosed ${ in linear time', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => `  C${i}: !Not [!Condition C${i + 1}]`).join('\n');
    const started = Date.now();
    const { nodes, diagnostics } = load(`Parameters:\n  P: { Type: String }\nConditions:\n${chain}\n  C3000: !Equals [!Ref P, x]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C0\n    Properties:\n      BucketName: !Sub "${'${'.repeat(100_000)}"\n`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(diagnostics).toEqual([]);
    expect(node(nodes, 'B').properties['BucketName']).toBe('${'.repeat(100_000));
  });
});

describe('CloudFormation JSON', () => {
  it('reads the same tree with lines', () => {
    const json = `{
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": { "Fn::Join": ["-", ["a", { "Ref": "AWS::Region" }]] },
        "Tags": [{ "Key": "k", "Value": "v" }]
      }
    }
  }
}`;
    const { nodes, diagnostics } = load(json);
    expect(diagnostics).toEqual([]);
    const bucket = node(nodes, 'Bucket');
    expect(bucket.source.line).toBe(3);
    expect(bucket.propertyLines?.get('Tags[0].Value')).toBe(7);
    expect((bucket.properties['BucketName'] as Unknown).shape).toBe('a-${AWS::Region}');
  });
});

describe('malformed templates', () => {
  it.each([
    ['invalid YAML', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: [\n', 'invalid YAML', 4],
    ['truncated JSON', '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bu', 'invalid JSON', 4],
    ['no Resources', 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing\n', 'no Resources section', 1],
  ])('%s: one diagnostic with its line', (_, text, message, line) => {
    const { nodes, diagnostics } = load(text);
    expect(nodes).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: 'error', file: 'template.yaml', line });
    expect(diagnostics[0]!.message.en).toContain(message);
  });

  it('reads a template JSON refuses as YAML, as CloudFormation does: unquoted keys and a trailing comma', () => {
    const text = `{
  Resources: {
    "Key": {
      "Type": "AWS::KMS::Key",
      "Properties": { "EnableKeyRotation": false, },
    },
  }
}`;
    const { results, diagnostics } = scanText([{ file: 'template.json', text }], { policies: builtinPolicies.filter((p) => p.id === 'aws-kms-rotation') });
    expect(diagnostics).toEqual([]);
    expect(toFindings(results, 'en').map((f) => `${f.resource} ${f.status} line ${f.line}`)).toEqual(['Key fail line 5']);
  });

  it('tells the JSON error of a template that is neither JSON nor YAML', () => {
    const { diagnostics } = load('{\n  "Resources": {\n    "Key": { "Type": "AWS::KMS::Key" }\n  }}\n}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', line: 5, message: expect.objectContaining({ en: 'invalid JSON: unexpected content after the end of the document' }) })]);
  });

  it('checks each of several YAML documents as a template of its own, and warns that CloudFormation refuses the file', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n---\nResources:\n  B:\n    Type: AWS::SNS::Topic\n---\nResources: [\n---\nResources:\n  A:\n    Type: AWS::SQS::Queue\n';
    const { nodes, diagnostics } = load(text);
    expect(nodes.map((n) => `${n.address} ${n.type} ${n.source.file}:${n.source.line}`)).toEqual([
      'A AWS::S3::Bucket template.yaml:2',
      'B AWS::SNS::Topic template.yaml:6',
      'A AWS::SQS::Queue template.yaml:12',
    ]);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(3);
    expect(diagnostics.map((d) => [d.level, d.line, d.message.en])).toEqual([
      ['warning', 4, 'a second YAML document starts here: a CloudFormation template is one document per file (CloudFormation refuses this file); each document is checked as a template of its own'],
      ['error', 10, expect.stringContaining('invalid YAML')],
    ]);
  });

  it('says which transforms it does not run — a macro, AWS::Include in the Resources section or in properties — instead of refusing the template or staying silent', () => {
    const text = [
      'Transform: [AWS::LanguageExtensions, CountMacro]',
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Fn::Transform:',
      '        Name: AWS::Include',
      '        Parameters: { Location: s3://snippets/bucket-properties.yaml }',
      '  Fn::Transform:',
      '    Name: AWS::Include',
      '    Parameters: { Location: s3://snippets/more-resources.yaml }',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const { nodes, diagnostics } = load(text);
    expect(resources(nodes).map((n) => n.address)).toEqual(['Bucket', 'Queue']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'transform-not-applied', line: 9, message: expect.objectContaining({ en: expect.stringContaining('Fn::Transform (AWS::Include) inserts content into the Resources section') }) }),
      expect.objectContaining({ level: 'warning', code: 'transform-not-applied', line: 1, message: expect.objectContaining({ en: expect.stringMatching(/^the template names the transform CountMacro, which CloudFormation runs/) }) }),
      expect.objectContaining({ level: 'warning', code: 'transform-not-applied', line: 6, message: expect.objectContaining({ en: expect.stringContaining('inserts content into the properties of Bucket') }) }),
    ]);
    // The transforms applied here are not warned of.
    expect(load(text.replace(', CountMacro', '').replace(/ {2}Fn::Transform:\n.*\n.*more-resources.yaml }\n/, '').replace(/ {4}Properties:\n(.*\n){3}/, '')).diagnostics).toEqual([]);
  });

  it('leaves a setting not written undecided where AWS::Include may insert it into the properties, rather than failing it as not set', () => {
    const template = (properties: string): string =>
      ['Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: reports', properties, ''].join('\n');
    const included = template('      Fn::Transform:\n        Name: AWS::Include\n        Parameters: { Location: s3://snippets/bucket-logging.yaml }');
    const scanned = (text: string, lang: 'en' | 'ja') => {
      const { results } = scanText([{ file: 'template.yaml', text }], { policies: builtinPolicies });
      return toFindings(results, lang).filter((f) => f.policyId === 'aws-s3-access-logging');
    };
    // Without the include, no logging is written: a failure.
    expect(scanned(template(''), 'en').map((f) => f.status)).toEqual(['fail']);
    const [finding] = scanned(included, 'en');
    expect(finding).toMatchObject({ status: 'unknown', resource: 'Bucket', line: 2 });
    expect(finding!.message).toBe(
      'Cannot be decided from the source: LoggingConfiguration of Bucket is not written here, and its properties also come from Fn::Transform AWS::Include, which CloudFormation inserts when it deploys the template. sekisho does not run the transform: write the setting in the template itself, or check the included snippet.',
    );
    expect(scanned(included, 'ja')[0]!.message).toContain('Bucket の LoggingConfiguration はここには書かれていませんが、このリソースのプロパティには Fn::Transform AWS::Include の内容も加わります');
    // What the template writes beside the include is read as written.
    const named = scanText([{ file: 'template.yaml', text: included }], { policies: builtinPolicies }).graph.nodes[0]!;
    expect(named.properties['BucketName']).toBe('reports');
  });

  it('reads a quoted value continued on a line no deeper than its key, as the AWS CLI and AWS SAM do, but not one never closed', () => {
    const text = [
      "Description: 'A template whose description",
      "goes on at the left margin'",
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      "      DisplayName: 'Alerts for the team''s",
      "      on-call rota'",
      '      TopicName: "alerts-\\"prod\\"-for',
      '      the-team"',
      '      KmsMasterKeyId: alias/aws/sns',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const { nodes, diagnostics } = load(text);
    expect(diagnostics).toEqual([]);
    const topic = node(nodes, 'Topic');
    expect(topic.properties).toEqual({ DisplayName: "Alerts for the team's on-call rota", TopicName: 'alerts-"prod"-for the-team', KmsMasterKeyId: 'alias/aws/sns' });
    expect(topic.propertyLines?.get('KmsMasterKeyId')).toBe(11);
    expect(node(nodes, 'Queue').source.line).toBe(12);
    for (const broken of [text.replace("on-call rota'", 'on-call rota'), text.replace("goes on at the left margin'", 'goes on at the left margin')]) {
      expect(load(broken).diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error' })]);
    }
  });

  it('reads a flow collection closed at its key\'s indentation, as the AWS CLI and AWS SAM do, but not one never closed', () => {
    const text = [
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::TopicPolicy',
      '    Properties:',
      '      Topics: [!Ref Alerts]',
      '      PolicyDocument:',
      '        Statement: [{',
      '          "Effect": "Allow",',
      '          "Principal": "*",',
      '          "Action": "sns:Publish",',
      '          "Resource": "*"',
      '        }]',
      '  Alerts:',
      '    Type: AWS::SNS::Topic',
      '',
    ].join('\n');
    const { nodes, diagnostics } = load(text);
    expect(diagnostics).toEqual([]);
    const policy = node(nodes, 'Topic');
    expect(policy.properties['PolicyDocument']).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*' }] });
    expect(policy.propertyLines?.get('PolicyDocument.Statement[0].Action')).toBe(10);
    expect(node(nodes, 'Alerts').source.line).toBe(13);
    for (const broken of [text.replace('        }]\n', ''), text.replace('        }]\n', '        }\n')]) {
      expect(load(broken).diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error' })]);
    }
    // Each such line costs a parse of the whole text: past a bound on the text parsed again, the
    // template is refused as YAML 1.2 refuses it, rather than parsed a thousand times.
    const many = ['Resources:', ...Array.from({ length: 1000 }, (_, i) => [`  Topic${i}:`, ...text.split('\n').slice(2, 12)].join('\n')), ''].join('\n');
    expect(load(many).diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error' })]);
    expect(resources(load(many.split('\n').slice(0, 11 * 3 + 1).join('\n')).nodes)).toHaveLength(3);
  });

  it('reads a key written twice as CloudFormation does, the last one kept, and warns at it', () => {
    const { nodes, diagnostics } = load(
      'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n      VersioningConfiguration:\n        Status: Suspended\n  Data:\n    Type: AWS::SQS::Queue\n',
    );
    expect(resources(nodes).map((n) => [n.address, n.type, n.source.line])).toEqual([['Data', 'AWS::SQS::Queue', 9]]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'duplicate-key', line: 7, message: expect.objectContaining({ en: expect.stringContaining('key "VersioningConfiguration" is written twice in this mapping (first on line 5)') }) }),
      expect.objectContaining({ level: 'warning', code: 'duplicate-key', line: 9, message: expect.objectContaining({ ja: expect.stringContaining('キー "Data" が同じマッピングに 2 回書かれています（最初は 2 行目）') }) }),
    ]);
    // Thousands of them are ten warnings and a count, not thousands of lines of report.
    const tags = Array.from({ length: 5000 }, () => '        Env: prod').join('\n');
    const many = load(`Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n${tags}\n`).diagnostics;
    expect(many).toHaveLength(11);
    expect(many[10]!.message.en).toBe('4989 more keys are written twice in their mappings; CloudFormation keeps the last of each');
  });

  it('warns at a tag CloudFormation does not take, in English and Japanese, and reads the value it tags as not known', () => {
    const { nodes, diagnostics } = load(
      'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Rain::Embed name.txt\n      VersioningConfiguration:\n        Status: !GetAttr Other.Status\n      PublicAccessBlockConfiguration: !Custom\n        BlockPublicAcls: true\n      Tags: [{ Key: Env, Value: !Ref AWS::Region }, { Key: Loop, Value: !ForEach x }]\n',
    );
    expect(diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'unknown-tag', 5],
      ['warning', 'unknown-tag', 7],
      ['warning', 'unknown-tag', 8],
      ['warning', 'unknown-tag', 10],
    ]);
    expect(diagnostics[1]!.message).toEqual({
      en: '!GetAttr is not a CloudFormation short-form function (!Ref, !Sub, !GetAtt, !If, …), so CloudFormation refuses the template as written; the value it tags is taken as not known before deployment. Expand it first with the tool it belongs to, or correct its spelling',
      ja: '!GetAttr は CloudFormation の短縮形の組み込み関数（!Ref、!Sub、!GetAtt、!If など）ではないため、このままでは CloudFormation がテンプレートを受け付けません。このタグが付いた値はデプロイ前には分からないものとして扱います。対応するツールで先に展開するか、綴りを直してください',
    });
    const { properties } = node(nodes, 'Data');
    expect(properties['BucketName']).toBeInstanceOf(Unknown);
    expect((properties['VersioningConfiguration'] as { Status: unknown }).Status).toBeInstanceOf(Unknown);
    expect(properties['PublicAccessBlockConfiguration']).toBeInstanceOf(Unknown);
    expect((properties['Tags'] as { Value: unknown }[]).map((t) => t.Value instanceof Unknown)).toEqual([true, true]);
    // Thousands of them are ten warnings and a count.
    const many = load(`Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n${Array.from({ length: 500 }, () => '        - !Embed tag.json').join('\n')}\n`).diagnostics;
    expect(many).toHaveLength(11);
    expect(many[10]!.message.en).toBe('490 more values carry tags that are not CloudFormation short-form functions; each is taken as not known before deployment');
  });

  it('warns of no tag CloudFormation takes', () => {
    const shortForms = ['!Ref B', '!Sub x', '!GetAtt B.Arn', '!Join [",", [a]]', '!Select [0, [a]]', '!Split [",", a]', '!FindInMap [M, a, b]', '!Base64 a', '!Cidr [10.0.0.0/16, 1, 8]', '!GetAZs ""', '!ImportValue x', '!Transform { Name: x }', '!ToJsonString [a]', '!Length [a]'];
    const conditions = ['!Equals [a, b]', '!And [!Condition C, !Condition C]', '!Or [!Condition C, !Condition C]', '!Not [!Condition C]', '!If [C, a, b]'];
    const text = `Conditions:\n  C: !Equals [a, a]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n${[...shortForms, ...conditions].map((v, i) => `      K${i}: ${v}`).join('\n')}\n`;
    expect(load(text).diagnostics).toEqual([]);
  });

  it('points an unclosed quote at the line it opens on, and says in Japanese what is wrong', () => {
    const { diagnostics } = load('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: "abc }\n  C:\n    Type: AWS::SQS::Queue\n');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', line: 4 })]);
    expect(diagnostics[0]!.message).toEqual({ en: 'invalid YAML: Missing closing "quote', ja: 'YAML として読めません: 引用符が閉じられていません（Missing closing "quote）' });
    const tab = load('Resources:\n  B:\n\tType: AWS::S3::Bucket\n').diagnostics[0]!;
    expect(tab.message.ja).toMatch(/^YAML として読めません: .*タブ/);
  });

  it('reports a resource without Type and keeps the others', () => {
    const { nodes, diagnostics } = load('Resources:\n  Good:\n    Type: AWS::S3::Bucket\n  Bad:\n    Properties: {}\n');
    expect(nodes.map((n) => n.address)).toEqual(['Good']);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', line: 4, message: { en: 'resource Bad has no Type', ja: 'リソース Bad に Type がありません' } })]);
  });

  it('gives the line of a resource, parameter or output whatever its name holds (a.b, [0], nothing): CloudFormation refuses such names, but the user must find them', () => {
    const name = fc.oneof(fc.constantFrom('a.b', '[0]', '', 'x[1].y', '.', 'Ok'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(name, name, (resource, parameter) => {
        const text = [
          '{',
          `  "Parameters": { ${JSON.stringify(parameter)}: { "Type": "String", "Default": "d" } },`,
          '  "Resources": {',
          `    ${JSON.stringify(resource)}: "not a mapping",`,
          `    "Bucket${resource === 'Bucket' ? '2' : ''}": { "Type": "AWS::S3::Bucket" }`,
          '  }',
          '}',
        ].join('\n');
        const { nodes, diagnostics } = loadCloudFormation(text, 'template.json');
        expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid-resource', line: 4 })]);
        expect(nodes.find((n) => n.type === 'AWS::CloudFormation::Parameter')?.source.line).toBe(2);
      }),
    );
  });

  it('points an entry the source gives no line of, as a short-form tag on the Resources section makes, at the section', () => {
    const { diagnostics } = load('AWSTemplateFormatVersion: "2010-09-09"\nResources: !GetAtt\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid-resource', line: 2, message: expect.objectContaining({ en: 'resource Fn::GetAtt has no Type' }) })]);
  });

  it('reports absurd nesting as such rather than overflowing the stack', () => {
    const { diagnostics } = load(`Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'too-deep', line: 5, message: { en: 'nested deeper than 512 levels', ja: '入れ子が 512 階層を超えています' } })]);
  });

  it('stops a YAML alias bomb with a diagnostic instead of exhausting memory', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `AWSTemplateFormatVersion: "2010-09-09"\n${levels.join('\n')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *i\n`;
    const { diagnostics } = load(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message.en).toMatch(/more than \d+ values/);
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('says where a node that holds an alias to itself is written', () => {
    const { diagnostics } = load('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B: &a\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a\n');
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'too-deep', line: 4 })]);
  });
});
