import type { ResourceNode } from '../graph/resource.js';
import { getPath } from '../graph/values.js';
import type { CloudFrontDistribution } from '../models/aws/cloudfront.js';
import { bool, choiceNodes, chosen, explicit, read, str } from './read.js';

/**
 * What CloudFront allows viewers when the security policy is not written (`TLSv1`), and what it
 * forces with the default `*.cloudfront.net` certificate whatever is written.
 */
export const CLOUDFRONT_DEFAULT_TLS = 'TLSv1';

interface ViewerCertificateFields {
  /** Path of the viewer certificate settings. */
  readonly block: string;
  readonly defaultCertificate: string;
  readonly customCertificates: readonly string[];
  readonly minimumProtocolVersion: string;
}

/**
 * The viewer certificate and the security policy in effect. A distribution without a custom
 * certificate (ACM or IAM) uses the default certificate, with which CloudFront sets `TLSv1`.
 */
export function viewerCertificate(node: ResourceNode, f: ViewerCertificateFields): Pick<CloudFrontDistribution, 'defaultCertificate' | 'minimumProtocolVersion'> {
  // A certificate chosen at deployment (`Fn::If` around the settings or one of the certificate
  // settings, `!Ref AWS::NoValue` among its choices meaning the default certificate): each choice read whole.
  const choices = [f.block, ...[f.defaultCertificate, ...f.customCertificates].map((c) => `${f.block}.${c}`)].map((p) => choiceNodes(node, p)).find((c) => c !== undefined);
  if (choices) {
    const each = choices.map((choice) => viewerCertificate(choice, f));
    return {
      defaultCertificate: chosen(node, f.block, each.map((c) => c.defaultCertificate)),
      minimumProtocolVersion: chosen(node, f.block, each.map((c) => c.minimumProtocolVersion)),
    };
  }
  const custom = f.customCertificates.map((c) => `${f.block}.${c}`).find((p) => {
    const v = getPath(node.properties, p);
    return v !== undefined && v !== null && v !== '';
  });
  if (custom) {
    return {
      defaultCertificate: explicit(node, custom, false),
      minimumProtocolVersion: read(node, `${f.block}.${f.minimumProtocolVersion}`, str, CLOUDFRONT_DEFAULT_TLS),
    };
  }
  const defaultCertificate = read(node, `${f.block}.${f.defaultCertificate}`, bool, true);
  if (defaultCertificate.origin === 'unknown') return { defaultCertificate, minimumProtocolVersion: { value: undefined, origin: 'unknown', at: defaultCertificate.at } };
  return {
    defaultCertificate: { ...defaultCertificate, value: true },
    minimumProtocolVersion: { value: CLOUDFRONT_DEFAULT_TLS, origin: defaultCertificate.origin, at: defaultCertificate.at },
  };
}
