/**
 * A realistic Terraform module tree for the benchmark: a root module calling application-slice
 * modules (for_each buckets with split S3 resources, policy documents, security groups with
 * separate rules, a database, IAM roles), written as people write `.tf` files — variables, locals,
 * `for_each`, `dynamic` blocks, `jsonencode`, `data "aws_iam_policy_document"` — spread over
 * `files` files in all.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 13 files of one application module, split the way teams split them. */
function moduleFiles(m: number): Record<string, string> {
  return {
    'variables.tf': `variable "prefix" {\n  type = string\n}\n\nvariable "buckets" {\n  type    = set(string)\n  default = ["data", "uploads", "logs"]\n}\n\nvariable "vpc_id" {\n  type = string\n}\n\nvariable "admin_cidrs" {\n  type    = list(string)\n  default = ["10.${m}.0.0/16"]\n}\n\nvariable "ports" {\n  type = map(number)\n  default = {\n    https = 443\n    app   = 8080\n  }\n}\n`,
    'locals.tf': `locals {\n  name   = "\${var.prefix}-m${m}"\n  logged = toset([for b in var.buckets : b if b != "logs"])\n  tags = merge({ Module = "m${m}" }, { Name = local.name })\n}\n`,
    'outputs.tf': `output "bucket_ids" {\n  value = { for k, b in aws_s3_bucket.this : k => b.id }\n}\n\noutput "role_arn" {\n  value = aws_iam_role.app.arn\n}\n`,
    's3.tf': `resource "aws_s3_bucket" "this" {\n  for_each = var.buckets\n  bucket   = "\${local.name}-\${each.key}"\n  tags     = local.tags\n}\n\nresource "aws_s3_bucket_public_access_block" "this" {\n  for_each                = aws_s3_bucket.this\n  bucket                  = each.value.id\n  block_public_acls       = true\n  block_public_policy     = ${m % 7 !== 0}\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  for_each = aws_s3_bucket.this\n  bucket   = each.value.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.this.arn\n    }\n  }\n}\n\nresource "aws_s3_bucket_versioning" "this" {\n  for_each = aws_s3_bucket.this\n  bucket   = each.value.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
    's3-policy.tf': `data "aws_iam_policy_document" "bucket" {\n  for_each = aws_s3_bucket.this\n  statement {\n    sid       = "DenyInsecure"\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [each.value.arn, "\${each.value.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n  statement {\n    sid       = "${m % 11 === 0 ? 'Public' : 'Vpce'}"\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::\${local.name}-\${each.key}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n${m % 11 === 0 ? '' : `    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceVpce"\n      values   = ["vpce-${m}"]\n    }\n`}  }\n}\n\nresource "aws_s3_bucket_policy" "this" {\n  for_each = aws_s3_bucket.this\n  bucket   = each.value.id\n  policy   = data.aws_iam_policy_document.bucket[each.key].json\n}\n`,
    'iam.tf': `data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["ecs-tasks.amazonaws.com"]\n    }\n  }\n}\n\nresource "aws_iam_role" "app" {\n  name               = "\${local.name}-app"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n\nresource "aws_iam_role_policy" "app" {\n  name = "\${local.name}-app"\n  role = aws_iam_role.app.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = [for b in aws_s3_bucket.this : "\${b.arn}/*"] },\n      { Effect = "Allow", Action = ${m % 13 === 0 ? '"*"' : '["sqs:SendMessage"]'}, Resource = ${m % 13 === 0 ? '"*"' : 'aws_sqs_queue.jobs.arn'} },\n    ]\n  })\n}\n`,
    'network.tf': `resource "aws_security_group" "app" {\n  name        = "\${local.name}-app"\n  description = "Application"\n  vpc_id      = var.vpc_id\n\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      description = ingress.key\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = var.admin_cidrs\n    }\n  }\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
    'rules.tf': `resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.app.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "${m % 5 === 0 ? '0.0.0.0/0' : `10.${m}.0.0/16`}"\n}\n\nresource "aws_security_group_rule" "db" {\n  type                     = "ingress"\n  security_group_id        = aws_security_group.db.id\n  protocol                 = "tcp"\n  from_port                = 5432\n  to_port                  = 5432\n  source_security_group_id = aws_security_group.app.id\n}\n`,
    'database.tf': `resource "aws_security_group" "db" {\n  name   = "\${local.name}-db"\n  vpc_id = var.vpc_id\n}\n\nresource "aws_db_instance" "this" {\n  identifier                  = "\${local.name}-db"\n  engine                      = "postgres"\n  instance_class              = "db.t4g.medium"\n  allocated_storage           = 50\n  storage_encrypted           = ${m % 3 !== 0}\n  kms_key_id                  = aws_kms_key.this.arn\n  username                    = "app"\n  manage_master_user_password = true\n  vpc_security_group_ids      = [aws_security_group.db.id]\n}\n`,
    'kms.tf': `resource "aws_kms_key" "this" {\n  description         = "\${local.name} data"\n  enable_key_rotation = true\n}\n\nresource "aws_kms_alias" "this" {\n  name          = "alias/\${local.name}"\n  target_key_id = aws_kms_key.this.key_id\n}\n`,
    'logging.tf': `resource "aws_s3_bucket_logging" "this" {\n  for_each      = local.logged\n  bucket        = aws_s3_bucket.this[each.key].id\n  target_bucket = aws_s3_bucket.this["logs"].id\n  target_prefix = "\${each.key}/"\n}\n`,
    'queue.tf': `resource "aws_sqs_queue" "jobs" {\n  name                    = "\${local.name}-jobs"\n  sqs_managed_sse_enabled = true\n}\n`,
    'trail.tf': `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/\${local.name}"\n  retention_in_days = 90\n}\n`,
  };
}

/**
 * Writes the tree under `dir`: `modules` application modules of `filesPerModule` files (13 at most),
 * and a root of 5 files calling them. Returns the number of files.
 */
export function generateModuleTree(dir: string, modules = 15, filesPerModule = 13): number {
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  const write = (path: string, text: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    files++;
  };
  for (let m = 0; m < modules; m++) {
    // Fewer, longer files for a smaller repository: consecutive files of the module put together.
    const files = Object.entries(moduleFiles(m));
    const per = Math.ceil(files.length / filesPerModule);
    for (let i = 0; i < files.length; i += per) {
      const group = files.slice(i, i + per);
      write(join(dir, 'modules', `slice${m}`, group[0]![0]), group.map(([, text]) => text).join('\n'));
    }
  }
  const calls = Array.from({ length: modules }, (_, m) => `module "slice${m}" {\n  source = "./modules/slice${m}"\n  prefix = var.prefix\n  vpc_id = aws_vpc.main.id\n}\n`).join('\n');
  write(join(dir, 'main.tf'), calls);
  write(join(dir, 'variables.tf'), 'variable "prefix" {\n  type    = string\n  default = "acme"\n}\n\nvariable "cidr" {\n  type    = string\n  default = "10.0.0.0/8"\n}\n');
  write(join(dir, 'network.tf'), 'resource "aws_vpc" "main" {\n  cidr_block = var.cidr\n}\n\nresource "aws_subnet" "private" {\n  count      = 3\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet(var.cidr, 8, count.index)\n}\n');
  write(join(dir, 'trail.tf'), 'resource "aws_s3_bucket" "trail" {\n  bucket = "${var.prefix}-trail"\n}\n\nresource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}\n');
  write(join(dir, 'providers.tf'), 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region = "ap-northeast-1"\n}\n');
  return files;
}
