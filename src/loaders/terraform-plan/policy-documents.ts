import type { ResourceNode } from '../../graph/resource.js';
import { Unknown, type PropertyValue } from '../../graph/values.js';
import { renderPolicyDocument } from '../terraform-hcl/policy-document.js';

const POLICY_DOCUMENT = 'aws_iam_policy_document';

/**
 * `data.aws_iam_policy_document` instances Terraform reads during apply, because an argument
 * depends on a resource still to be created (`resources = [aws_s3_bucket.b.arn]`): the plan has
 * their arguments, statements included, but not `json`. Rendered here from those arguments as the
 * provider renders them (as the `.tf` loader does), the parts known only at apply left unknown, so
 * that an `Allow *` written in them is still seen. A source or override document that is another
 * such data source is rendered first and merged in.
 */
export function renderDeferredPolicyDocuments(nodes: readonly ResourceNode[]): void {
  const byId = new Map(nodes.filter(isDocument).map((n) => [n.id, n]));
  const rendering = new Set<string>();

  const render = (node: ResourceNode): PropertyValue | undefined => {
    const json = node.properties['json'];
    if (json !== undefined || rendering.has(node.id)) return json;
    rendering.add(node.id);
    const documents = (key: string): PropertyValue | undefined => {
      const v = node.properties[key];
      return Array.isArray(v) ? v.map(fromOtherDocument) : v instanceof Unknown ? fromOtherDocument(v) : v;
    };
    const fromOtherDocument = (v: PropertyValue): PropertyValue => {
      const other = v instanceof Unknown && v.refs.length === 1 ? byId.get(v.refs[0]!) : undefined;
      return (other && render(other)) ?? v;
    };
    const properties = { ...node.properties };
    for (const key of ['source_policy_documents', 'override_policy_documents']) {
      const v = documents(key);
      if (v !== undefined) properties[key] = v;
    }
    const rendered = renderPolicyDocument(properties);
    node.properties['json'] = rendered.json;
    node.properties['minified_json'] = rendered.minified;
    return rendered.json;
  };

  for (const node of byId.values()) render(node);
}

const isDocument = (node: ResourceNode): boolean => node.mode === 'data' && node.type === POLICY_DOCUMENT;
