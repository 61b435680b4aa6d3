import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { load, tree } from '../../../test/helpers/terraform-tree.js';
import { toFindings } from '../../engine/finding.js';
import { scan } from '../../engine/scan.js';
import { Secret, Unknown, type PropertyValue } from '../../graph/values.js';

/**
 * Values known only at apply inside lists, policy documents and templates: what Terraform keeps
 * known stays known, and what it cannot tell is unknown, never dropped.
 */

/** The properties of `x_thing.t`. */
async function thing(body: string, more = ''): Promise<Record<string, PropertyValue>> {
  const unit = await load({ 'main.tf': `${PRELUDE}\n${more}\nresource "x_thing" "t" {\n${body}\n}\n` });
  const node = unit.nodes.find((n) => n.address === 'x_thing.t');
  if (!node) throw new Error('no x_thing.t');
  return node.properties;
}

/** Statuses of one policy's results, by resource address (several results of a resource in order). */
async function statuses(files: Record<string, string>, policyId: string): Promise<Record<string, string[]>> {
  const dir = tree(files);
  const outcome = await scan({ paths: [dir], cwd: dir, policies: builtinPolicies.filter((p) => p.id === policyId), today: '2026-01-01' });
  const out: Record<string, string[]> = {};
  for (const r of outcome.results) (out[r.resource.address] ??= []).push(r.status);
  for (const list of Object.values(out)) list.sort();
  return out;
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const PRELUDE = `
variable "missing" {}
resource "aws_iam_policy" "x" { policy = "{}" }
locals { admin = "${ADMIN}" }
`;

const unknown = expect.any(Unknown);

describe('list functions over elements known only at apply', () => {
  it('keeps the known elements of compact, distinct, sort, toset and setunion, with an unknown element for the others', async () => {
    const t = await thing(`
  compact  = compact([local.admin, "", aws_iam_policy.x.arn])
  distinct = distinct([local.admin, aws_iam_policy.x.arn, local.admin])
  sort     = sort(["b", aws_iam_policy.x.arn, "a"])
  toset    = toset(["b", aws_iam_policy.x.arn, "a", "b"])
  union    = setunion([local.admin], [aws_iam_policy.x.arn])
  unknown  = setunion([local.admin], var.missing)
  concat   = concat([local.admin], var.missing)
  flatten  = flatten([[local.admin], aws_iam_policy.x.arn])
  filtered = [for a in [local.admin, aws_iam_policy.x.arn] : a if a != ""]`);
    expect(t['compact']).toEqual([ADMIN, unknown]);
    expect(t['distinct']).toEqual([ADMIN, unknown]);
    // Where the known ones end up is not known: the unknown ones come first.
    expect(t['sort']).toEqual([unknown, 'a', 'b']);
    expect(t['toset']).toEqual([unknown, 'a', 'b']);
    expect(t['union']).toEqual([unknown, ADMIN]);
    expect(t['unknown']).toEqual([unknown, ADMIN]);
    expect(t['concat']).toEqual([ADMIN, unknown]);
    expect(t['flatten']).toEqual([ADMIN, unknown]);
    expect(t['filtered']).toEqual([ADMIN, unknown]);
    // The shape of an element is kept where it is certainly there.
    expect((t['compact'] as PropertyValue[])[1]).toEqual(new Unknown([expect.stringContaining('aws_iam_policy.x')], '${aws_iam_policy.x.arn}'));
  });

  it('leaves the length and the positions after such an element unknown, and the positions before it known', async () => {
    const t = await thing(`
  length   = length(compact([local.admin, aws_iam_policy.x.arn]))
  sized    = length(concat([local.admin], [aws_iam_policy.x.arn]))
  first    = compact([local.admin, aws_iam_policy.x.arn])[0]
  second   = compact([aws_iam_policy.x.arn, local.admin])[1]
  element  = element(distinct([local.admin, aws_iam_policy.x.arn]), 0)
  slice    = slice(compact([local.admin, aws_iam_policy.x.arn, "b"]), 0, 1)
  sliced   = slice(compact([local.admin, aws_iam_policy.x.arn, "b"]), 0, 2)
  empty    = compact([aws_iam_policy.x.arn]) == []
  equal    = [aws_iam_policy.x.arn] == ["a"]
  longer   = [aws_iam_policy.x.arn] == ["a", "b"]
  keys     = [for i, a in compact([local.admin, aws_iam_policy.x.arn, "b"]) : i]
  zipmap   = zipmap(compact(["a", aws_iam_policy.x.arn]), ["x", "y"])
  one      = one(compact([aws_iam_policy.x.arn]))
  chunks   = chunklist(compact([local.admin, aws_iam_policy.x.arn]), 1)
  coalesce = coalescelist(compact([aws_iam_policy.x.arn]), ["b"])
  first_nonempty = coalescelist(compact([local.admin, aws_iam_policy.x.arn]), ["b"])`);
    expect(t['length']).toBeInstanceOf(Unknown);
    expect(t['sized']).toBe(2);
    expect(t['first']).toBe(ADMIN);
    expect(t['second']).toBeInstanceOf(Unknown);
    expect(t['element']).toBeInstanceOf(Unknown);
    expect(t['slice']).toEqual([ADMIN]);
    expect(t['sliced']).toBeInstanceOf(Unknown);
    expect(t['empty']).toBeInstanceOf(Unknown);
    expect(t['equal']).toBeInstanceOf(Unknown);
    expect(t['longer']).toBe(false);
    expect(t['keys']).toEqual([0, unknown, unknown]);
    expect(t['zipmap']).toBeInstanceOf(Unknown);
    expect(t['one']).toBeInstanceOf(Unknown);
    expect(t['chunks']).toBeInstanceOf(Unknown);
    expect(t['coalesce']).toBeInstanceOf(Unknown);
    expect(t['first_nonempty']).toEqual([ADMIN, unknown]);
    // A for_each over such elements only: one instance of unknown key, as over a set known only at apply.
    const unit = await load({ 'main.tf': `${PRELUDE}\nresource "aws_s3_bucket" "b" {\n  for_each = toset(compact([var.missing]))\n  bucket   = "b"\n}\n` });
    expect(unit.nodes.filter((n) => n.type === 'aws_s3_bucket').map((n) => n.address)).toEqual(['aws_s3_bucket.b']);
  });

  it('decides contains, index and the set operations where the known elements decide them, as Terraform does', async () => {
    const t = await thing(`
  contains      = contains([aws_iam_policy.x.arn, local.admin], local.admin)
  maybe         = contains([aws_iam_policy.x.arn], local.admin)
  not_in_empty  = contains([], aws_iam_policy.x.arn)
  index         = index([local.admin, aws_iam_policy.x.arn], local.admin)
  index_after   = index([aws_iam_policy.x.arn, local.admin], local.admin)
  subtract      = setsubtract([local.admin, "b"], [aws_iam_policy.x.arn])
  subtract_kept = setsubtract([local.admin, "b"], ["b"])
  intersection  = setintersection([local.admin, "b"], [local.admin, aws_iam_policy.x.arn])`);
    expect(t['contains']).toBe(true);
    expect(t['maybe']).toBeInstanceOf(Unknown);
    expect(t['not_in_empty']).toBe(false);
    expect(t['index']).toBe(0);
    expect(t['index_after']).toBeInstanceOf(Unknown);
    // An unknown element may remove the ARN: it is not kept as certainly there.
    expect(t['subtract']).toEqual([unknown]);
    expect((t['subtract'] as PropertyValue[])[0]).toHaveProperty('shape', undefined);
    expect(t['subtract_kept']).toEqual([ADMIN]);
    expect(t['intersection']).toEqual([unknown, ADMIN]);
  });

  it('keeps the known text of format, formatlist and join around values known only at apply', async () => {
    const t = await thing(`
  format     = format("%s/*", aws_iam_policy.x.arn)
  quoted     = format("%q", aws_iam_policy.x.arn)
  formatlist = formatlist("%s/*", ["a", aws_iam_policy.x.arn])
  scalar     = formatlist("%s/%s", aws_iam_policy.x.arn, ["a", "b"])
  join       = join(":", ["arn", "aws", aws_iam_policy.x.name])
  join_list  = join(",", compact(["a", aws_iam_policy.x.arn]))`);
    expect(t['format']).toEqual(new Unknown([expect.any(String)], '${aws_iam_policy.x.arn}/*'));
    expect(t['quoted']).toEqual(new Unknown([expect.any(String)], '"${?}"'));
    expect(t['formatlist']).toEqual(['a/*', new Unknown([expect.any(String)], '${aws_iam_policy.x.arn}/*')]);
    expect(t['scalar']).toEqual([new Unknown([expect.any(String)], '${aws_iam_policy.x.arn}/a'), new Unknown([expect.any(String)], '${aws_iam_policy.x.arn}/b')]);
    expect(t['join']).toEqual(new Unknown([expect.any(String)], 'arn:aws:${aws_iam_policy.x.name}'));
    // How many separators there are is not known.
    expect(t['join_list']).toEqual(new Unknown([expect.any(String)]));
  });

  it('does not take a value a for filter may drop as certainly there', async () => {
    const t = await thing(`  maybe = [for a in [local.admin] : a if var.missing != ""]`);
    expect(t['maybe']).toEqual([unknown]);
    expect((t['maybe'] as PropertyValue[])[0]).toHaveProperty('shape', undefined);
  });

  it('reports AdministratorAccess attached through compact, distinct, sort and setunion beside an ARN known only at apply', async () => {
    const role = (name: string, arns: string): string => `
resource "aws_iam_role" "${name}" {
  name                = "${name}"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  managed_policy_arns = ${arns}
}`;
    const files = {
      'main.tf': [
        PRELUDE,
        role('concat', 'concat([local.admin], [aws_iam_policy.x.arn])'),
        role('distinct', 'distinct(concat([local.admin], [aws_iam_policy.x.arn]))'),
        role('compact', 'compact([local.admin, aws_iam_policy.x.arn])'),
        role('sort', 'sort([local.admin, aws_iam_policy.x.arn])'),
        role('setunion', 'setunion([local.admin], [aws_iam_policy.x.arn])'),
        role('given', 'concat([local.admin], var.missing)'),
        role('conditional', 'var.missing != "" ? [local.admin, aws_iam_policy.x.arn] : []'),
      ].join('\n'),
    };
    const found = await statuses(files, 'aws-iam-admin-policy-attachment');
    for (const name of ['concat', 'distinct', 'compact', 'sort', 'setunion', 'given']) expect(found[`aws_iam_role.${name}`], name).toContain('fail');
    // A list known only at apply is not taken for the one policy it refers to.
    expect(found['aws_iam_role.conditional']).toEqual(['unknown']);
  });
});

describe('aws_iam_policy_document with source and override documents known only in part', () => {
  /** A `statement` block granting or denying to everyone (`*`). */
  const statement = (sid: string | undefined, effect: string, actions: string, resources: string, condition = ''): string =>
    [
      '  statement {',
      sid === undefined ? '' : `    sid = "${sid}"`,
      `    effect = "${effect}"`,
      `    actions = [${actions}]`,
      `    resources = [${resources}]`,
      '    principals {\n      type = "*"\n      identifiers = ["*"]\n    }',
      condition,
      '  }',
    ].join('\n');
  const denyHttp = (sid: string | undefined): string =>
    statement(sid, 'Deny', '"s3:*"', 'aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"', '    condition {\n      test = "Bool"\n      variable = "aws:SecureTransport"\n      values = ["false"]\n    }');
  const bucket = (document: string): string => `
variable "missing" {}
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.combined.json
}
${document}`;

  /** `combined` merging, through `compact`, the document `name` that holds `block`. */
  const throughCompact = (name: string, block: string, more = ''): string =>
    bucket(`${more}
data "aws_iam_policy_document" "${name}" {
${block}
}
data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([data.aws_iam_policy_document.${name}.json])
}`);

  it('keeps the statements of a source document given through compact, whose ARNs are known only at apply: a deny that is there, a public grant', async () => {
    expect(await statuses({ 'main.tf': throughCompact('deny', denyHttp('denyInsecureTransport')) }, 'aws-s3-secure-transport')).toEqual({ 'aws_s3_bucket.b': ['pass'] });
    const publicRead = statement('PublicRead', 'Allow', '"s3:GetObject"', '"${aws_s3_bucket.b.arn}/*"');
    const blockOff = 'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n}';
    expect(await statuses({ 'main.tf': throughCompact('public', publicRead, blockOff) }, 'aws-s3-bucket-public-policy')).toEqual({ 'aws_s3_bucket.b': ['fail'] });
  });

  it('keeps the statements of JSON text with ARNs known only at apply', async () => {
    const main = bucket(`
data "aws_iam_policy_document" "combined" {
  source_policy_documents = [<<-JSON
    {"Version": "2012-10-17", "Statement": [{"Sid": "DenyHttp", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
      "Resource": ["\${aws_s3_bucket.b.arn}", "\${aws_s3_bucket.b.arn}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
    JSON
  ]
}`);
    expect(await statuses({ 'main.tf': main }, 'aws-s3-secure-transport')).toEqual({ 'aws_s3_bucket.b': ['pass'] });
  });

  it('says unknown, not that no statement denies plain HTTP, for a document or a list of documents known only at apply', async () => {
    const cases = {
      source: 'source_policy_documents = [var.missing]',
      list: 'source_policy_documents = var.missing == "" ? [] : [var.missing]',
      override: 'override_policy_documents = [var.missing]',
    };
    for (const [name, argument] of Object.entries(cases)) {
      const main = bucket(`data "aws_iam_policy_document" "combined" {\n  ${argument}\n}`);
      expect(await statuses({ 'main.tf': main }, 'aws-s3-secure-transport'), name).toEqual({ 'aws_s3_bucket.b': ['unknown'] });
    }
    const unit = await load({ 'main.tf': bucket(`data "aws_iam_policy_document" "combined" {\n  ${cases.source}\n}`) });
    const json = unit.nodes.find((n) => n.address === 'data.aws_iam_policy_document.combined')?.properties['json'];
    expect(json).toEqual({ Version: '2012-10-17', Statement: [unknown] });
  });

  it('makes the statements an override document known only at apply may replace by Sid unknown, and keeps those without a Sid', async () => {
    const withSid = bucket(`
data "aws_iam_policy_document" "combined" {
${denyHttp('DenyHttp')}
  override_policy_documents = [var.missing]
}`);
    expect(await statuses({ 'main.tf': withSid }, 'aws-s3-secure-transport')).toEqual({ 'aws_s3_bucket.b': ['unknown'] });
    const withoutSid = bucket(`
data "aws_iam_policy_document" "combined" {
${denyHttp(undefined)}
  override_policy_documents = [var.missing]
}`);
    expect(await statuses({ 'main.tf': withoutSid }, 'aws-s3-secure-transport')).toEqual({ 'aws_s3_bucket.b': ['pass'] });
    // A source document cannot replace another's statement (the provider refuses the same Sid twice).
    const source = bucket(`
data "aws_iam_policy_document" "deny" {
${denyHttp('DenyHttp')}
}
data "aws_iam_policy_document" "combined" {
  source_policy_documents = [data.aws_iam_policy_document.deny.json, var.missing]
}`);
    expect(await statuses({ 'main.tf': source }, 'aws-s3-secure-transport')).toEqual({ 'aws_s3_bucket.b': ['pass'] });
  });
});

describe('templatefile with variables known only at apply', () => {
  const TEMPLATE = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "PassAnyRole", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::\${account_id}:role/*" },
    { "Sid": "Lambda", "Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction", "lambda:UpdateFunctionCode"], "Resource": "*" }
  ]
}
`;
  const MAIN = `
data "aws_caller_identity" "current" {}
variable "secret" {
  default   = "x"
  sensitive = true
}
resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = templatefile("\${path.module}/deployer.json.tftpl", { account_id = data.aws_caller_identity.current.account_id })
}
resource "x_thing" "t" {
  hello  = templatefile("hello.tpl", { name = data.aws_caller_identity.current.account_id })
  secret = templatefile("hello.tpl", { name = var.secret })
}`;
  const files = { 'main.tf': MAIN, 'deployer.json.tftpl': TEMPLATE, 'hello.tpl': 'hello ${name}!' };

  it('renders the known text with holes where the unknown values go', async () => {
    const unit = await load(files);
    const t = unit.nodes.find((n) => n.address === 'x_thing.t')!.properties;
    expect(t['hello']).toEqual(new Unknown([expect.stringContaining('data.aws_caller_identity.current')], 'hello ${data.aws_caller_identity.current.account_id}!'));
    // A sensitive variable still makes the text sensitive.
    expect(t['secret']).toBeInstanceOf(Secret);
  });

  it('checks a policy rendered from a template statement by statement, naming the value known only at apply', async () => {
    const dir = tree(files);
    const outcome = await scan({ paths: [dir], cwd: dir, policies: builtinPolicies.filter((p) => ['aws-iam-passrole-wildcard', 'aws-iam-privilege-escalation'].includes(p.id)), today: '2026-01-01' });
    const findings = toFindings(outcome.results, 'en').filter((f) => f.resource === 'aws_iam_policy.deployer');
    expect(findings.map((f) => `${f.policyId} ${f.status}`).sort()).toEqual(['aws-iam-passrole-wildcard fail', 'aws-iam-privilege-escalation fail', 'aws-iam-privilege-escalation fail']);
    expect(findings.find((f) => f.policyId === 'aws-iam-passrole-wildcard')?.message).toContain('arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/*');
  });
});
