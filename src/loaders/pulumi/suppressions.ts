import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Suppression } from '../../graph/resource.js';
import { getPath, isMap, type PropertyValue } from '../../graph/values.js';

/** The tag key prefix of an accepted exception: `sekisho:ignore:<policy-id>`. */
export const SUPPRESSION_TAG_PREFIX = 'sekisho:ignore:';
const EXPIRY = /(?:^|\s)expires=(\S+)(?=\s|$)/;

/**
 * Accepted exceptions written as tags on a Pulumi resource, so that they live next to the
 * resource in the program, reach the CLI through the stack's state and the policy pack through
 * the resource's inputs, and stay visible on the deployed resource:
 *
 *     tags: { 'sekisho:ignore:aws-s3-access-logging': 'Receives the access logs of the other buckets expires=2027-03-31' }
 *
 * The value is the reason, with an optional `expires=YYYY-MM-DD` (tag values allow neither
 * commas nor parentheses). AWS classic writes tags as a map, AWS Native as `[{ key, value }]`.
 */
export function readTagSuppressions(tags: PropertyValue | undefined, at: { file: string; line?: number | undefined }, diagnostics: Diagnostic[]): Suppression[] {
  const out: Suppression[] = [];
  for (const [key, value] of tagEntries(tags)) {
    if (!key.startsWith(SUPPRESSION_TAG_PREFIX)) continue;
    const policyId = key.slice(SUPPRESSION_TAG_PREFIX.length);
    const expires = typeof value === 'string' ? EXPIRY.exec(value)?.[1] : undefined;
    const reason = typeof value === 'string' ? value.replace(EXPIRY, ' ').trim() : '';
    if (policyId === '' || reason === '') {
      diagnostics.push(
        diagnostic('warning', 'invalid-suppression', at.file, { en: `the tag ${key} needs a policy id and a reason; it is ignored`, ja: `タグ ${key} にはポリシー ID と理由が必要です。このタグは無視します` }, { line: at.line }),
      );
      continue;
    }
    out.push({ policyId, reason, file: at.file, ...(expires !== undefined && { expires }), ...(at.line !== undefined && { line: at.line }) });
  }
  return out;
}

function tagEntries(tags: PropertyValue | undefined): [string, PropertyValue | undefined][] {
  if (Array.isArray(tags)) {
    return tags.flatMap((t) => {
      const key = isMap(t) ? getPath(t, 'key') : undefined;
      return typeof key === 'string' && isMap(t) ? [[key, getPath(t, 'value')] as [string, PropertyValue | undefined]] : [];
    });
  }
  return isMap(tags) ? Object.entries(tags) : [];
}
