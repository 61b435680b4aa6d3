import type { Evidence } from '../attr.js';
import type { AclGrant, S3Bucket } from './s3.js';

/** How findings name a bucket: its name when known, else its address. */
export function bucketLabel(bucket: S3Bucket): string {
  return bucket.name.value ?? bucket.resource.address;
}

/** The grants a canned ACL stands for, for the groups that make a bucket public. */
const CANNED_PUBLIC_GRANTS: Readonly<Record<string, readonly Pick<AclGrant, 'grantee' | 'permission'>[]>> = {
  'public-read': [{ grantee: 'AllUsers', permission: 'READ' }],
  'public-read-write': [
    { grantee: 'AllUsers', permission: 'READ' },
    { grantee: 'AllUsers', permission: 'WRITE' },
  ],
  'authenticated-read': [{ grantee: 'AuthenticatedUsers', permission: 'READ' }],
};

/** Grants to `AllUsers` (anyone) or `AuthenticatedUsers` (any AWS account), from the canned ACL and explicit grants. */
export function publicGrants(bucket: S3Bucket): { grantee: string; permission: string; at: Evidence }[] {
  const canned = (bucket.acl.value && CANNED_PUBLIC_GRANTS[bucket.acl.value]) || [];
  return [
    ...canned.map((g) => ({ ...g, at: bucket.acl.at })),
    ...bucket.grants.filter((g) => g.grantee === 'AllUsers' || g.grantee === 'AuthenticatedUsers'),
  ];
}
