import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, tree } from '../../../test/helpers/terraform-tree.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath, isMap, Secret, Unknown, type PropertyValue } from '../../graph/values.js';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings } from '../../engine/finding.js';
import { scan } from '../../engine/scan.js';
import { loadSources } from '../index.js';
import type { VariableInput } from '../types.js';
import type { LoadedUnit } from '../types.js';
import { loadTerraformModule } from './index.js';

function node(unit: LoadedUnit, address: string): ResourceNode {
  const found = unit.nodes.find((n) => n.address === address);
  if (!found) throw new Error(`no ${address} among ${unit.nodes.map((n) => n.address).join(', ')}`);
  return found;
}

const prop = (unit: LoadedUnit, address: string, path: string): PropertyValue | undefined => getPath(node(unit, address).properties, path);

describe('evaluating .tf source', () => {
  it('takes variables from defaults, terraform.tfvars, *.auto.tfvars, --var-file and --var, later ones winning', async () => {
    const files = {
      'main.tf': `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "n" { type = number }
variable "l" { type = list(string) }
resource "x_thing" "t" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  n = var.n + 1
  l = var.l
}`,
      'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\n',
      'z.auto.tfvars': 'c = "auto"\nd = "auto"\n',
      'extra.tfvars': 'd = "file"\n',
    };
    const unit = await load(files, { variables: [{ file: 'extra.tfvars' }, { name: 'n', text: '41' }, { name: 'l', text: '["p", "q"]' }] });
    expect(unit.diagnostics).toEqual([]);
    expect(node(unit, 'x_thing.t').properties).toMatchObject({ a: 'default', b: 'tfvars', c: 'auto', d: 'file', n: 42, l: ['p', 'q'] });
    // --var-file and --var in the order given, as Terraform takes them: the later one wins.
    const later = async (variables: VariableInput[]): Promise<unknown> => node(await load(files, { variables }), 'x_thing.t').properties['d'];
    expect(await later([{ name: 'd', text: 'cli' }, { file: 'extra.tfvars' }])).toBe('file');
    expect(await later([{ file: 'extra.tfvars' }, { name: 'd', text: 'cli' }])).toBe('cli');
  });

  it('evaluates locals, templates, conditionals, for expressions and built-in functions', async () => {
    const unit = await load({
      'main.tf': `
locals {
  env   = "prod"
  names = ["a", "b"]
  tags  = merge({ Team = "core" }, { Env = local.env })
}
resource "x_thing" "t" {
  name    = "\${local.env}-\${upper(local.names[1])}"
  big     = local.env == "prod" ? 3 : 1
  list    = [for n in local.names : "\${n}!" if n != "a"]
  map     = { for n in local.names : n => length(n) }
  joined  = join(",", concat(local.names, ["c"]))
  json    = jsonencode({ b = 1, a = [true] })
  decoded = jsondecode("{\\"k\\": [1, 2]}").k[1]
  subnet  = cidrsubnet("10.0.0.0/16", 8, 3)
  tags    = local.tags
  picked  = lookup(local.tags, "Missing", "fallback")
  tried   = try(local.tags.Missing, "fallback")
  can     = can(local.tags.Missing)
  fmt     = format("%s-%03d", "db", 7)
  tpl     = "%{ for n in local.names }[\${n}]%{ endfor }"
  escaped = "$\${literal}"
  product = [for p in setproduct(["dev", "prod"], [22, 443]) : "\${p[0]}:\${p[1]}"]
  transposed = transpose({ a = ["1", "2"], b = ["2"] })
  matched = matchkeys(["i-1", "i-2", "i-3"], ["a", "b", "a"], ["a"])
  heredoc = <<-EOT
    one
      two
    EOT
}`,
    });
    expect(unit.diagnostics).toEqual([]);
    expect(node(unit, 'x_thing.t').properties).toEqual({
      name: 'prod-B',
      big: 3,
      list: ['b!'],
      map: { a: 1, b: 1 },
      joined: 'a,b,c',
      json: '{"a":[true],"b":1}',
      decoded: 2,
      subnet: '10.0.3.0/24',
      tags: { Team: 'core', Env: 'prod' },
      picked: 'fallback',
      tried: 'fallback',
      can: false,
      fmt: 'db-007',
      tpl: '[a][b]',
      escaped: '${literal}',
      product: ['dev:22', 'dev:443', 'prod:22', 'prod:443'],
      transposed: { '1': ['a'], '2': ['a', 'b'] },
      matched: ['i-1', 'i-3'],
      heredoc: 'one\n  two\n',
    });
  });

  it('leaves what only apply knows unknown, with its references and the shape of the string', async () => {
    const unit = await load({
      'main.tf': `
variable "missing" {}
resource "aws_s3_bucket" "b" { bucket = "named" }
resource "x_thing" "t" {
  arn    = aws_s3_bucket.b.arn
  path   = "\${aws_s3_bucket.b.arn}/*"
  name   = aws_s3_bucket.b.bucket
  given  = var.missing
  caller = data.aws_caller_identity.me.account_id
  when   = timestamp()
}
data "aws_caller_identity" "me" {}`,
    });
    const b = node(unit, 'aws_s3_bucket.b').id;
    const t = node(unit, 'x_thing.t').properties;
    expect(t['arn']).toEqual(new Unknown([b], '${aws_s3_bucket.b.arn}'));
    expect(t['path']).toEqual(new Unknown([b], '${aws_s3_bucket.b.arn}/*'));
    // What the configuration writes is what Terraform knows at plan time.
    expect(t['name']).toBe('named');
    expect(t['given']).toEqual(new Unknown([], '${var.missing}'));
    expect(t['caller']).toBeInstanceOf(Unknown);
    expect(t['when']).toBeInstanceOf(Unknown);
    expect(unit.edges.filter((e) => e.from === node(unit, 'x_thing.t').id).map((e) => `${e.path} → ${e.to.split('#')[1]}`).sort()).toEqual([
      'arn → aws_s3_bucket.b',
      'caller → data.aws_caller_identity.me',
      'name → aws_s3_bucket.b',
      'path → aws_s3_bucket.b',
    ]);
    expect(node(unit, 'data.aws_caller_identity.me').mode).toBe('data');
  });

  it('hides sensitive values: sensitive variables and secret-named arguments', async () => {
    const unit = await load({
      'main.tf': `
variable "pw" {
  sensitive = true
  default   = "hunter2-from-variable"
}
resource "aws_db_instance" "d" {
  password = "hunter2-literal"
  username = var.pw
  manage_master_user_password = true
}`,
    });
    const d = node(unit, 'aws_db_instance.d');
    expect(d.properties['password']).toBe(Secret.instance);
    expect(d.properties['username']).toBe(Secret.instance);
    expect(d.properties['manage_master_user_password']).toBe(true);
    expect(JSON.stringify(unit)).not.toContain('hunter2');
    // The default is written in the code: so is the username taken from it, sensitive or not.
    expect([...(d.literals ?? [])].sort()).toEqual(['manage_master_user_password', 'password', 'username']);
  });

  it('keeps idempotency tokens, which are names and not secrets', async () => {
    const unit = await load({ 'main.tf': 'resource "aws_efs_file_system" "f" {\n  creation_token = "shared"\n}\n' });
    expect(prop(unit, 'aws_efs_file_system.f', 'creation_token')).toBe('shared');
  });

  it('names the literals as a plan does: in nested blocks, functions of constants, and the constant entries of a mixed map', async () => {
    // `url` given on the command line: not in the code.
    const unit = await load({
      'main.tf': `
variable "url" { default = "https://example.com" }
variable "names" { default = ["a"] }
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = var.url
  environment {
    variables = { STAGE = "prod", API_TOKEN = "typed-in", URL = var.url }
  }
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
  dynamic "file_system_config" {
    for_each = var.names
    content {
      arn              = "arn:aws:elasticfilesystem:ap-northeast-1:111122223333:access-point/fsap-1"
      local_mount_path = "/mnt/x"
    }
  }
}
resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = jsonencode([{ name = "app", environment = [{ name = "DB_PASSWORD", value = "typed-in" }] }])
}
resource "aws_ecs_task_definition" "u" {
  family                = "u"
  container_definitions = jsonencode([{ name = "app", image = var.url }])
}`,
    }, { variables: [{ name: 'url', text: 'https://given.example.com' }] });
    // The dynamic block's content is constants, over a list the code gives: written in the code too.
    expect([...(node(unit, 'aws_lambda_function.f').literals ?? [])].sort()).toEqual([
      'environment[0].variables.API_TOKEN',
      'environment[0].variables.STAGE',
      'file_system_config',
      'function_name',
      'vpc_config[0].subnet_ids',
    ]);
    expect([...(node(unit, 'aws_ecs_task_definition.t').literals ?? [])].sort()).toEqual(['container_definitions', 'family']);
    // The JSON the scan wrote is read part by part: the name is typed in, the image given by --var.
    expect([...(node(unit, 'aws_ecs_task_definition.u').literals ?? [])].sort()).toEqual(['container_definitions[0].name', 'family']);
  });
});

describe('override files', () => {
  const base = `
resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  dynamic "egress" {
    for_each = ["0.0.0.0/0"]
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = [egress.value]
    }
  }
}

resource "aws_security_group" "legacy" {
  name = "legacy"

  dynamic "ingress" {
    for_each = [3389]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`;
  const override = `resource "aws_security_group" "app" {
  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_security_group" "legacy" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`;

  it('replace every block of a type the override writes, static or dynamic, and keep the other types', async () => {
    const unit = await load({ 'main.tf': base, 'sg_override.tf': override });
    expect(unit.diagnostics).toEqual([]);
    expect(prop(unit, 'aws_security_group.app', 'ingress')).toEqual([{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }]);
    expect(prop(unit, 'aws_security_group.app', 'egress')).toEqual([{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }]);
    expect(prop(unit, 'aws_security_group.app', 'name')).toBe('app');
    expect(prop(unit, 'aws_security_group.legacy', 'ingress')).toEqual([{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }]);
  });

  it('point a finding at the override file that sets the deciding value', async () => {
    const dir = tree({
      'main.tf': base,
      'override.tf': override,
      'db.tf': 'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n  engine            = "postgres"\n}\n',
      'db_override.tf.json': JSON.stringify({ resource: { aws_db_instance: { main: { storage_encrypted: false } } } }, null, 2),
    });
    const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-sg-world-admin-ports' || p.id === 'aws-rds-instance-storage-encryption');
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    const where = toFindings(outcome.results, 'en').map((f) => `${f.resource} ${f.file}:${f.line} (${f.evidence?.file}:${f.evidence?.line})`);
    expect(where.sort()).toEqual(['aws_db_instance.main db.tf:1 (db_override.tf.json:5)', 'aws_security_group.app main.tf:2 (override.tf:8)']);
  });

  it('hold suppressions written with the override block, as with the original', async () => {
    const dir = tree({
      'db.tf': 'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n  engine            = "postgres"\n}\n',
      'db_override.tf': '# sekisho:ignore:aws-rds-instance-storage-encryption the migration tool reads only plain storage\nresource "aws_db_instance" "main" {\n  storage_encrypted = false\n}\n',
    });
    const policies = builtinPolicies.filter((p) => p.id === 'aws-rds-instance-storage-encryption');
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    expect(toFindings(outcome.results, 'en').map((f) => [f.status, f.suppression?.reason, f.suppression?.file, f.suppression?.line])).toEqual([
      ['suppressed', 'the migration tool reads only plain storage', 'db_override.tf', 1],
    ]);
  });

  it('are an error when they override a block no other file declares', async () => {
    const unit = await load({
      'main.tf': 'variable "a" {}\n\nlocals {\n  l = 1\n}\n',
      'override.tf': 'variable "a" {\n  default = "x"\n}\n\nvariable "b" {\n  default = "y"\n}\n\nlocals {\n  l = 2\n  m = 3\n}\n',
    });
    expect(unit.diagnostics.map((d) => [d.code, d.file, d.line, d.message.en])).toEqual([
      ['override-without-base', 'override.tf', 5, 'variable "b" is in an override file but declared in no other file of this module (Terraform rejects that): it is scanned as if declared here'],
      ['override-without-base', 'override.tf', 11, 'local.m is in an override file but declared in no other file of this module (Terraform rejects that): it is scanned as if declared here'],
    ]);
  });
});

describe('values written in the code, followed to where they are written', () => {
  const files = {
    'main.tf': `variable "from_default" { default = "d-value" }
variable "from_tfvars" {}
variable "from_cli" { default = "overridden" }
variable "from_outside" {}
variable "optional" { default = null }
locals {
  creds = { user = "app", pass = "l-value" }
  alias = local.creds.pass
}
resource "aws_sqs_queue" "q" { name = "q" }
resource "x_thing" "t" {
  a = var.from_default
  b = local.alias
  c = var.from_tfvars
  d = var.from_cli
  e = var.from_outside
  f = aws_sqs_queue.q.name
  g = merge({ A = "x" }, { B = local.creds.user, C = aws_sqs_queue.q.url })
  h = file("\${path.module}/body.json")
  i = "postgres://app:pw@\${aws_sqs_queue.q.url}/db"
  j = "postgres://app:\${var.from_cli}@\${aws_sqs_queue.q.url}/db"
  k = jsonencode({ user = "admin", password = var.optional })
}
resource "x_thing" "each" {
  for_each = { k = "e-value" }
  v        = each.value
}
resource "x_thing" "each_given" {
  for_each = toset([var.from_cli])
  v        = each.value
}
module "m" {
  source = "./m"
  pw     = local.creds.pass
}
`,
    'm/main.tf': 'variable "pw" { sensitive = true }\nvariable "fixed" { default = "m-default" }\nresource "x_thing" "u" {\n  p = var.pw\n  q = var.fixed\n}\n',
    'terraform.tfvars': 'from_tfvars = "t-value"\n',
    'body.json': '{"k": "f-value"}',
  };
  const outside = tree({ 'outside.tfvars': 'from_outside = "o-value"\n' });
  const options = { variables: [{ file: join(outside, 'outside.tfvars') }, { name: 'from_cli', text: 'given' }] };
  const origins = (n: ResourceNode): Record<string, string> =>
    Object.fromEntries([...(n.literalOrigins ?? [])].map(([path, o]) => [path, `${o.kind} ${o.name} ${o.file.split('/').slice(-2).join('/')}${o.line === undefined ? '' : `:${o.line}`}`]));

  it('counts as literals the values the code alone gives: through locals, defaults, tfvars in the tree, merge(), files and parts of strings', async () => {
    const unit = await load(files, options);
    expect(unit.diagnostics).toEqual([]);
    // Not d (given by --var), e (a variables file outside the tree), f and g.C (a resource's attributes), j (a password given by --var),
    // k.password (a variable whose default is null: given from outside, if at all); k.user is typed in.
    expect([...(node(unit, 'x_thing.t').literals ?? [])].sort()).toEqual(['a', 'b', 'c', 'g.A', 'g.B', 'h', 'i', 'k.user']);
    expect(origins(node(unit, 'x_thing.t'))).toEqual({
      a: 'default from_default main.tf:1',
      b: 'local creds main.tf:7',
      c: 'tfvars from_tfvars terraform.tfvars:1',
      // g.B: an entry of a map a function made is not traced to the expression that wrote it.
      h: 'file ./body.json body.json',
    });
    expect([...(node(unit, 'x_thing.each["k"]').literals ?? [])]).toEqual(['v']);
    expect([...(node(unit, 'x_thing.each_given["given"]').literals ?? [])]).toEqual([]);
  });

  it('follows an object given to a module into the blocks a dynamic block generates from it', async () => {
    const unit = await load(
      {
        'main.tf': `
module "typed" {
  source   = "./search"
  security = { enabled = true, master = { name = "admin", password = "typed-in" } }
}
module "given" {
  source   = "./search"
  security = { enabled = true, master = { name = "admin", password = var.pw } }
}
variable "pw" { type = string }
`,
        'search/main.tf': `
variable "security" { type = any }
data "x_session" "s" {}
resource "x_domain" "d" {
  name = "d"
  static { size = 1 }
  dynamic "static" {
    for_each = [var.security]
    content { size = 2 }
  }
  dynamic "security" {
    for_each = length(var.security) > 0 ? [var.security] : []
    content {
      enabled = try(security.value.enabled, true)
      dynamic "master" {
        for_each = try([security.value.master], [{}])
        content {
          arn      = try(master.value.arn, null) != null ? data.x_session.s.arn : null
          name     = try(master.value.name, null)
          password = try(master.value.password, null)
        }
      }
    }
  }
}
`,
      },
      { variables: [{ name: 'pw', text: 'given' }] },
    );
    const literals = (address: string): string[] => [...(node(unit, address).literals ?? [])].sort();
    expect(literals('module.typed.x_domain.d')).toEqual(['name', 'security', 'static', 'static[0].size']);
    // The password given by --var is not in the code; the rest of the block is.
    expect(literals('module.given.x_domain.d')).toEqual(['name', 'security[0].enabled', 'security[0].master[0].arn', 'security[0].master[0].name', 'static', 'static[0].size']);
  });

  it('follows a module argument into the module, sensitive or not, to the local it names', async () => {
    const unit = await load(files, options);
    const u = node(unit, 'module.m.x_thing.u');
    expect(u.properties['p']).toBe(Secret.instance);
    expect([...(u.literals ?? [])].sort()).toEqual(['p', 'q']);
    expect(origins(u)).toEqual({ p: 'local creds main.tf:7', q: 'default fixed m/main.tf:2' });
    expect(JSON.stringify(u)).not.toContain('l-value');
  });

  it('follows the branch a known condition takes, as registry modules pass a password through (cond ? generated : var.password)', async () => {
    const unit = await load({
      'main.tf': 'module "db" {\n  source   = "./db"\n  generate = false\n  password = "typed-in"\n}\n',
      'db/main.tf': `variable "password" { default = null }
variable "generate" { default = true }
variable "primary" { default = true }
variable "unknown" {}
variable "snapshot" { default = null }
locals {
  password = var.generate ? random_password.p.result : var.password
}
resource "x_thing" "u" {
  p = var.primary ? local.password : null
  q = var.generate ? null : "literal-here"
  r = var.unknown ? var.password : null
  s = var.snapshot == null ? local.password : null
}
`,
    });
    const u = node(unit, 'module.db.x_thing.u');
    // s: the call does not give snapshot, so it is null — no one outside the code can give a called module's variable.
    // r: its condition is known only at apply, but one branch takes the value the call writes.
    expect([...(u.literals ?? [])].sort()).toEqual(['p', 'q', 'r', 's']);
    // q is written where it is used; r's branches come from more than one place.
    expect(origins(u)).toEqual({ p: 'argument password main.tf:4', s: 'argument password main.tf:4' });
  });
});

describe('a variable declared nullable = false', () => {
  const module = 'variable "rotate" {\n  type     = bool\n  default  = true\n  nullable = false\n}\nresource "aws_kms_key" "this" {\n  enable_key_rotation = var.rotate\n}\n';

  it('takes its default when a module call passes null, as Terraform does', async () => {
    const { nodes } = await load({
      'main.tf': 'variable "rotate" {\n  type    = bool\n  default = null\n}\nmodule "key" {\n  source = "./key"\n  rotate = var.rotate\n}\n',
      'key/main.tf': module,
    });
    expect(nodes.find((n) => n.address === 'module.key.aws_kms_key.this')?.properties['enable_key_rotation']).toBe(true);
  });

  it('takes its default when a variables file gives null, and null when it may be null', async () => {
    const root = (nullable: boolean) => ({ 'main.tf': module.replace('nullable = false', `nullable = ${nullable}`), 'terraform.tfvars': 'rotate = null\n' });
    expect((await load(root(false))).nodes[0]!.properties['enable_key_rotation']).toBe(true);
    expect((await load(root(true))).nodes[0]!.properties['enable_key_rotation']).toBeNull();
  });
});

describe('locals that depend on themselves', () => {
  const at = (unit: LoadedUnit): string[] => unit.diagnostics.map((d) => `${d.level} ${d.code} ${d.file.split('/').pop()}:${d.line} ${d.message.en}`);

  it('reports each cycle of locals once, at its first local, naming them; their values are unknown and the rest is scanned', async () => {
    const unit = await load({
      'main.tf': `locals {
  a    = local.b
  b    = "\${local.a}-x"
  self = try(local.self, "fallback")
  ok   = "fine"
}
resource "aws_s3_bucket" "uses" {
  bucket = local.a
  tags   = { self = local.self, ok = local.ok }
}
resource "aws_s3_bucket" "other" { bucket = "other" }
`,
      'chain.tf': `locals {
  first  = { name = local.second.name }
  second = { name = [for s in local.third : s][0] }
  third  = true ? ["x"] : local.first.list
}
`,
    });
    expect(at(unit)).toEqual([
      'error local-cycle chain.tf:2 locals refer to each other in a cycle (local.first, local.second, local.third), so Terraform refuses the configuration ("Cycle"): their values are unknown here',
      'error local-cycle main.tf:2 locals refer to each other in a cycle (local.a, local.b), so Terraform refuses the configuration ("Cycle"): their values are unknown here',
      'error local-cycle main.tf:4 local.self refers to itself, so Terraform refuses the configuration ("Self-referencing local value"): its value is unknown here',
    ]);
    expect(unit.diagnostics[1]!.message.ja).toBe(
      'local 値が互いを参照して循環しているため（local.a、local.b）、Terraform はこの構成を受け付けません（Cycle）。どれか 1 つの式がほかの local を参照しないように書き換えて、循環を断ってください。ここではこれらの値を不明として扱います',
    );
    expect(prop(unit, 'aws_s3_bucket.uses', 'bucket')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'aws_s3_bucket.uses', 'tags.self')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'aws_s3_bucket.uses', 'tags.ok')).toBe('fine');
    expect(prop(unit, 'aws_s3_bucket.other', 'bucket')).toBe('other');
  });

  it('reports a cycle of 5,000 locals once, naming the first ten', async () => {
    const n = 5000;
    const lines = Array.from({ length: n }, (_, i) => `  l${i} = local.l${(i + 1) % n}`);
    const unit = await load({ 'main.tf': `locals {\n${lines.join('\n')}\n}\nresource "aws_s3_bucket" "b" { bucket = local.l0 }\n` });
    expect(unit.diagnostics).toHaveLength(1);
    expect(unit.diagnostics[0]).toMatchObject({ level: 'error', code: 'local-cycle', line: 2 });
    expect(unit.diagnostics[0]!.message.en).toContain('(local.l0, local.l1, local.l2, local.l3, local.l4, local.l5, local.l6, local.l7, local.l8, local.l9 and 4990 more)');
    expect(unit.diagnostics[0]!.message.ja).toContain('local.l9 ほか 4990 個');
    expect(prop(unit, 'aws_s3_bucket.b', 'bucket')).toBeInstanceOf(Unknown);
  });

  it('reports no cycle for locals that only refer down a chain, for a for variable that hides local, or for locals of another module', async () => {
    const unit = await load({
      'main.tf': `locals {
  top    = { name = local.middle.name, size = local.bottom }
  middle = { name = "m-\${local.bottom}", other = local.bottom }
  bottom = 3
  hidden = [for local in [{ hidden = "h" }] : local.hidden]
  shared = module.m.shared
}
module "m" {
  source = "./m"
  shared = "from-root"
}
resource "aws_s3_bucket" "b" {
  bucket = local.top.name
  tags   = { size = local.top.size, hidden = local.hidden[0], shared = local.shared }
}
`,
      'm/main.tf': 'variable "shared" {}\nlocals { shared = var.shared }\noutput "shared" { value = local.shared }\n',
    });
    expect(unit.diagnostics).toEqual([]);
    expect(prop(unit, 'aws_s3_bucket.b', 'bucket')).toBe('m-3');
    expect(node(unit, 'aws_s3_bucket.b').properties['tags']).toEqual({ size: 3, hidden: 'h', shared: 'from-root' });
  });

  it('leaves a local that reaches itself only through a resource to evaluation: unknown where it loops, not reported as a cycle of locals', async () => {
    const unit = await load({
      'main.tf': `locals { name = aws_s3_bucket.b.tags.name }
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { name = local.name }
}
`,
    });
    expect(unit.diagnostics.map((d) => d.code)).not.toContain('local-cycle');
    expect(prop(unit, 'aws_s3_bucket.b', 'bucket')).toBe('b');
    expect(prop(unit, 'aws_s3_bucket.b', 'tags.name')).toBeInstanceOf(Unknown);
  });
});

describe('count, for_each and dynamic blocks', () => {
  it('expands instances with their index keys, and pairs for_each resources by key', async () => {
    const unit = await load({
      'main.tf': `
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = "acme-\${each.key}"
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_subnet" "s" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_instance" "none" {
  count = 0
}`,
    });
    expect(unit.nodes.map((n) => n.address)).toEqual([
      'aws_s3_bucket.b["data"]',
      'aws_s3_bucket.b["logs"]',
      'aws_s3_bucket_versioning.v["data"]',
      'aws_s3_bucket_versioning.v["logs"]',
      'aws_subnet.s[0]',
      'aws_subnet.s[1]',
    ]);
    expect(prop(unit, 'aws_subnet.s[1]', 'cidr_block')).toBe('10.0.1.0/24');
    const v = node(unit, 'aws_s3_bucket_versioning.v["logs"]');
    expect(unit.edges.filter((e) => e.from === v.id).map((e) => e.to)).toEqual([node(unit, 'aws_s3_bucket.b["logs"]').id]);
  });

  it('makes one instance when count or for_each is known only at apply', async () => {
    const unit = await load({
      'main.tf': `
variable "names" { type = set(string) }
resource "aws_s3_bucket" "b" {
  for_each = var.names
  bucket   = each.key
  acl      = "private"
}`,
    });
    expect(unit.nodes.map((n) => n.address)).toEqual(['aws_s3_bucket.b']);
    expect(prop(unit, 'aws_s3_bucket.b', 'bucket')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'aws_s3_bucket.b', 'acl')).toBe('private');
  });

  it('expands dynamic blocks after the static blocks of their type, with their lines', async () => {
    const unit = await load({
      'main.tf': `resource "aws_security_group" "g" {
  ingress {
    from_port = 443
  }
  dynamic "ingress" {
    for_each = { ssh = 22, rdp = 3389 }
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value
    }
  }
}`,
    });
    const g = node(unit, 'aws_security_group.g');
    expect(g.properties['ingress']).toEqual([{ from_port: 443 }, { description: 'rdp', from_port: 3389 }, { description: 'ssh', from_port: 22 }]);
    expect(g.propertyLines?.get('ingress[0].from_port')).toBe(3);
    expect(g.propertyLines?.get('ingress[2]')).toBe(5);
    expect(g.propertyLines?.get('ingress[2].from_port')).toBe(10);
    expect(g.written).toEqual(new Set(['ingress']));
  });
});

describe('element types unified as Terraform unifies them', () => {
  it('makes toset of strings mixed with numbers and bools a set of strings, a for_each Terraform accepts', async () => {
    const unit = await load({
      'main.tf': `locals { names = toset(["a", 1]) }
resource "aws_s3_bucket" "x" {
  for_each = local.names
  bucket   = "b-\${each.key}"
}
resource "aws_s3_bucket" "ports" {
  for_each = toset([for p in [80, "ssh", true] : p])
  bucket   = "p-\${each.value}"
}
`,
    });
    expect(unit.diagnostics).toEqual([]);
    expect(unit.nodes.map((n) => n.address)).toEqual(['aws_s3_bucket.ports["80"]', 'aws_s3_bucket.ports["ssh"]', 'aws_s3_bucket.ports["true"]', 'aws_s3_bucket.x["1"]', 'aws_s3_bucket.x["a"]']);
    expect(prop(unit, 'aws_s3_bucket.x["1"]', 'bucket')).toBe('b-1');
  });

  it('unifies tolist, toset, tomap, distinct, the set functions, compact and list(any) variables; leaves tuples (concat, for) as they are', async () => {
    const unit = await load({
      'main.tf': `
variable "anything" {
  type    = list(any)
  default = ["a", 2]
}
variable "tags" {
  type    = map(any)
  default = { a = "x", b = false }
}
resource "x_thing" "t" {
  list      = tolist(["a", 1, 1.5, true])
  set       = toset(["b", 2, "2"])
  map       = tomap({ a = "x", b = 2 })
  distinct  = distinct(["1", 1])
  union     = setunion(["a"], [1])
  common    = setintersection(["1", "2"], [1])
  compact   = compact(["a", 1, ""])
  objects   = tolist([{ port = 80 }, { port = "443" }])
  to_map    = tolist([{ a = 1 }, { b = "x" }])
  lengths   = tolist([["a", 1], ["b"]])
  columns   = tolist([["a", 1], ["b", 2]])
  numbers   = tolist([1, 2.5])
  concat    = concat(["a"], [1])
  tuple     = [for x in ["a", 1] : x]
  anything  = var.anything
  tags      = var.tags
}`,
    });
    expect(unit.diagnostics).toEqual([]);
    expect(node(unit, 'x_thing.t').properties).toEqual({
      list: ['a', '1', '1.5', 'true'],
      set: ['2', 'b'],
      map: { a: 'x', b: '2' },
      distinct: ['1'],
      union: ['1', 'a'],
      common: ['1'],
      compact: ['a', '1'],
      objects: [{ port: '80' }, { port: '443' }],
      to_map: [{ a: '1' }, { b: 'x' }],
      lengths: [['a', '1'], ['b']],
      columns: [['a', 1], ['b', 2]],
      numbers: [1, 2.5],
      concat: ['a', 1],
      tuple: ['a', 1],
      anything: ['a', '2'],
      tags: { a: 'x', b: 'false' },
    });
  });

  it.each([
    ['numbers with bools', 'toset([1, true])'],
    ['an object with a string', 'toset([{ a = "x" }, "y"])'],
  ])('still says Terraform refuses a for_each of %s, which have no common type', async (_, value) => {
    const unit = await load({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  for_each = ${value}\n  bucket   = "b"\n}\n` });
    expect(unit.diagnostics).toMatchObject([{ level: 'error', code: 'invalid-expansion', line: 1 }]);
  });

  it('keeps a resource value given to toset a resource value: its attributes known at apply stay unknown, not errors', async () => {
    const unit = await load({
      'main.tf': `resource "aws_s3_bucket" "a" { bucket = "a" }
resource "aws_s3_bucket" "b" {
  bucket        = "b"
  force_destroy = true
}
resource "x_thing" "t" { arns = [for b in toset([aws_s3_bucket.a, aws_s3_bucket.b]) : b.arn] }
`,
    });
    const arns = prop(unit, 'x_thing.t', 'arns');
    expect(Array.isArray(arns) && arns.length === 2 && arns.every((a) => a instanceof Unknown)).toBe(true);
  });
});

describe('evaluation bounded in time and memory', () => {
  const doubled = (prefix: string, levels: number, twice: (x: string) => string): string =>
    Array.from({ length: levels }, (_, i) => `  ${prefix}${i + 1} = ${twice(`local.${prefix}${i}`)}`).join('\n');

  it.each([
    ['a setproduct of many lists', 'setproduct(local.l, local.l, local.l, local.l, local.l, local.l, local.l, local.l, local.l)', 'l = ["a","b","c","d","e","f","g","h","i","j"]'],
    ['for expressions nested over large ranges', 'flatten([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]])', ''],
    ['a string doubled through locals', 'local.s30', `s0 = "xxxxxxxxxxxxxxxx"\n${doubled('s', 30, (x) => `"\${${x}}\${${x}}"`)}`],
    ['a list doubled through locals', 'local.c30', `c0 = [1, 2, 3, 4]\n${doubled('c', 30, (x) => `concat(${x}, ${x})`)}`],
    ['a padded format', 'format("%0999999999d", 1)', ''],
    ['an indent of a billion spaces', 'indent(1000000000, "a\\nb")', ''],
    ['many strings each under the size bound', '[for i in range(300) : format("%1000000s", i)]', ''],
    ['a product of three lists of two million tuples', 'setproduct(range(1024), range(1024), range(2))', ''],
  ])('leaves %s unknown, says so once, and still loads the rest', async (_, expression, locals) => {
    const started = Date.now();
    const unit = await load({
      'main.tf': `
locals {
${locals}
  big = ${expression}
}
resource "aws_s3_bucket" "big" { bucket = "x-\${length(local.big)}" }
resource "aws_s3_bucket" "plain" { bucket = "plain" }`,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(prop(unit, 'aws_s3_bucket.big', 'bucket')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'aws_s3_bucket.plain', 'bucket')).toBe('plain');
    expect(unit.diagnostics.map((d) => [d.level, d.code])).toEqual([['warning', 'evaluation-limit']]);
  });

  it.each([
    ['an object', (x: string) => `{ a = ${x}, b = ${x} }`],
    ['a tuple', (x: string) => `[${x}, ${x}]`],
    ['a for expression', (x: string) => `{ for k in ["a", "b"] : k => ${x} }`],
  ])('leaves %s that holds one value twice, doubled through locals, unknown: every reader walks it as a tree', async (_, twice) => {
    const started = Date.now();
    const unit = await load({
      'main.tf': `
locals {
  o0 = { a = "x", b = "y" }
${doubled('o', 40, twice)}
}
resource "aws_s3_bucket" "big" {
  bucket = "big"
  tags   = { doc = jsonencode(local.o40) }
  shared = local.o40
}
resource "aws_s3_bucket" "plain" { bucket = "plain" }`,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    // Down its first parts, the value meets the level that passed the bound: unknown from there.
    let part = prop(unit, 'aws_s3_bucket.big', 'shared');
    while (Array.isArray(part) || isMap(part)) part = Array.isArray(part) ? part[0] : Object.values(part)[0];
    expect(part).toBeInstanceOf(Unknown);
    expect(prop(unit, 'aws_s3_bucket.plain', 'bucket')).toBe('plain');
    expect(unit.diagnostics.map((d) => [d.level, d.code])).toEqual([['warning', 'evaluation-limit']]);
    // A few levels of the same sharing stay values.
    const small = await load({ 'main.tf': `locals {\n  o0 = { a = "x" }\n${doubled('o', 4, twice)}\n}\nresource "x_thing" "t" { v = local.o4 }` });
    expect(prop(small, 'x_thing.t', 'v')).not.toBeInstanceOf(Unknown);
  });

  it('refuses a chunklist size that is not a whole number, as Terraform does', async () => {
    const unit = await load({ 'main.tf': 'resource "x_thing" "t" {\n  tiny = chunklist(["a"], 1e-300)\n  neg  = try(chunklist(["a"], -1), "error")\n  ok   = chunklist(["a", "b", "c"], 2)\n}' });
    expect(node(unit, 'x_thing.t').properties).toMatchObject({ neg: 'error', ok: [['a', 'b'], ['c']] });
    expect(prop(unit, 'x_thing.t', 'tiny')).toBeInstanceOf(Unknown);
  });

  it('stops generating dynamic blocks nested over large ranges at a bound, and still loads the rest', async () => {
    const nested = (level: number): string =>
      level === 6 ? 'x = 1' : `dynamic "rule${level}" {\n for_each = range(16)\n content {\n ${nested(level + 1)}\n }\n}`;
    const started = Date.now();
    const unit = await load({ 'main.tf': `resource "x_thing" "t" {\n${nested(0)}\n}\nresource "x_thing" "plain" { v = "plain" }` });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(prop(unit, 'x_thing.plain', 'v')).toBe('plain');
    expect(unit.diagnostics.map((d) => d.code)).toEqual(['evaluation-limit']);
  });

  it.each([
    ['toset', 'length(toset(local.names))', 204_800],
    ['distinct', 'length(distinct(local.names))', 204_800],
    ['transpose', 'length(transpose({ for n in local.names : n => ["same"] })["same"])', 204_800],
    ['grouping in a for expression', 'length({ for n in local.names : "k" => n... }["k"])', 204_800],
    ['distinct of tuples, some repeated', 'length(distinct(concat(setproduct(range(1024), range(100)), setproduct(range(1024), range(100)), [{ a = 1 }, { a = 1 }])))', 102_401],
  ])('takes %s of 200,000 values in linear time', async (_, expression, expected) => {
    const started = Date.now();
    const unit = await load({
      'main.tf': `
locals { names = [for p in setproduct(range(1024), range(200)) : "\${p[0]}-\${p[1]}"] }
resource "x_thing" "t" { n = ${expression} }`,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(prop(unit, 'x_thing.t', 'n')).toBe(expected);
  });

  it('checks the first 10,000 instances of a larger count, and says so at the block', async () => {
    const unit = await load({ 'main.tf': '\nresource "aws_s3_bucket" "b" {\n  count  = 100000000\n  bucket = "b-${count.index}"\n}\n' });
    expect(unit.nodes.filter((n) => n.type === 'aws_s3_bucket')).toHaveLength(10_000);
    expect(unit.diagnostics).toMatchObject([{ level: 'warning', code: 'count-limited', line: 2, message: { en: 'count asks for 100000000 instances of aws_s3_bucket.b: the first 10000 are checked' } }]);
  });

  it.each([
    ['a negative count', 'count = -5', 'count of aws_s3_bucket.b is not a whole number of zero or more: Terraform refuses it'],
    ['a fractional count', 'count = 2.5', 'count of aws_s3_bucket.b is not a whole number of zero or more: Terraform refuses it'],
    ['a number for for_each', 'for_each = 5', 'for_each of aws_s3_bucket.b is not a map or a set of strings: Terraform refuses it'],
  ])('says Terraform refuses %s, at the block', async (_, argument, message) => {
    const unit = await load({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  ${argument}\n  bucket = "b"\n}\n` });
    expect(unit.diagnostics).toMatchObject([{ level: 'error', code: 'invalid-expansion', line: 1, message: { en: message } }]);
  });

  it('refuses template directives nested past a bound, in .tf source and in a template file, keeping the rest', async () => {
    const deep = `${'%{ if true }'.repeat(1500)}x${'%{ endif }'.repeat(1500)}`;
    const unit = await load({
      'main.tf': `locals {\n  x = <<EOT\n${deep}\nEOT\n}\n`,
      'ok.tf': 'resource "aws_s3_bucket" "ok" {\n  bucket = templatefile("deep.tpl", {})\n}\n',
      'deep.tpl': deep,
    });
    expect(prop(unit, 'aws_s3_bucket.ok', 'bucket')).toBeInstanceOf(Unknown);
    expect(unit.diagnostics).toMatchObject([{ level: 'error', code: 'parse-error', file: expect.stringContaining('main.tf'), line: 3, message: { en: 'invalid HCL: nesting deeper than 128 levels' } }]);
  });

  it('reads a chain of thousands of operators or steps, valid HCL but a tree as deep, as unknown, and scans the rest', async () => {
    const chains = {
      sum: Array(5000).fill('1').join(' + '),
      steps: `local.m${'.a'.repeat(5000)}`,
      indexes: `local.l${'[0]'.repeat(5000)}`,
      template: `"\${${Array(5000).fill('1').join(' * ')}}"`,
      inFor: `[for x in [1] : ${Array(5000).fill('x').join(' - ')}]`,
      local: 'local.sum',
    };
    const resources = Object.entries(chains).map(([name, expr]) => `resource "aws_s3_bucket" "${name}" {\n  bucket = ${expr}\n}\n`);
    const unit = await load({
      'main.tf': `locals {\n  m = {}\n  l = []\n  sum = ${chains.sum}\n}\nresource "aws_s3_bucket" "short" {\n  bucket = ${Array(100).fill('1').join(' + ')}\n}\n${resources.join('')}`,
    });
    expect(unit.diagnostics).toEqual([]);
    expect(prop(unit, 'aws_s3_bucket.short', 'bucket')).toBe(100);
    for (const name of Object.keys(chains)) expect(prop(unit, `aws_s3_bucket.${name}`, 'bucket'), name).toBeInstanceOf(Unknown);
  });

  it('does not follow a module that calls itself, and says Terraform cannot load it', async () => {
    const unit = await load({
      'main.tf': 'module "again" { source = "./" }\nresource "aws_s3_bucket" "b" { bucket = "b" }\n',
      'm/main.tf': 'module "back" { source = "../m" }\n',
    });
    expect(unit.nodes.filter((n) => n.type === 'aws_s3_bucket').map((n) => n.address)).toEqual(['aws_s3_bucket.b']);
    expect(unit.diagnostics).toMatchObject([{ level: 'error', code: 'module-cycle', line: 1 }]);
  });

  it('sees a module reached back through a symlink as calling itself', async () => {
    const dir = tree({ 'main.tf': 'module "a" { source = "./a" }\n', 'a/main.tf': 'module "again" { source = "./up/a" }\nresource "aws_s3_bucket" "b" { bucket = "b" }\n' });
    symlinkSync('..', join(dir, 'a', 'up'));
    const unit = loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20 });
    expect(unit.nodes.filter((n) => n.type === 'aws_s3_bucket')).toHaveLength(1);
    expect(unit.diagnostics.map((d) => d.code)).toEqual(['module-cycle']);
  });

  it('stops following modules that call others twice at every level at 20,000 calls', async () => {
    const files: Record<string, string> = { 'main.tf': 'module "a" { source = "./m0" }\nmodule "b" { source = "./m0" }\n' };
    for (let i = 0; i < 16; i++) {
      files[`m${i}/main.tf`] = `${i < 15 ? `module "a" { source = "../m${i + 1}" }\nmodule "b" { source = "../m${i + 1}" }\n` : ''}resource "aws_s3_bucket" "x" { bucket = "x" }\n`;
    }
    const unit = await load(files);
    expect(unit.nodes.length).toBeLessThanOrEqual(20_000);
    expect(unit.diagnostics.map((d) => d.code)).toContain('module-limit');
  });

  it('stops multiplying instances through counted modules at a bound', async () => {
    const unit = await load({
      'main.tf': 'module "m" {\n  source = "./m"\n  count  = 5000\n}\n',
      'm/main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 5000\n  bucket = "b-${count.index}"\n}\n',
    });
    expect(unit.nodes.length).toBeLessThanOrEqual(25_000);
    expect(unit.diagnostics.map((d) => d.code)).toEqual(['evaluation-limit']);
  });
});

describe('values nested too deep', () => {
  const deep = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

  it('refuses a decoded value nested deeper than 512 levels, as an error try catches, and loads the rest', async () => {
    const unit = await load({
      'main.tf': `
resource "aws_security_group" "s" { ingress = jsondecode("${deep(20_000)}") }
resource "x_thing" "t" {
  tried = try(jsondecode("${deep(513)}"), "fallback")
  fine  = length(jsondecode("${deep(512)}"))
}`,
    });
    expect(prop(unit, 'aws_security_group.s', 'ingress')).toBeInstanceOf(Unknown);
    expect(node(unit, 'x_thing.t').properties).toMatchObject({ tried: 'fallback', fine: 1 });
  });

  it('reports a terraform.tfvars.json nested too deep, in both languages, and loads the module', async () => {
    const unit = await load({
      'main.tf': 'variable "ingress" {}\nresource "aws_security_group" "s" { ingress = var.ingress }',
      'terraform.tfvars.json': `{"ingress": ${deep(20_000)}}`,
    });
    expect(prop(unit, 'aws_security_group.s', 'ingress')).toBeInstanceOf(Unknown);
    expect(unit.diagnostics).toMatchObject([{ level: 'error', code: 'too-deep', message: { en: 'nested deeper than 512 levels', ja: '入れ子が 512 階層を超えています' } }]);
  });
});

describe('file()', () => {
  it('does not follow a symlink out of the configuration', async () => {
    const outside = tree({ creds: 'SECRET' });
    const dir = tree({ 'main.tf': 'resource "x_thing" "t" {\n  out = file("${path.module}/creds")\n  in  = file("link/inside.txt")\n}', 'sub/inside.txt': 'inside' });
    symlinkSync(join(outside, 'creds'), join(dir, 'creds'));
    symlinkSync(join(dir, 'sub'), join(dir, 'link'));
    const unit = loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20 });
    expect(prop(unit, 'x_thing.t', 'out')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'x_thing.t', 'in')).toBe('inside');
  });

  it('warns once of a file file() or templatefile() cannot read, not of one fileexists() looks for', async () => {
    const unit = await load({
      'main.tf': 'module "m" {\n  source = "./m"\n}\n',
      'm/main.tf': 'resource "x_thing" "t" {\n  a = file("${path.module}/gone.json")\n  b = [for i in range(3) : templatefile("${path.module}/gone.json", {})]\n  c = fileexists("${path.module}/maybe.json") ? file("${path.module}/maybe.json") : "{}"\n}\n',
    });
    expect(unit.diagnostics.map((d) => [d.level, d.code, d.file, d.message.en])).toEqual([
      ['warning', 'file-not-read', 'm', 'file "m/gone.json" is not read: it does not exist, is not a regular file inside the directory of a module of this configuration, or is larger than 1 MiB; the values made from it are unknown'],
    ]);
    expect(prop(unit, 'module.m.x_thing.t', 'c')).toBe('{}');
  });

  it('reads the files of a module called from outside the root module, and nothing else outside it', async () => {
    const repo = tree({
      'live/prod/main.tf': 'module "site" {\n  source = "../../modules/site"\n}\n',
      'modules/site/main.tf':
        'resource "aws_s3_bucket" "this" {\n  bucket = "site"\n}\n\nresource "aws_s3_bucket_policy" "this" {\n  bucket = aws_s3_bucket.this.id\n  policy = templatefile("${path.module}/public.json.tftpl", { arn = "arn:aws:s3:::site" })\n  other  = file("${path.module}/../notes.txt")\n}\n',
      'modules/site/public.json.tftpl': '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "${arn}/*"}]}',
      'modules/notes.txt': 'not a module',
    });
    const dir = join(repo, 'live/prod');
    const policies = builtinPolicies.filter((p) => p.id === 'aws-s3-bucket-public-policy');
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    expect(toFindings(outcome.results, 'en').map((f) => `${f.resource} ${f.status}`)).toEqual(['module.site.aws_s3_bucket.this fail']);
    const unit = loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20 });
    expect(prop(unit, 'module.site.aws_s3_bucket_policy.this', 'other')).toBeInstanceOf(Unknown);
  });
});

describe('path', () => {
  it('gives path.cwd as the root module directory, absolute, so that basename(path.cwd) names it', () => {
    const dir = tree({
      'examples/complete/main.tf': 'locals {\n  name = "ex-${basename(path.cwd)}"\n}\nmodule "m" {\n  source = "../.."\n  name   = local.name\n}\n',
      'main.tf': 'variable "name" {}\nresource "x_thing" "t" {\n  name = var.name\n  cwd  = path.cwd\n  root = path.root\n  mod  = path.module\n}\n',
    });
    const root = join(dir, 'examples/complete');
    const unit = loadTerraformModule(root, { cwd: dir, maxFileSize: 1 << 20 });
    expect(prop(unit, 'module.m.x_thing.t', 'name')).toBe('ex-complete');
    expect(prop(unit, 'module.m.x_thing.t', 'cwd')).toBe(root);
    expect(prop(unit, 'module.m.x_thing.t', 'root')).toBe('.');
    expect(prop(unit, 'module.m.x_thing.t', 'mod')).toBe('../..');
  });
});

describe('sensitive variables', () => {
  it('treats sensitive = "true" as true', async () => {
    const unit = await load({ 'main.tf': 'variable "p" {\n  default   = "hunter2"\n  sensitive = "true"\n}\nresource "x_thing" "t" { v = var.p }' });
    expect(prop(unit, 'x_thing.t', 'v')).toBeInstanceOf(Secret);
  });
});

describe('templatefile', () => {
  it('refuses templatefile inside a template templatefile renders, as Terraform does', async () => {
    const started = Date.now();
    const unit = await load({
      't.tpl': '${templatefile("t.tpl", {})}${templatefile("t.tpl", {})}',
      'hello.tpl': 'hello ${name}',
      'main.tf': 'resource "x_thing" "t" {\n  loop  = templatefile("t.tpl", {})\n  hello = templatefile("hello.tpl", { name = "you" })\n}',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(prop(unit, 'x_thing.t', 'loop')).toBeInstanceOf(Unknown);
    expect(prop(unit, 'x_thing.t', 'hello')).toBe('hello you');
  });
});

describe('regular expressions, as RE2 reads them', () => {
  it('gives the match, the groups as a list, or the named groups as a map; an invalid pattern is an error try and can catch', async () => {
    const unit = await load({
      'main.tf': `
resource "x_thing" "t" {
  flag     = regex("(?i)^prod", "PROD-x")
  list     = regex("([a-z]+)-([0-9]+)?", "web-")
  map      = regex("(?P<name>[a-z]+)=(?P<value>[a-z]+)", "a=b")
  all      = regexall("[0-9]", "a1b22")
  allmap   = regexall("(?P<k>[a-z])=", "a=b=")
  replaced = replace("a-1 b-22", "/(?P<w>[a-z])-([0-9]+)/", "$2$\${w}$$1x$")
  empty    = replace("abc", "/b*/", "-")
  invalid  = try(regex("[", "x"), "fallback")
  backref  = can(regex("(a)\\\\1", "aa"))
  mixed    = can(regex("(?P<k>a)(b)", "ab"))
  missing  = can(regex("z", "a"))
}
resource "x_thing" "bad" { v = regex("[", "x") }`,
    });
    expect(node(unit, 'x_thing.t').properties).toMatchObject({
      flag: 'PROD',
      list: ['web', null],
      map: { name: 'a', value: 'b' },
      all: ['1', '2', '2'],
      allmap: [{ k: 'a' }, { k: 'b' }],
      replaced: '1a$1x$ 22b$1x$',
      empty: '-a-c-',
      invalid: 'fallback',
      backref: false,
      mixed: false,
      missing: false,
    });
    expect(prop(unit, 'x_thing.bad', 'v')).toBeInstanceOf(Unknown);
    expect(unit.diagnostics).toEqual([]);
  });

  it('matches in linear time: a pattern that backtracks catastrophically in JavaScript ends at once', async () => {
    const started = Date.now();
    const s = `${'a'.repeat(5000)}b`;
    const unit = await load({
      'main.tf': `
resource "x_thing" "t" {
  found    = can(regex("(a+)+$", "${s}"))
  replaced = length(replace("${s}", "/(a|aa)+$/", ""))
}`,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(node(unit, 'x_thing.t').properties).toMatchObject({ found: false, replaced: 5001 });
  });
});

describe('modules', () => {
  it('loads local modules with their inputs bound, addressed as Terraform does', async () => {
    const unit = await load({
      'main.tf': `
module "app" {
  for_each = toset(["blue", "green"])
  source   = "./modules/app"
  name     = "web-\${each.key}"
}
resource "aws_cloudtrail" "t" {
  s3_bucket_name = module.app["blue"].bucket_name
}`,
      'modules/app/main.tf': `
variable "name" { type = string }
variable "replicas" {
  type    = number
  default = 1
}
resource "aws_s3_bucket" "this" {
  count  = var.replicas
  bucket = var.name
}
output "bucket_name" { value = aws_s3_bucket.this[0].bucket }`,
    });
    expect(unit.diagnostics).toEqual([]);
    expect(unit.nodes.map((n) => n.address)).toEqual(['aws_cloudtrail.t', 'module.app["blue"].aws_s3_bucket.this[0]', 'module.app["green"].aws_s3_bucket.this[0]']);
    expect(prop(unit, 'module.app["green"].aws_s3_bucket.this[0]', 'bucket')).toBe('web-green');
    expect(prop(unit, 'aws_cloudtrail.t', 's3_bucket_name')).toBe('web-blue');
    // The reference through the module's output is a reference to the bucket.
    expect(unit.edges.find((e) => e.from === node(unit, 'aws_cloudtrail.t').id)?.to).toBe(node(unit, 'module.app["blue"].aws_s3_bucket.this[0]').id);
    expect(node(unit, 'module.app["blue"].aws_s3_bucket.this[0]').source.file).toMatch(/modules\/app\/main\.tf$/);
  });

  it('makes data nodes of variables whose string value is written in the code, where it is written, never holding a sensitive one', async () => {
    const outside = tree({ 'secrets.tfvars': 'token = "kept-outside"\n' });
    const unit = await load(
      {
        'variables.tf': 'variable "region" { default = "ap-northeast-1" }\nvariable "db_password" {\n  sensitive = true\n  default   = "hidden"\n}\nvariable "api_key" {}\nvariable "token" {}\nvariable "count_of" { default = 3 }\n',
        'terraform.tfvars': '\napi_key = "in-repo"\n',
      },
      { variables: [{ file: join(outside, 'secrets.tfvars') }] },
    );
    const variables = unit.nodes.filter((n) => n.type === 'terraform_variable').sort((a, b) => a.address.localeCompare(b.address));
    expect(variables.map((n) => [n.address, n.mode, n.source.file.split('/').pop(), n.source.line])).toEqual([
      ['var.api_key', 'data', 'terraform.tfvars', 2],
      ['var.db_password', 'data', 'variables.tf', 2],
      ['var.region', 'data', 'variables.tf', 1],
    ]);
    expect(node(unit, 'var.db_password').properties).toEqual({ default: Secret.instance, sensitive: true });
    expect(node(unit, 'var.db_password').propertyLines?.get('default')).toBe(4);
    expect(node(unit, 'var.api_key').properties).toEqual({ value: 'in-repo' });
  });

  it('reports a block declared twice in a module once, where the second one is, and scans the first', async () => {
    const unit = await load({
      'main.tf': 'module "a" { source = "./m" }\nmodule "b" { source = "./m" }\n',
      'm/vpc.tf': 'resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }\n',
      'm/more.tf': '\n\nresource "aws_vpc" "main" { cidr_block = "10.1.0.0/16" }\n',
    });
    expect(prop(unit, 'module.a.aws_vpc.main', 'cidr_block')).toBe('10.1.0.0/16');
    expect(unit.diagnostics.map((d) => `${d.level} ${d.code} ${d.file.split('/').slice(-2).join('/')}:${d.line}`)).toEqual(['error duplicate-block m/vpc.tf:1']);
  });

  it('reads installed registry modules from .terraform/modules/modules.json, and reports the others once', async () => {
    const unit = await load({
      'main.tf': `
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  cidr    = "10.1.0.0/16"
}
module "missing_one" { source = "git::https://example.com/one.git" }
module "missing_two" { source = "git::https://example.com/one.git" }`,
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.0.0', Dir: '.terraform/modules/vpc' }] }),
      '.terraform/modules/vpc/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "this" { cidr_block = var.cidr }\n',
    });
    expect(prop(unit, 'module.vpc.aws_vpc.this', 'cidr_block')).toBe('10.1.0.0/16');
    expect(unit.diagnostics.map((d) => `${d.level} ${d.code} ${d.line}`)).toEqual(['warning module-not-inspected 7']);
  });


  it('tells a local module source with no directory behind it from one whose directory holds no .tf files', async () => {
    const dir = tree({
      'main.tf': 'module "gone" { source = "./shared//modules/sso" }\nmodule "docs" { source = "./modules/docs" }\n',
      'modules/docs/README.md': '# no configuration here',
    });
    const unit = await loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20 });
    expect(unit.diagnostics.map((d) => `${d.level} ${d.code} ${d.line}: ${d.message.en}`)).toEqual([
      'warning module-not-found 1: module source "./shared//modules/sso" names a directory that does not exist (shared/modules/sso): terraform init fails on it, and its resources are not scanned',
      'warning module-not-found 2: module source "./modules/docs" has no .tf files: its resources are not scanned',
    ]);
    expect(unit.diagnostics[0]!.message.ja).toContain('が指すディレクトリ');
  });
  it('points a finding inside an installed module at the module call in the scanned code, keeping where in the module it is', async () => {
    const open = (name: string): string => `resource "aws_security_group" "${name}" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    const dir = tree({
      'main.tf': `
module "bastion" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.17.2"
}

module "own" {
  source = "./own"
}
`,
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'bastion', Source: 'registry.terraform.io/terraform-aws-modules/security-group/aws', Version: '4.17.2', Dir: '.terraform/modules/bastion' },
          { Key: 'bastion.nested', Source: './modules/nested', Dir: '.terraform/modules/bastion/modules/nested' },
        ],
      }),
      '.terraform/modules/bastion/main.tf': `module "nested" {\n  source = "./modules/nested"\n}\n\n${open('this')}`,
      '.terraform/modules/bastion/modules/nested/main.tf': open('deep'),
      'own/main.tf': `\n\n${open('mine')}`,
    });
    const policy = builtinPolicies.find((p) => p.id === 'aws-ec2-sg-world-admin-ports')!;
    const outcome = await scan({ paths: [dir], cwd: dir, policies: [policy] });
    const where = toFindings(outcome.results, 'en').map((f) => `${f.resource} ${f.file}:${f.line} (${f.evidence?.file}:${f.evidence?.line})`);
    expect(where.sort()).toEqual([
      'module.bastion.aws_security_group.this main.tf:2 (.terraform/modules/bastion/main.tf:10)',
      'module.bastion.module.nested.aws_security_group.deep main.tf:2 (.terraform/modules/bastion/modules/nested/main.tf:6)',
      'module.own.aws_security_group.mine own/main.tf:8 (own/main.tf:8)',
    ]);
  });

  it('points it at the argument of the module call the deciding value comes through, where it does', async () => {
    const dir = tree({
      'main.tf': 'module "keys" {\n  source  = "terraform-aws-modules/kms/aws"\n  version = "3.1.0"\n\n  description         = "app key"\n  enable_key_rotation = false\n}\n\nmodule "defaults" {\n  source  = "terraform-aws-modules/kms/aws"\n  version = "3.1.0"\n  rotate  = false\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'keys', Source: 'registry.terraform.io/terraform-aws-modules/kms/aws', Version: '3.1.0', Dir: '.terraform/modules/kms' },
          { Key: 'defaults', Source: 'registry.terraform.io/terraform-aws-modules/kms/aws', Version: '3.1.0', Dir: '.terraform/modules/kms' },
        ],
      }),
      '.terraform/modules/kms/main.tf':
        'variable "description" {\n  default = null\n}\nvariable "enable_key_rotation" {\n  default = false\n}\nvariable "rotate" {\n  default = null\n}\nresource "aws_kms_key" "this" {\n  description         = var.description\n  enable_key_rotation = var.enable_key_rotation\n}\n',
    });
    const policy = builtinPolicies.find((p) => p.id === 'aws-kms-rotation')!;
    const outcome = await scan({ paths: [dir], cwd: dir, policies: [policy] });
    const where = toFindings(outcome.results, 'en').map((f) => `${f.resource} ${f.file}:${f.line} (${f.evidence?.file}:${f.evidence?.line})`);
    // Passed in: the argument's line. Left to the module's own default: the call.
    expect(where.sort()).toEqual(['module.defaults.aws_kms_key.this main.tf:9 (.terraform/modules/kms/main.tf:12)', 'module.keys.aws_kms_key.this main.tf:6 (.terraform/modules/kms/main.tf:12)']);
  });
});

describe('aws_iam_policy_document', () => {
  it('renders JSON as the AWS provider does', async () => {
    const unit = await load({
      'main.tf': `
data "aws_iam_policy_document" "p" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:ListBucket", "s3:GetObject"]
    resources = ["arn:aws:s3:::b/&{aws:username}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-1"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`,
    });
    expect(prop(unit, 'data.aws_iam_policy_document.p', 'json')).toBe(
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Read',
              Effect: 'Allow',
              Action: ['s3:ListBucket', 's3:GetObject'],
              Resource: 'arn:aws:s3:::b/${aws:username}/*',
              Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:root'] },
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
            },
            { Effect: 'Deny', Action: '*', Resource: '*', Principal: '*' },
          ],
        },
        null,
        2,
      ),
    );
  });

  it('merges source and override documents by Sid, and keeps unknown parts in a structured document', async () => {
    const unit = await load({
      'main.tf': `
resource "aws_s3_bucket" "b" { bucket_prefix = "x" }
data "aws_iam_policy_document" "p" {
  source_policy_documents   = [jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "s3:*", Resource = "*" }] })]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "B", Effect = "Deny", Action = "s3:Delete*", Resource = "*" }] })]
  statement {
    sid       = "B"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}`,
    });
    const json = prop(unit, 'data.aws_iam_policy_document.p', 'json');
    expect(JSON.parse(String(json))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'B', Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
      ],
    });
    // Without the override, the ARN known only at apply stays unknown inside a structured document.
    const partial = await load({
      'main.tf': `
resource "aws_s3_bucket" "b" { bucket_prefix = "x" }
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}`,
    });
    expect(prop(partial, 'data.aws_iam_policy_document.p', 'json')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: new Unknown([node(partial, 'aws_s3_bucket.b').id], '${aws_s3_bucket.b.arn}/*') }],
    });
  });
});

describe('lines', () => {
  it('gives each block its range and each written attribute its line, past heredocs, comments and braces in strings', async () => {
    const unit = await load({
      'main.tf': `# a comment with a { brace
/* a block comment
   resource "fake" "one" { */
resource "aws_s3_bucket" "b" {
  bucket = "a}b{c" // trailing }
  policy = <<EOT
{ "Statement": [ { "Effect": "Allow" } ] }
}
EOT
  tags = {
    Name = "\${"}"}"
  }
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "c" { bucket = "c" }
`,
    });
    const b = node(unit, 'aws_s3_bucket.b');
    expect(b.source).toMatchObject({ line: 4, endLine: 16 });
    const lines = { bucket: 5, policy: 6, tags: 10, versioning: 13, 'versioning[0]': 13, 'versioning[0].enabled': 14 };
    expect(Object.fromEntries(Object.keys(lines).map((p) => [p, b.propertyLines?.get(p)]))).toEqual(lines);
    expect(b.properties['tags']).toEqual({ Name: '}' });
    expect(node(unit, 'aws_s3_bucket.c').source).toMatchObject({ line: 18, endLine: 18 });
  });

  it('reports a file that does not parse with its line, and still loads the module\'s other files', async () => {
    const unit = await load({
      'broken.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = \n}\n',
      'good.tf': 'resource "aws_s3_bucket" "ok" { bucket = "ok" }\n',
    });
    expect(unit.nodes.map((n) => n.address)).toEqual(['aws_s3_bucket.ok']);
    expect(unit.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', line: 2 })]);
    expect(unit.diagnostics[0]?.file).toMatch(/broken\.tf$/);
  });

  it('reads .tf.json files with their lines', async () => {
    const unit = await load({
      'main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { j: { bucket: 'json-${upper("x")}', versioning: { enabled: true } } } } }, null, 2),
    });
    const j = node(unit, 'aws_s3_bucket.j');
    expect(j.properties).toEqual({ bucket: 'json-X', versioning: [{ enabled: true }] });
    expect(j.source.line).toBe(4);
    expect(j.propertyLines?.get('bucket')).toBe(5);
  });

  it('takes objects in JSON syntax as the values of locals, variable defaults and module arguments', async () => {
    const dir = tree({
      'main.tf.json': JSON.stringify(
        {
          variable: { db: { type: 'object({ public = bool })', default: { public: true }, validation: { condition: '${var.db.public != null}', error_message: 'set it' } } },
          locals: { settings: { backups: 1 } },
          module: { db: { source: './db', config: { public: '${var.db.public}', backups: '${local.settings.backups}' } } },
        },
        null,
        2,
      ),
      'db/main.tf': 'variable "config" {}\n\nresource "aws_db_instance" "this" {\n  engine                  = "postgres"\n  storage_encrypted       = true\n  publicly_accessible     = var.config.public\n  backup_retention_period = var.config.backups\n}\n',
    });
    const policies = builtinPolicies.filter((p) => p.id === 'aws-rds-publicly-accessible' || p.id === 'aws-rds-backup-retention');
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    expect(outcome.diagnostics).toEqual([]);
    expect(toFindings(outcome.results, 'en').map((f) => `${f.policyId} ${f.resource} ${f.status}`)).toEqual([
      'aws-rds-publicly-accessible module.db.aws_db_instance.this fail',
      'aws-rds-backup-retention module.db.aws_db_instance.this fail',
    ]);
  });

  it('ignores the "//" comment properties of JSON syntax, where CDK for Terraform writes its metadata', async () => {
    const unit = await load({
      'cdk.tf.json': JSON.stringify(
        {
          '//': { metadata: { stackName: 'web', version: '0.20.8' } },
          resource: { aws_s3_bucket: { site: { '//': { metadata: { path: 'web/site', uniqueId: 'site' } }, bucket: 'acme-site' } } },
        },
        null,
        2,
      ),
    });
    const site = node(unit, 'aws_s3_bucket.site');
    expect(site.properties).toEqual({ bucket: 'acme-site' });
    expect(site.written).toEqual(new Set(['bucket']));
    expect(unit.diagnostics).toEqual([]);
  });
});

describe('suppressions', () => {
  it('attaches comments above or inside a block; one without a reason is reported and ignored', async () => {
    const unit = await load({
      'main.tf': `
# Public website content.
# sekisho:ignore:aws-s3-bucket-public-policy the bucket serves the public site exp:2030-01-31
resource "aws_s3_bucket" "site" {
  bucket = "site" // sekisho:ignore:aws-s3-access-logging logged by CloudFront
}

# sekisho:ignore:aws-s3-access-logging

resource "aws_s3_bucket" "other" {
  /* sekisho:ignore:aws-s3-bucket-public-access-block */
  bucket = "other"
}`,
    });
    const file = node(unit, 'aws_s3_bucket.site').source.file;
    expect(node(unit, 'aws_s3_bucket.site').suppressions).toEqual([
      { policyId: 'aws-s3-bucket-public-policy', reason: 'the bucket serves the public site', expires: '2030-01-31', file, line: 3 },
      { policyId: 'aws-s3-access-logging', reason: 'logged by CloudFront', file, line: 5 },
    ]);
    // A blank line separates the first comment from the block: it is not directly above it.
    expect(node(unit, 'aws_s3_bucket.other').suppressions).toBeUndefined();
    expect(unit.diagnostics.map((d) => `${d.level} ${d.code} ${d.line}`)).toEqual(['warning invalid-suppression 11']);
  });
});

describe('plans beside their source', () => {
  const PLAN = JSON.stringify({
    format_version: '1.2',
    resource_changes: [
      { address: 'module.store.aws_s3_bucket.this["a"]', module_address: 'module.store', mode: 'managed', type: 'aws_s3_bucket', name: 'this', index: 'a', change: { actions: ['create'], after: { bucket: 'a' } } },
    ],
  });
  const SOURCE = {
    'main.tf': 'module "store" {\n  source = "./store"\n}\n',
    'store/main.tf': 'resource "aws_s3_bucket" "this" {\n  for_each = toset(["a"])\n  # sekisho:ignore:aws-s3-access-logging a log bucket\n  bucket = each.key\n}\n',
  };

  it('points plan resources at their .tf block and keeps the plan in source.plan', async () => {
    const dir = tree({ ...SOURCE, 'plan.json': PLAN });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sources).toEqual(['plan.json']);
    const [bucket] = loaded.nodes;
    expect(bucket?.format).toBe('terraform-plan');
    expect(bucket?.source).toEqual({ file: 'store/main.tf', line: 1, endLine: 5, plan: { file: 'plan.json', line: 1 } });
    expect(bucket?.propertyLines?.get('bucket')).toBe(4);
    expect(bucket?.suppressions?.map((s) => s.policyId)).toEqual(['aws-s3-access-logging']);
  });

  it('finds the source elsewhere with --source', async () => {
    const dir = tree({ 'infra/main.tf': SOURCE['main.tf'], 'infra/store/main.tf': SOURCE['store/main.tf'], 'out/plan.json': PLAN });
    const loaded = await loadSources(['out/plan.json'], { cwd: dir, sourceDir: 'infra' });
    expect(loaded.nodes[0]?.source.file).toBe('infra/store/main.tf');
  });
});

describe('discovery of Terraform modules', () => {
  it('scans root modules, loads the modules they call through the calls, and skips .terraform', async () => {
    const dir = tree({
      'live/main.tf': 'module "net" {\n  source = "../modules/net"\n  cidr = "10.9.0.0/16"\n}\n',
      'modules/net/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "v" { cidr_block = var.cidr }\n',
      'other/main.tf': 'resource "aws_s3_bucket" "o" { bucket = "o" }\n',
      'live/.terraform/modules/x/main.tf': 'resource "aws_s3_bucket" "hidden" {}\n',
    });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sources.sort()).toEqual(['live', 'other']);
    expect(loaded.nodes.map((n) => `${n.unit} ${n.address} ${String(getPath(n.properties, 'cidr_block') ?? '')}`).sort()).toEqual([
      'live module.net.aws_vpc.v 10.9.0.0/16',
      // The call's literal argument: a value written in the code, as a data node.
      'live module.net.var.cidr ',
      'other aws_s3_bucket.o ',
    ]);
    // A .tf file named on the command line scans its whole module, called or not.
    const named = await loadSources(['modules/net/main.tf'], { cwd: dir });
    expect(named.nodes.map((n) => n.address)).toEqual(['aws_vpc.v']);
  });
});

describe('a platform repository (fixtures/loaders/terraform-hcl/platform)', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const PLATFORM = 'fixtures/loaders/terraform-hcl/platform';

  it('scans the environment, with its local and installed registry modules, and reports what it could not read', async () => {
    const loaded = await loadSources([PLATFORM], { cwd: root });
    expect(loaded.sources).toEqual([`${PLATFORM}/envs/prod`]);
    expect(loaded.nodes.map((n) => n.address).sort()).toEqual([
      'module.audit_logs.aws_s3_bucket.default',
      'module.audit_logs.aws_s3_bucket_versioning.default',
      'module.service.var.environment',
      'module.service["api"].aws_s3_bucket.assets',
      'module.service["api"].aws_s3_bucket_logging.assets',
      'module.service["api"].aws_s3_bucket_public_access_block.assets',
      'module.service["web"].aws_s3_bucket.assets',
      'module.service["web"].aws_s3_bucket_logging.assets',
      'module.service["web"].aws_s3_bucket_public_access_block.assets',
      // Variables whose values are written in the code, as data nodes.
      'var.org',
    ]);
    expect(loaded.diagnostics.map((d) => `${d.level} ${d.code} ${d.file}:${d.line}`)).toEqual([
      `error parse-error ${PLATFORM}/envs/prod/legacy.tf:5`,
      `warning module-not-inspected ${PLATFORM}/envs/prod/main.tf:18`,
    ]);
    const byAddress = (a: string): ResourceNode => loaded.nodes.find((n) => n.address === a)!;
    // An optional object attribute's default, from a tfvars map.
    expect(byAddress('module.service["api"].aws_s3_bucket_public_access_block.assets').properties['block_public_policy']).toBe(true);
    expect(byAddress('module.service["web"].aws_s3_bucket_public_access_block.assets').properties['block_public_policy']).toBe(false);
    // The log bucket's id comes through the registry module's output: unknown, but a reference.
    const logging = byAddress('module.service["web"].aws_s3_bucket_logging.assets');
    expect(loaded.edges.filter((e) => e.from === logging.id && e.path === 'target_bucket').map((e) => e.to)).toEqual([byAddress('module.audit_logs.aws_s3_bucket.default').id]);
    expect(byAddress('module.service["web"].aws_s3_bucket.assets').suppressions).toEqual([
      expect.objectContaining({ policyId: 'aws-s3-bucket-public-access-block', expires: '2027-03-31', file: `${PLATFORM}/modules/service/main.tf`, line: 10 }),
    ]);
  });
});
