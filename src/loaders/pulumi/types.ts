import type { SchemaFamily } from '../../graph/resource.js';
import { CLASSIC_MODULE_ALIASES, CLASSIC_MODULE_PREFIX, CLASSIC_PACKAGES, CLASSIC_TYPES, NATIVE_RESOURCES, NATIVE_SERVICES } from './type-table.js';

/** The schema a Pulumi resource type is read in, and its type in that schema. */
export interface SchemaType {
  readonly family: SchemaFamily;
  readonly type: string;
}

/**
 * The Terraform or CloudFormation type the adapters know a Pulumi type token by: a classic
 * provider (`aws:s3/bucketV2:BucketV2`, `gcp:storage/bucketIAMBinding:BucketIAMBinding`,
 * `azure:storage/container:Container`) is the Terraform provider it is bridged from, under Pulumi
 * names; AWS Native (`aws-native:s3:Bucket`) is CloudFormation's registry. Other providers
 * (Azure Native among them: Azure Resource Manager's schema, neither family's) are not resources
 * sekisho checks: `undefined`.
 */
export function schemaTypeOf(token: string): SchemaType | undefined {
  const [pkg, module, name] = token.split(':');
  if (pkg === undefined || module === undefined || name === undefined || module === '' || name === '') return undefined;
  const prefix = Object.hasOwn(CLASSIC_PACKAGES, pkg) ? CLASSIC_PACKAGES[pkg] : undefined;
  if (prefix !== undefined) return { family: 'terraform', type: classicType(pkg, prefix, module, name) };
  if (pkg === 'aws-native') return { family: 'cloudformation', type: nativeType(module, name) };
  return undefined;
}

/**
 * `aws` + `s3/bucketV2` + `BucketV2` → `aws_s3_bucket`. The `V2` suffix marks Pulumi's second
 * take on a Terraform type (v4-style S3 resources), not another Terraform type.
 */
function classicType(pkg: string, typePrefix: string, module: string, name: string): string {
  const { service: named, resource } = classicParts(module, name);
  const aliases = CLASSIC_MODULE_ALIASES[pkg];
  const service = aliases !== undefined && Object.hasOwn(aliases, named) ? aliases[named]! : named;
  const listed = CLASSIC_TYPES[pkg]?.[`${service}/${resource}`];
  if (listed) return listed;
  const snake = snakeCase(resource);
  const prefix = CLASSIC_MODULE_PREFIX[pkg]?.[service] ?? service;
  return prefix === '' || snake === prefix || snake.startsWith(`${prefix}_`) ? `${typePrefix}_${snake}` : `${typePrefix}_${prefix}_${snake}`;
}

/** `s3/bucketV2` + `BucketV2` → service `s3`, resource `bucket`. */
function classicParts(module: string, name: string): { service: string; resource: string } {
  const slash = module.indexOf('/');
  return { service: slash === -1 ? module : module.slice(0, slash), resource: lowerFirst(name.replace(/V2$/, '')) };
}

/** `s3` + `Bucket` → `AWS::S3::Bucket`; `rds` + `DbInstance` → `AWS::RDS::DBInstance`. */
function nativeType(module: string, name: string): string {
  const service = NATIVE_SERVICES[module] ?? upperFirst(module);
  return `AWS::${service}::${NATIVE_RESOURCES[`${module}:${name}`] ?? name}`;
}

/** `bucketPublicAccessBlock` → `bucket_public_access_block`; `s3BucketName` → `s3_bucket_name`. */
export function snakeCase(name: string): string {
  return name
    // Before the last capital of a run followed by a small letter (`SSEAlgorithm` → `SSE_Algorithm`), by
    // a lookahead: `([A-Z]+)([A-Z][a-z])` took time quadratic in a long run of capitals.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
