import type { Attr, Model } from '../attr.js';

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
}
