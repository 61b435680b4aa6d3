import type { Attr, Model } from '../attr.js';
import type { PolicyDocument } from './iam.js';

/**
 * An OpenSearch Service domain, including legacy Elasticsearch domains (`aws_opensearch_domain`,
 * `aws_elasticsearch_domain`, `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain`).
 */
export interface OpenSearchDomain extends Model {
  readonly name: Attr<string>;
  /** `OpenSearch_2.13`, `Elasticsearch_7.10`; `7.10` for `AWS::Elasticsearch::Domain`. */
  readonly engineVersion: Attr<string>;
  /** Encryption at rest: off unless turned on. */
  readonly encryptAtRest: Attr<boolean>;
  /** TLS between the domain's nodes: off unless turned on. */
  readonly nodeToNodeEncryption: Attr<boolean>;
  /**
   * The log types the domain publishes to CloudWatch Logs (`ES_APPLICATION_LOGS`, `AUDIT_LOGS`,
   * `INDEX_SLOW_LOGS`, `SEARCH_SLOW_LOGS`): none unless configured.
   */
  readonly publishedLogs: Attr<readonly string[]>;
  /** Fine-grained access control (`advanced_security_options`, `AdvancedSecurityOptions`): off unless enabled; audit logs need it. */
  readonly fineGrainedAccessControl: Attr<boolean>;
  /**
   * Whether the domain is placed in a VPC (`vpc_options` / `VPCOptions` with subnets): its endpoint
   * is then reachable only from the VPC. Without them the endpoint is public.
   */
  readonly inVpc: Attr<boolean>;
  /**
   * The domain access policies that may be in force: written on the domain (`access_policies`,
   * `AccessPolicies`) and in separate resources (`aws_opensearch_domain_policy`,
   * `aws_elasticsearch_domain_policy`, the CDK's `Custom::OpenSearchAccessPolicy`). None means no
   * domain access policy: only signed requests of identities whose IAM policies allow them get in.
   */
  readonly accessPolicies: readonly PolicyDocument[];
}
