/**
 * Pulumi URNs: `urn:pulumi:<stack>::<project>::<parent types$>type::<name>`.
 * The name is everything after the fourth `::` (a name may itself contain `::`).
 */
export function urnName(urn: string): string {
  const parts = urn.split('::');
  return parts.length >= 4 ? parts.slice(3).join('::') : urn;
}

/** The type at the end of a URN's qualified type (`acme:Site$aws:s3/bucketV2:BucketV2` → the bucket's). */
export function urnType(urn: string): string {
  const qualified = urn.split('::')[2] ?? '';
  return qualified.slice(qualified.lastIndexOf('$') + 1);
}

export const STACK_TYPE = 'pulumi:pulumi:Stack';

/** Whether a resource address is a Pulumi URN (its construct path is then the components it lies in). */
export const isUrn = (address: string): boolean => address.startsWith('urn:pulumi:');

/** Whether a URN names the stack itself, the root of every parent chain. */
export function isStack(urn: string, type: string | undefined): boolean {
  return (type ?? urnType(urn)) === STACK_TYPE;
}
