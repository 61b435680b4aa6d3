import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings } from '../../engine/finding.js';
import { scanText } from '../../engine/scan.js';
import { ResourceGraph } from '../../graph/graph.js';
import { Secret, Unknown } from '../../graph/values.js';
import { loadTerraformJson } from './index.js';

/** A plan as `terraform show -json` writes it (Terraform 1.9, AWS provider 5), trimmed to what matters. */
const plan = {
  format_version: '1.2',
  terraform_version: '1.9.8',
  planned_values: { root_module: {} },
  resource_changes: [
    {
      address: 'module.site["blog"].aws_s3_bucket.this',
      module_address: 'module.site["blog"]',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'this',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: { bucket: 'acme-blog', force_destroy: false, tags: null },
        after_unknown: { arn: true, id: true, logging: true, versioning: true, tags_all: true },
        before_sensitive: false,
        after_sensitive: { tags_all: {} },
      },
    },
    {
      address: 'module.site["blog"].aws_s3_bucket_policy.this',
      module_address: 'module.site["blog"]',
      mode: 'managed',
      type: 'aws_s3_bucket_policy',
      name: 'this',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: {}, after_unknown: { bucket: true, id: true, policy: true }, before_sensitive: false, after_sensitive: {} },
    },
    {
      address: 'aws_s3_bucket_logging.site["blog"]',
      mode: 'managed',
      type: 'aws_s3_bucket_logging',
      name: 'site',
      index: 'blog',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: { target_prefix: 'blog/' },
        after_unknown: { bucket: true, id: true, target_bucket: true },
        before_sensitive: false,
        after_sensitive: {},
      },
    },
    {
      address: 'aws_s3_bucket.logs',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'logs',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['no-op'],
        before: { bucket: 'acme-logs', id: 'acme-logs' },
        after: { bucket: 'acme-logs', id: 'acme-logs' },
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {},
      },
    },
    {
      address: 'aws_db_instance.old',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'old',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['delete'], before: { identifier: 'old' }, after: null, after_unknown: {}, before_sensitive: {}, after_sensitive: false },
    },
    {
      address: 'aws_db_instance.main',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'main',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['delete', 'create'],
        before: { identifier: 'main', password: 'old-secret-value' },
        after: { identifier: 'main', password: 'new-secret-value', storage_encrypted: true },
        after_unknown: { id: true, arn: true },
        before_sensitive: { password: true },
        after_sensitive: { password: true },
      },
      action_reason: 'replace_because_cannot_update',
    },
  ],
  prior_state: {
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: [
          {
            address: 'data.aws_iam_policy_document.read',
            mode: 'data',
            type: 'aws_iam_policy_document',
            name: 'read',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            schema_version: 0,
            values: { id: '12345', json: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
            sensitive_values: {},
          },
        ],
      },
    },
  },
  configuration: {
    root_module: {
      resources: [
        {
          address: 'aws_s3_bucket_logging.site',
          mode: 'managed',
          type: 'aws_s3_bucket_logging',
          name: 'site',
          expressions: {
            bucket: { references: ['module.site["blog"].bucket_id', 'module.site["blog"]'] },
            target_bucket: { references: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] },
            target_prefix: { references: ['each.key'] },
          },
          for_each_expression: { references: ['var.sites'] },
        },
        { address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', expressions: { bucket: { constant_value: 'acme-logs' } } },
        {
          address: 'aws_db_instance.main',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'main',
          expressions: { identifier: { constant_value: 'main' }, password: { references: ['var.db_password'] }, storage_encrypted: { constant_value: true } },
        },
      ],
      module_calls: {
        site: {
          source: './modules/site',
          expressions: { policy_json: { references: ['data.aws_iam_policy_document.read.json', 'data.aws_iam_policy_document.read'] } },
          for_each_expression: { references: ['var.sites'] },
          module: {
            outputs: { bucket_id: { expression: { references: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] } } },
            resources: [
              { address: 'aws_s3_bucket.this', mode: 'managed', type: 'aws_s3_bucket', name: 'this', expressions: { bucket: { references: ['var.name'] } } },
              {
                address: 'aws_s3_bucket_policy.this',
                mode: 'managed',
                type: 'aws_s3_bucket_policy',
                name: 'this',
                expressions: {
                  bucket: { references: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] },
                  policy: { references: ['var.policy_json'] },
                },
              },
            ],
          },
        },
      },
    },
  },
};

const load = (doc: unknown, text = JSON.stringify(doc, null, 2)) => loadTerraformJson(text, 'plan.json');

describe('Terraform plan JSON', () => {
  const { nodes, edges, diagnostics } = load(plan);
  const graph = new ResourceGraph(nodes, edges);
  const byAddress = (a: string) => nodes.find((n) => n.address === a)!;

  it('reads every resource to be created, updated, replaced or kept, with module path and index key', () => {
    expect(diagnostics).toEqual([]);
    expect(nodes.map((n) => `${n.address} ${n.action}`)).toEqual([
      'module.site["blog"].aws_s3_bucket.this create',
      'module.site["blog"].aws_s3_bucket_policy.this create',
      'aws_s3_bucket_logging.site["blog"] create',
      'aws_s3_bucket.logs no-op',
      'aws_db_instance.old delete',
      'aws_db_instance.main replace',
      'data.aws_iam_policy_document.read read',
    ]);
  });

  it('keeps resources being deleted apart, with their values before deletion: nothing else sees them', () => {
    expect(graph.deleted('aws_db_instance').map((n) => [n.address, n.properties])).toEqual([['aws_db_instance.old', { identifier: 'old' }]]);
    expect(graph.ofType('aws_db_instance').map((n) => n.address)).toEqual(['aws_db_instance.main']);
    expect(graph.nodes.some((n) => n.action === 'delete')).toBe(false);
  });

  it('drops computed attributes the author did not write, and keeps written unknowns with their references', () => {
    const bucket = byAddress('module.site["blog"].aws_s3_bucket.this');
    expect(bucket.properties).toEqual({ bucket: 'acme-blog', force_destroy: false, tags: null });
    const logging = byAddress('aws_s3_bucket_logging.site["blog"]');
    expect(logging.properties['target_bucket']).toEqual(new Unknown([byAddress('aws_s3_bucket.logs').id]));
    expect(logging.properties['target_prefix']).toBe('blog/');
  });

  it('replaces sensitive values by a secret marker: the value is gone', () => {
    expect(byAddress('aws_db_instance.main').properties['password']).toBe(Secret.instance);
    expect(JSON.stringify(nodes)).not.toMatch(/secret-value/);
  });

  it('lists the arguments written as literals, inside nested blocks too, and functions of literals', () => {
    const doc = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_lambda_function.f',
          mode: 'managed',
          type: 'aws_lambda_function',
          name: 'f',
          change: { actions: ['create'], before: null, after: { function_name: 'f' }, after_unknown: {}, before_sensitive: false, after_sensitive: {} },
        },
      ],
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_lambda_function.f',
              mode: 'managed',
              type: 'aws_lambda_function',
              name: 'f',
              expressions: {
                function_name: { constant_value: 'f' },
                role: { references: ['aws_iam_role.r.arn', 'aws_iam_role.r'] },
                tags: {}, // jsonencode / merge of literals: neither constant_value nor references
                environment: [{ variables: { constant_value: { STAGE: 'prod' } } }],
                vpc_config: [{ subnet_ids: { references: ['var.subnets'] } }],
              },
            },
          ],
        },
      },
    };
    expect([...(load(doc).nodes[0]!.literals ?? [])].sort()).toEqual(['environment[0].variables', 'function_name', 'tags']);
  });

  it('follows references through module outputs, variables and for_each keys', () => {
    const logging = byAddress('aws_s3_bucket_logging.site["blog"]');
    expect(graph.referencedFrom(logging, 'bucket').map((n) => n.address)).toEqual(['module.site["blog"].aws_s3_bucket.this']);
    const policy = byAddress('module.site["blog"].aws_s3_bucket_policy.this');
    expect(graph.referencedFrom(policy, 'policy').map((n) => n.address)).toEqual(['data.aws_iam_policy_document.read']);
    expect(graph.referencedFrom(policy, 'bucket').map((n) => n.address)).toEqual(['module.site["blog"].aws_s3_bucket.this']);
  });

  it('links a reference to one instance of a for_each resource to that instance only', () => {
    const change = (address: string, type: string, name: string, index?: string) => ({
      address,
      mode: 'managed',
      type,
      name,
      ...(index !== undefined && { index }),
      change: { actions: ['create'], after: {}, after_unknown: { bucket: true } },
    });
    const doc = {
      format_version: '1.2',
      resource_changes: [
        change('aws_s3_bucket.this["a"]', 'aws_s3_bucket', 'this', 'a'),
        change('aws_s3_bucket.this["b"]', 'aws_s3_bucket', 'this', 'b'),
        change('aws_s3_bucket_policy.a', 'aws_s3_bucket_policy', 'a'),
      ],
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.this', mode: 'managed', type: 'aws_s3_bucket', name: 'this', expressions: {} },
            {
              address: 'aws_s3_bucket_policy.a',
              mode: 'managed',
              type: 'aws_s3_bucket_policy',
              name: 'a',
              expressions: { bucket: { references: ['aws_s3_bucket.this["a"].id', 'aws_s3_bucket.this["a"]', 'aws_s3_bucket.this'] } },
            },
          ],
        },
      },
    };
    const loaded = load(doc);
    const g = new ResourceGraph(loaded.nodes, loaded.edges);
    const policy = loaded.nodes.find((n) => n.address === 'aws_s3_bucket_policy.a')!;
    expect(g.referencedFrom(policy, 'bucket').map((n) => n.address)).toEqual(['aws_s3_bucket.this["a"]']);
  });

  it('links `each.value` of a for_each over a resource to the instance with the same key, in a resource and in a module call', () => {
    const change = (address: string, type: string, name: string, index: string | undefined, module?: string) => ({
      address,
      ...(module !== undefined && { module_address: module }),
      mode: 'managed',
      type,
      name,
      ...(index !== undefined && { index }),
      change: { actions: ['create'], after: {}, after_unknown: { id: true, bucket: true } },
    });
    const versioning = { address: 'aws_s3_bucket_versioning.this', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'this' };
    const doc = {
      format_version: '1.2',
      resource_changes: [
        change('aws_s3_bucket.site["blog"]', 'aws_s3_bucket', 'site', 'blog'),
        change('aws_s3_bucket.site["docs"]', 'aws_s3_bucket', 'site', 'docs'),
        change('aws_s3_bucket_versioning.site["docs"]', 'aws_s3_bucket_versioning', 'site', 'docs'),
        change('aws_s3_bucket_versioning.site["wiki"]', 'aws_s3_bucket_versioning', 'site', 'wiki'),
        change('module.v["blog"].aws_s3_bucket_versioning.this', 'aws_s3_bucket_versioning', 'this', undefined, 'module.v["blog"]'),
      ],
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.site', mode: 'managed', type: 'aws_s3_bucket', name: 'site', expressions: { bucket: { references: ['each.value'] } }, for_each_expression: { references: ['var.sites'] } },
            {
              ...versioning,
              address: 'aws_s3_bucket_versioning.site',
              name: 'site',
              expressions: { bucket: { references: ['each.value.id', 'each.value'] } },
              for_each_expression: { references: ['aws_s3_bucket.site'] },
            },
          ],
          module_calls: {
            v: {
              source: './modules/v',
              expressions: { bucket: { references: ['each.value.id', 'each.value'] } },
              for_each_expression: { references: ['aws_s3_bucket.site'] },
              module: { resources: [{ ...versioning, expressions: { bucket: { references: ['var.bucket'] } } }] },
            },
          },
        },
      },
    };
    const loaded = load(doc);
    const g = new ResourceGraph(loaded.nodes, loaded.edges);
    const targets = (address: string) => g.referencedFrom(loaded.nodes.find((n) => n.address === address)!, 'bucket').map((n) => n.address);
    expect(targets('aws_s3_bucket_versioning.site["docs"]')).toEqual(['aws_s3_bucket.site["docs"]']);
    expect(targets('module.v["blog"].aws_s3_bucket_versioning.this')).toEqual(['aws_s3_bucket.site["blog"]']);
    // No bucket has its key: linked to none rather than to every bucket.
    expect(targets('aws_s3_bucket_versioning.site["wiki"]')).toEqual([]);
  });

  it('gives each resource the line of its entry in a pretty-printed plan, line 1 in a one-line plan', () => {
    expect(byAddress('aws_s3_bucket.logs').source.line).toBe(JSON.stringify(plan, null, 2).split('\n').findIndex((l) => l.includes('"address": "aws_s3_bucket.logs"')) + 1);
    const oneLine = load(plan, JSON.stringify(plan));
    expect(new Set(oneLine.nodes.filter((n) => n.mode === 'managed').map((n) => n.source.line))).toEqual(new Set([1]));
  });

  it('reads a state (`terraform show -json` without a plan)', () => {
    const state = { format_version: '1.0', terraform_version: '1.9.8', values: plan.prior_state.values };
    const loaded = load(state);
    expect(loaded.nodes.map((n) => [n.address, n.format])).toEqual([['data.aws_iam_policy_document.read', 'terraform-state']]);
  });

  it.each([
    ['an unknown major format_version', { ...plan, format_version: '2.0' }, 'unsupported Terraform JSON format_version "2.0"'],
    ['no format_version', { planned_values: {} }, 'format_version is missing'],
    ['a format_version that is a number', { ...plan, format_version: 1.2 }, 'format_version is not a string'],
    ['resource_changes that are not a list', { ...plan, resource_changes: 'none' }, 'resource_changes is not a list'],
    ['resource_changes that are null', { ...plan, resource_changes: null }, 'resource_changes is not a list'],
    ['a prior_state that is not an object', { ...plan, prior_state: 'x' }, 'prior_state is not an object'],
    ['state values that are a list', { format_version: '1.0', values: [] }, 'values is not an object'],
  ])('refuses %s with one diagnostic', (_, doc, message) => {
    const loaded = load(doc);
    expect(loaded.nodes).toEqual([]);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'error', message: expect.objectContaining({ en: expect.stringContaining(message) }) })]);
  });

  it('reports truncated JSON with the line where it ends, and never quotes the input', () => {
    const text = JSON.stringify(plan, null, 2);
    const loaded = load(undefined, text.slice(0, text.indexOf('new-secret-value') + 10));
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ level: 'error', code: 'parse-error', line: text.slice(0, text.indexOf('new-secret-value')).split('\n').length });
    for (const text of Object.values(loaded.diagnostics[0]!.message)) expect(text).not.toContain('secret');
  });

  it.each([
    ['a resource value', (deep: unknown) => ({ ...plan, resource_changes: [{ ...plan.resource_changes[0], change: { ...plan.resource_changes[0]!.change, after: { ingress: deep } } }] })],
    ['an after_unknown marker', (deep: unknown) => ({ ...plan, resource_changes: [{ ...plan.resource_changes[0], change: { ...plan.resource_changes[0]!.change, after_unknown: { ingress: deep } } }] })],
    ['a state value', (deep: unknown) => ({ format_version: '1.0', values: { root_module: { resources: [{ address: 'aws_security_group.a', mode: 'managed', type: 'aws_security_group', name: 'a', values: { ingress: deep } }] } } })],
  ])('refuses %s nested deeper than 512 levels at its line, never overflowing the stack', (_, wrap) => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    const text = JSON.stringify(wrap(deep), null, 1).replace(/\n\s*(?=[\[\]])/g, '');
    const loaded = load(undefined, text);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'too-deep', line: text.slice(0, text.indexOf('[[[')).split('\n').length })]);
  });

  it.each([
    ['a list marking a string', { bucket: [true] }],
    ['a string', { bucket: 'true' }],
    ['a number', { bucket: 1 }],
    ['a string for the whole resource', 'true'],
    ['a list for the whole resource', [true]],
  ])('takes a sensitivity marker it cannot read (%s) to mark the value, never showing it', (_, marker) => {
    const doc = { ...plan, resource_changes: [{ ...plan.resource_changes[0], change: { ...plan.resource_changes[0]!.change, after: { bucket: 'Marked-Secret-1f3a' }, after_sensitive: marker } }] };
    const loaded = load(doc);
    expect(JSON.stringify(loaded.nodes.map((n) => n.properties))).not.toContain('Marked-Secret-1f3a');
  });

  it('warns when Terraform says the plan errored', () => {
    expect(load({ ...plan, errored: true }).diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'plan-errored' })]);
  });

  it('checks the changes Terraform deferred, and warns that the plan is incomplete', () => {
    const deferred = {
      reason: 'resource_config_unknown',
      resource_change: {
        address: 'aws_security_group.admin',
        mode: 'managed',
        type: 'aws_security_group',
        name: 'admin',
        change: { actions: ['create'], before: null, after: { name: 'admin' }, after_unknown: { id: true }, after_sensitive: {} },
      },
    };
    const loaded = load({ ...plan, complete: false, deferred_changes: [deferred] });
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'plan-incomplete' })]);
    expect(loaded.nodes.find((n) => n.address === 'aws_security_group.admin')).toMatchObject({ action: 'create', properties: { name: 'admin' } });
  });

  describe('a separate resource naming its bucket through a local value', () => {
    // `locals { bucket_id = aws_s3_bucket.data.id }`, then `bucket = local.bucket_id`: Terraform
    // lists only `local.bucket_id`, and a plan's configuration does not say what locals hold.
    const change = (address: string, type: string, after: object, unknown: object, index?: string) => ({
      address,
      ...(address.startsWith('module.') && { module_address: address.slice(0, address.indexOf(`.${type}.`)) }),
      mode: 'managed',
      type,
      name: address.slice(address.indexOf(`${type}.`) + type.length + 1).replace(/\[.*$/, ''),
      ...(index !== undefined && { index }),
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after, after_unknown: unknown, before_sensitive: false, after_sensitive: {} },
    });
    const bucket = (address: string, name: string, index?: string) =>
      change(address, 'aws_s3_bucket', { bucket: name, force_destroy: false }, { id: true, arn: true, versioning: true, logging: true }, index);
    const versioning = (address: string, index?: string) =>
      change(address, 'aws_s3_bucket_versioning', { versioning_configuration: [{ status: 'Enabled' }] }, { id: true, bucket: true }, index);
    const config = (type: string, expressions: object, repeat?: object) => ({ address: `${type}.this`, mode: 'managed', type, name: 'this', expressions, ...repeat });
    const viaLocal = { bucket: { references: ['local.bucket_id'] }, versioning_configuration: [{ status: { constant_value: 'Enabled' } }] };
    const versioningFindings = (doc: object) =>
      toFindings(scanText([{ file: 'plan.json', text: JSON.stringify(doc, null, 2) }], { policies: builtinPolicies, today: '2026-01-01' }).results, 'en')
        .filter((f) => f.policyId === 'aws-s3-versioning')
        .map((f) => f.resource);

    it('takes the one bucket of the module instance as the one the local names, in the root and in a module', () => {
      const root = {
        format_version: '1.2',
        resource_changes: [bucket('aws_s3_bucket.this', 'acme-data'), versioning('aws_s3_bucket_versioning.this')],
        configuration: { root_module: { resources: [config('aws_s3_bucket', { bucket: { constant_value: 'acme-data' } }), config('aws_s3_bucket_versioning', viaLocal)] } },
      };
      expect(versioningFindings(root)).toEqual([]);
      const graph = new ResourceGraph(load(root).nodes, load(root).edges);
      const v = graph.nodes.find((n) => n.type === 'aws_s3_bucket_versioning')!;
      expect(graph.referencedFrom(v, 'bucket', ['aws_s3_bucket']).map((n) => n.address)).toEqual(['aws_s3_bucket.this']);

      const inModules = {
        format_version: '1.2',
        resource_changes: ['a', 'b'].flatMap((k) => [bucket(`module.store["${k}"].aws_s3_bucket.this`, `acme-${k}`), versioning(`module.store["${k}"].aws_s3_bucket_versioning.this`)]),
        configuration: {
          root_module: {
            module_calls: {
              store: {
                source: './store',
                for_each_expression: { constant_value: { a: 1, b: 2 } },
                module: { resources: [config('aws_s3_bucket', { bucket: { references: ['each.key'] } }), config('aws_s3_bucket_versioning', viaLocal)] },
              },
            },
          },
        },
      };
      expect(versioningFindings(inModules)).toEqual([]);
    });

    it('pairs keyed instances by key, and takes no bucket when the local may lead to several', () => {
      const keyed = {
        format_version: '1.2',
        resource_changes: ['a', 'b'].flatMap((k) => [bucket(`aws_s3_bucket.this["${k}"]`, `acme-${k}`, k), versioning(`aws_s3_bucket_versioning.this["${k}"]`, k)]),
        configuration: {
          root_module: {
            resources: [
              config('aws_s3_bucket', { bucket: { references: ['each.key'] } }, { for_each_expression: { references: ['local.names'] } }),
              config('aws_s3_bucket_versioning', { ...viaLocal, bucket: { references: ['local.bucket_ids', 'each.key'] } }, { for_each_expression: { references: ['local.names'] } }),
            ],
          },
        },
      };
      expect(versioningFindings(keyed)).toEqual([]);
      // Keyed pairs are found among thousands of instances too, where the whole module is not searched.
      const many = { ...keyed, resource_changes: Array.from({ length: 300 }, (_, i) => `k${i}`).flatMap((k) => [bucket(`aws_s3_bucket.this["${k}"]`, `acme-${k}`, k), versioning(`aws_s3_bucket_versioning.this["${k}"]`, k)]) };
      expect(versioningFindings(many)).toEqual([]);

      // One versioning resource, two buckets: which one is versioned is not known, so neither is taken for it.
      const ambiguous = {
        format_version: '1.2',
        resource_changes: [bucket('aws_s3_bucket.this', 'acme-data'), bucket('aws_s3_bucket.other', 'acme-other'), versioning('aws_s3_bucket_versioning.this')],
        configuration: {
          root_module: {
            resources: [config('aws_s3_bucket', { bucket: { constant_value: 'acme-data' } }), config('aws_s3_bucket_versioning', viaLocal)],
          },
        },
      };
      expect(versioningFindings(ambiguous).sort()).toEqual(['aws_s3_bucket.other', 'aws_s3_bucket.this']);
    });

    it('leaves a known value to name its bucket, and a local never makes a resource count as referenced', () => {
      const known = {
        format_version: '1.2',
        resource_changes: [
          bucket('aws_s3_bucket.this', 'acme-data'),
          bucket('aws_s3_bucket.other', 'acme-other'),
          change('aws_s3_bucket_versioning.this', 'aws_s3_bucket_versioning', { bucket: 'acme-other', versioning_configuration: [{ status: 'Enabled' }] }, { id: true }),
        ],
        configuration: { root_module: { resources: [config('aws_s3_bucket_versioning', viaLocal)] } },
      };
      expect(versioningFindings(known)).toEqual(['aws_s3_bucket.this']);
      const loaded = load(known);
      expect(loaded.edges.filter((e) => e.kind === 'through-local')).toEqual([]);
    });
  });

  describe('what a plan shows of a resource only through its configuration or its history', () => {
    const change = (address: string, type: string, actions: string[], after: object, unknown: object, sensitive: object = {}) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.')[1],
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions, before: actions[0] === 'create' ? null : after, after, after_unknown: unknown, before_sensitive: actions[0] === 'create' ? false : sensitive, after_sensitive: sensitive },
    });
    const config = (address: string, expressions: object) => ({ address, mode: 'managed', type: address.split('.')[0], name: address.split('.')[1], expressions });
    const scan = (doc: object, policyId: string) => {
      const findings = toFindings(scanText([{ file: 'plan.json', text: JSON.stringify(doc) }], { policies: builtinPolicies, today: '2026-01-01' }).results, 'en');
      return { text: JSON.stringify(findings), resources: findings.filter((f) => f.policyId === policyId && f.status === 'fail').map((f) => f.resource).sort() };
    };

    it('finds a write-only password typed into the code: null in the plan, a constant in its configuration, never shown', () => {
      const db = (name: string) =>
        change(`aws_db_instance.${name}`, 'aws_db_instance', ['create'], { identifier: name, password: null, password_wo: null, password_wo_version: 1 }, { id: true, arn: true }, { password: true, password_wo: true });
      const doc = {
        format_version: '1.2',
        resource_changes: [db('typed'), db('passed')],
        configuration: {
          root_module: {
            resources: [
              config('aws_db_instance.typed', { identifier: { constant_value: 'typed' }, password_wo: { constant_value: 'Plaintext-WriteOnly-9x' }, password_wo_version: { constant_value: 1 } }),
              config('aws_db_instance.passed', { identifier: { constant_value: 'passed' }, password_wo: { references: ['var.db_password'] }, password_wo_version: { constant_value: 1 } }),
            ],
          },
        },
      };
      const { text, resources } = scan(doc, 'aws-secrets-plaintext');
      expect(resources).toEqual(['aws_db_instance.typed']);
      expect(text).toContain('password_wo');
      expect(text).not.toContain('Plaintext-');
    });

    it('takes an EBS volume that exists unencrypted as it is: encryption by default only encrypts new volumes', () => {
      const volume = { availability_zone: 'ap-northeast-1a', encrypted: false, size: 100, snapshot_id: '', kms_key_id: '' };
      const doc = {
        format_version: '1.2',
        resource_changes: [
          change('aws_ebs_encryption_by_default.this', 'aws_ebs_encryption_by_default', ['no-op'], { enabled: true, id: 'terraform-1' }, {}),
          change('aws_ebs_volume.kept', 'aws_ebs_volume', ['no-op'], { ...volume, id: 'vol-0a1' }, {}),
          change('aws_ebs_volume.retagged', 'aws_ebs_volume', ['update'], { ...volume, id: 'vol-0b2', tags: { Team: 'data' } }, {}),
          change('aws_ebs_volume.added', 'aws_ebs_volume', ['create'], volume, { id: true, arn: true }),
        ],
        configuration: {
          root_module: {
            resources: ['kept', 'retagged', 'added'].map((n) => config(`aws_ebs_volume.${n}`, { availability_zone: { constant_value: 'ap-northeast-1a' }, size: { constant_value: 100 } })),
          },
        },
      };
      expect(scan(doc, 'aws-ebs-volume-encryption').resources).toEqual(['aws_ebs_volume.kept', 'aws_ebs_volume.retagged']);
    });
  });
});
