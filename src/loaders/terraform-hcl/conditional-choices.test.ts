import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { load, tree } from '../../../test/helpers/terraform-tree.js';
import { toFindings } from '../../engine/finding.js';
import { scan, scanText } from '../../engine/scan.js';
import { MAX_CHOICES, Secret, Unknown } from '../../graph/values.js';

/** What a user sees of `policyId` on the files `code` (or a `main.tf` of it): `pass` for each resource passing, else each finding's status, line and message id. */
async function findings(policyId: string, code: string | Record<string, string>): Promise<string[]> {
  const policies = builtinPolicies.filter((p) => p.id === policyId);
  const { results } = await scan({ paths: [tree(typeof code === 'string' ? { 'main.tf': code } : code)], cwd: tmpdir(), policies });
  const passes = results.filter((r) => r.status === 'pass').map(() => 'pass');
  return [...passes, ...toFindings(results, 'en').map((f) => `${f.status}:${f.line}${f.messageId ? ` ${f.messageId}` : ''}`)];
}

/** A distribution whose viewer certificate has `version` as its minimum protocol version, and whose cache behaviour has `policy`. */
const distribution = (version: string, policy = '"https-only"'): string => `variable "legacy" { type = bool }

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "example.com"
    origin_id   = "web"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = ${policy}
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction { restriction_type = "none" }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = ${version}
  }
}
`;

describe('a conditional on a value known only at apply, in .tf source, decided when both branches give the same answer', () => {
  const minTls = (version: string): Promise<string[]> => findings('aws-cloudfront-min-tls', distribution(version));

  it('passes when both branches pass (an argument of a nested block)', async () => {
    expect(await minTls('var.legacy ? "TLSv1.2_2021" : "TLSv1.2_2025"')).toEqual(['pass']);
  });

  it('fails when both fail, at the line the value is written on', async () => {
    expect(await minTls('var.legacy ? "TLSv1" : "TLSv1.1_2016"')).toEqual(['fail:28 everyChoiceOld']);
  });

  it('stays undecided when one passes and the other fails, as CloudFormation does for Fn::If', async () => {
    expect(await minTls('var.legacy ? "TLSv1" : "TLSv1.2_2021"')).toEqual(['unknown:28 choicesDiffer']);
    expect(await minTls('var.legacy ? "TLSv1.2_2019" : "TLSv1.2_2021"')).toEqual(['unknown:28 choicesDiffer']);
  });

  it('takes the branches of a conditional in a branch, each once', async () => {
    expect(await minTls('var.legacy ? "TLSv1.2_2025" : (var.legacy ? "TLSv1.2_2021" : "TLSv1.2_2025")')).toEqual(['pass']);
    expect(await minTls('var.legacy ? "TLSv1" : var.legacy ? "TLSv1.2_2021" : "TLSv1_2016"')).toEqual(['unknown:28 choicesDiffer']);
  });

  it('decides a check through expect() the same way: viewer_protocol_policy', async () => {
    const https = (policy: string): Promise<string[]> => findings('aws-cloudfront-viewer-https', distribution('"TLSv1.2_2021"', policy));
    expect(await https('var.legacy ? "redirect-to-https" : "https-only"')).toEqual(['pass']);
    expect(await https('var.legacy ? "redirect-to-https" : "allow-all"')).toEqual(['unknown:17']);
  });

  it('stays undecided when a branch is itself known only at apply', async () => {
    expect(await minTls('var.legacy ? "TLSv1" : aws_ssm_parameter.tls.value')).toEqual(['unknown:28']);
  });

  it('reads a value chosen in a local, and one passed to a module as an argument, where the resource uses it', async () => {
    const code = distribution('local.tls').replace('variable "legacy" { type = bool }', 'variable "legacy" { type = bool }\nlocals { tls = var.legacy ? "TLSv1" : "TLSv1_2016" }');
    expect(await findings('aws-cloudfront-min-tls', code)).toEqual(['fail:29 everyChoiceOld']);
    const moduleCall = {
      'main.tf': 'variable "legacy" { type = bool }\nmodule "cdn" {\n  source = "./cdn"\n  tls    = var.legacy ? "TLSv1.2_2021" : "TLSv1.3_2025"\n}\n',
      'cdn/main.tf': distribution('var.tls').replace('variable "legacy" { type = bool }', 'variable "tls" { type = string }'),
    };
    expect(await findings('aws-cloudfront-min-tls', moduleCall)).toEqual(['pass']);
  });
});

describe('a conditional with null in one branch: the argument not set, so the provider default applies', () => {
  const volume = (encrypted: string): string => `variable "x" { type = bool }

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = ${encrypted}
}
`;
  const ebs = (encrypted: string): Promise<string[]> => findings('aws-ebs-volume-encryption', volume(encrypted));

  it('fails when the other branch is the default too, stays undecided when it is not', async () => {
    expect(await ebs('var.x ? false : null')).toEqual(['fail:6 notEncrypted']);
    expect(await ebs('var.x ? true : null')).toEqual(['unknown:6']);
  });

  it('keeps null as a value of the choice', async () => {
    const { nodes } = await load({ 'main.tf': volume('var.x ? true : null') });
    expect((nodes[0]!.properties['encrypted'] as Unknown).alternatives).toEqual([true, null]);
  });
});

describe('a CIDR list chosen by a conditional, one branch open to the world', () => {
  it('stays undecided in .tf source, as the equivalent Fn::If does in CloudFormation', async () => {
    const sg = (cidrs: string): string => `variable "open" { type = bool }

resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ${cidrs}
  }
}
`;
    expect(await findings('aws-ec2-sg-world-database-ports', sg('var.open ? ["0.0.0.0/0"] : ["10.0.0.0/8"]'))).toEqual(['unknown:9']);
    const template = `Parameters:\n  Open: { Type: String }\nConditions:\n  IsOpen: !Equals [!Ref Open, "yes"]\nResources:\n  Db:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !If [IsOpen, 0.0.0.0/0, 10.0.0.0/8] }\n`;
    const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-sg-world-database-ports');
    expect(toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en').map((f) => f.status)).toEqual(['unknown']);
  });
});

describe('the value a conditional on an unknown condition makes', () => {
  const value = async (expression: string, extra = ''): Promise<unknown> => {
    const { nodes } = await load({ 'main.tf': `variable "x" { type = bool }\nvariable "pw" {\n  default   = "hunter2"\n  sensitive = true\n}\n${extra}\nresource "aws_s3_bucket" "b" {\n  bucket = ${expression}\n}\n` });
    return nodes.find((n) => n.type === 'aws_s3_bucket')!.properties['bucket'];
  };

  it('keeps the references of the condition and of both branches', async () => {
    const v = (await value('var.x ? aws_s3_bucket.other.id : "b"', 'resource "aws_s3_bucket" "other" {}')) as Unknown;
    expect(v.refs).toEqual([expect.stringContaining('aws_s3_bucket.other')]);
    expect(v.alternatives).toHaveLength(2);
    expect(v.alternatives![1]).toBe('b');
  });

  it('is sensitive when a branch is, as in Terraform, with no choices that would show it', async () => {
    expect(await value('var.x ? var.pw : "b"')).toBeInstanceOf(Secret);
  });

  it('is unknown without choices inside a template or a function call: only the value as a whole carries them', async () => {
    expect((await value('"logs-${var.x ? "a" : "b"}"')) as Unknown).toMatchObject({ shape: 'logs-${?}', alternatives: undefined });
    expect(((await value('upper(var.x ? "a" : "b")')) as Unknown).alternatives).toBeUndefined();
  });

  it('takes a choice in a branch as its branches, each value once', async () => {
    expect(((await value('var.x ? "a" : (var.x ? "b" : "a")')) as Unknown).alternatives).toEqual(['a', 'b']);
  });

  it('hides the text of a branch written for an argument named as a secret', async () => {
    const { nodes } = await load({ 'main.tf': `variable "x" { type = bool }\nresource "random_password" "p" { length = 20 }\nresource "aws_db_instance" "db" {\n  password = var.x ? "hunter2" : random_password.p.result\n}\n` });
    const password = nodes.find((n) => n.type === 'aws_db_instance')!.properties['password'] as Unknown;
    expect(password.alternatives).toEqual([Secret.instance, expect.any(Unknown)]);
    expect(JSON.stringify(nodes)).not.toContain('hunter2');
  });

  it('keeps no choice inside a branch, so that a chain of locals cannot double the choices at each step', async () => {
    const chain = Array.from({ length: 60 }, (_, i) => `  l${i + 1} = var.x ? { a = local.l${i} } : { b = local.l${i} }`).join('\n');
    const locals = `locals {\n  l0 = "v"\n${chain}\n}`;
    expect(((await value('local.l1', locals)) as Unknown).alternatives).toEqual([{ a: 'v' }, { b: 'v' }]);
    expect(await value('local.l2', locals)).toEqual(new Unknown([]));
    expect(((await value('local.l60', locals)) as Unknown).alternatives).toBeUndefined();
    expect(await value('var.x ? { env = var.x ? "a" : "b" } : {}')).toEqual(new Unknown([]));
  });

  it('is one value when both branches are alike, as before', async () => {
    expect(await value('var.x ? "b" : "b"')).toBe('b');
  });

  it(`leaves the choice undecided past ${MAX_CHOICES} values`, async () => {
    // A chain of locals, each choosing between a value of its own and the one before.
    const chain = (n: number): string => `locals {\n  l0 = "v0"\n${Array.from({ length: n - 1 }, (_, i) => `  l${i + 1} = var.x ? "v${i + 1}" : local.l${i}\n`).join('')}}`;
    expect(((await value(`local.l${MAX_CHOICES - 1}`, chain(MAX_CHOICES))) as Unknown).alternatives).toHaveLength(MAX_CHOICES);
    expect(await value(`local.l${MAX_CHOICES}`, chain(MAX_CHOICES + 1))).toEqual(new Unknown([]));
  });
});

describe('a plan, which holds the values Terraform decided and no conditionals', () => {
  it('leaves a value the plan marks unknown undecided, as before', () => {
    const change = { actions: ['create'], before: null, after: { availability_zone: 'ap-northeast-1a', size: 10 }, after_unknown: { encrypted: true, id: true } };
    const resource = { address: 'aws_ebs_volume.data', mode: 'managed', type: 'aws_ebs_volume', name: 'data' };
    const plan = {
      format_version: '1.2',
      resource_changes: [{ ...resource, provider_name: 'registry.terraform.io/hashicorp/aws', change }],
      configuration: { root_module: { resources: [{ ...resource, expressions: { encrypted: { references: ['var.x'] } } }] } },
    };
    const policies = builtinPolicies.filter((p) => p.id === 'aws-ebs-volume-encryption');
    expect(toFindings(scanText([{ file: 'plan.json', text: JSON.stringify(plan) }], { policies }).results, 'en').map((f) => f.status)).toEqual(['unknown']);
  });
});
