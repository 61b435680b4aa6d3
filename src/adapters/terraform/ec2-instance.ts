import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import type { Attr, Evidence } from '../../models/attr.js';
import type { BlockDevice, InstanceLauncher } from '../../models/aws/ec2-instance.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import {
  amiRootVolume,
  autoScalingGroup,
  firstWrittenPath,
  groupSource,
  inherit,
  inheritRequests,
  launchSubnets,
  linkTemplate,
  mappedVolumes,
  templatesOverridden,
  templateUse,
  templateVolumes,
  writtenFlags,
  type SubnetSchema,
  type TemplateLink,
} from '../instance-launcher-common.js';
import { bool, defaulted, read, str } from '../read.js';
import { TERRAFORM_SUBNETS, terraformSubnetMapsPublicIp } from './ec2-network.js';

const TEMPLATE = ['aws_launch_template'];
const SUBNETS: SubnetSchema = { types: TERRAFORM_SUBNETS, idProperty: 'id', mapsPublicIp: terraformSubnetMapsPublicIp };

/**
 * `aws_instance`, `aws_launch_template`, `aws_launch_configuration` and `aws_autoscaling_group`.
 * Unset metadata options are EC2's defaults: the endpoint enabled and tokens `optional` (IMDSv1
 * allowed) unless the AMI is registered for IMDSv2 only or the account default says otherwise,
 * which the code does not show.
 */
export const terraformInstanceLaunchers = defineAdapter({
  kind: 'aws.ec2.InstanceLauncher',
  family: 'terraform',
  adapt(graph) {
    const byDefault = (node: ResourceNode): Attr<boolean> | undefined => encryptionByDefault(graph, node);
    const uses = managed(graph, 'aws_instance').map((node) => ({ instance: node, template: templateOf(graph, node, byDefault(node)), mapsVolumes: blockDevices(node).root !== undefined }));
    const overridden = templatesOverridden(graph, uses);
    return [
      ...uses.map((u) => instance(graph, u.instance, u.template, byDefault(u.instance))),
      ...managed(graph, 'aws_launch_template').map((n) => launchTemplate(n, byDefault(n), overridden.has(n))),
      ...managed(graph, 'aws_launch_configuration').map((n) => launchConfiguration(n, byDefault(n))),
      ...managed(graph, 'aws_autoscaling_group').map((n) => group(graph, n, byDefault(n))),
    ];
  },
});

function managed(graph: ResourceGraph, type: string): ResourceNode[] {
  return graph.ofType(type).filter((n) => n.mode === 'managed');
}

/** A launch template block at `path`: `id`/`name` (instances, groups), `launch_template_id`/`launch_template_name` (a mixed instances policy). */
function templateOf(graph: ResourceGraph, node: ResourceNode, byDefault: Attr<boolean> | undefined, path = 'launch_template', prefix = ''): TemplateLink {
  const refs = [[`${path}[0].${prefix}id`, 'id'], [`${path}[0].${prefix}name`, 'name']] as const;
  return linkTemplate(graph, node, path, refs, TEMPLATE, (t) => launchTemplate(t, byDefault, false));
}

/** An Auto Scaling group, with its launch template or launch configuration and its subnets (`vpc_zone_identifier`). */
function group(graph: ResourceGraph, node: ResourceNode, byDefault: Attr<boolean> | undefined): InstanceLauncher {
  const source = groupSource([
    templateOf(graph, node, byDefault),
    templateOf(graph, node, byDefault, 'mixed_instances_policy[0].launch_template[0].launch_template_specification', 'launch_template_'),
    linkTemplate(graph, node, 'launch_configuration', [['launch_configuration', 'name']], ['aws_launch_configuration'], (c) => launchConfiguration(c, byDefault)),
  ]);
  const subnets = launchSubnets(graph, node, { path: firstWrittenPath(node, ['vpc_zone_identifier']), elsewhere: undefined, defaultPath: 'vpc_zone_identifier' }, SUBNETS);
  return autoScalingGroup(node, source, subnets, byDefault);
}

function instance(graph: ResourceGraph, node: ResourceNode, template: TemplateLink, byDefault: Attr<boolean> | undefined): InstanceLauncher {
  const own = blockDevices(node);
  const ownRequest = read(node, 'associate_public_ip_address', bool);
  return {
    resource: node,
    launcher: 'instance',
    httpTokens: inherit(read(node, 'metadata_options[0].http_tokens', str, 'optional'), template, (t) => t.httpTokens),
    httpEndpoint: inherit(read(node, 'metadata_options[0].http_endpoint', str, 'enabled'), template, (t) => t.httpEndpoint),
    publicIpRequests: inheritRequests(ownRequest.origin === 'default' ? [] : [ownRequest], template),
    subnetsAssignPublicIp: subnets(graph, node, template),
    elasticIps: elasticIps(graph, node),
    // Without a root_block_device block the root volume is the AMI's, or the launch template's.
    volumes: [...(own.root ?? (template.named ? templateVolumes(template) : [amiRootVolume(node, 'root_block_device')])), ...own.ebs],
    launchTemplate: templateUse(template),
    accountEncryptionByDefault: byDefault,
  };
}

/** `overridden`: only instances mapping their own root volume launch from it (`templatesOverridden`). */
function launchTemplate(node: ResourceNode, byDefault: Attr<boolean> | undefined, overridden: boolean): InstanceLauncher {
  const volumes = mappedVolumes(node, 'block_device_mappings', { device: 'device_name', ebs: 'ebs[0]', encrypted: 'encrypted', snapshot: 'snapshot_id' });
  return {
    resource: node,
    launcher: 'launch-template',
    httpTokens: read(node, 'metadata_options[0].http_tokens', str, 'optional'),
    httpEndpoint: read(node, 'metadata_options[0].http_endpoint', str, 'enabled'),
    // associate_public_ip_address is a string here ("true"/"false"), which `bool` reads.
    publicIpRequests: writtenFlags(node, 'network_interfaces', 'associate_public_ip_address'),
    subnetsAssignPublicIp: [],
    elasticIps: [],
    // Mappings of instance store volumes (virtual_name) and no_device alone map no EBS volume: the root volume is still the AMI's.
    volumes: isSet(node, 'block_device_mappings').value && volumes.length > 0 ? volumes : overridden ? [] : [amiRootVolume(node, 'block_device_mappings')],
    launchTemplate: undefined,
    accountEncryptionByDefault: byDefault,
  };
}

function launchConfiguration(node: ResourceNode, byDefault: Attr<boolean> | undefined): InstanceLauncher {
  const own = blockDevices(node);
  const request = read(node, 'associate_public_ip_address', bool);
  return {
    resource: node,
    launcher: 'launch-configuration',
    httpTokens: read(node, 'metadata_options[0].http_tokens', str, 'optional'),
    httpEndpoint: read(node, 'metadata_options[0].http_endpoint', str, 'enabled'),
    publicIpRequests: request.origin === 'default' ? [] : [request],
    subnetsAssignPublicIp: [],
    elasticIps: [],
    volumes: [...(own.root ?? [amiRootVolume(node, 'root_block_device')]), ...own.ebs],
    launchTemplate: undefined,
    accountEncryptionByDefault: byDefault,
  };
}

/** `root_block_device` (when written) and `ebs_block_device` blocks of an instance or launch configuration. */
function blockDevices(node: ResourceNode): { root: BlockDevice[] | undefined; ebs: BlockDevice[] } {
  return {
    root: isSet(node, 'root_block_device').value
      ? [{ device: 'root', isRoot: true, encrypted: read(node, 'root_block_device[0].encrypted', bool, false), snapshot: defaulted<string>(node, 'root_block_device', undefined) }]
      : undefined,
    // The ebs_block_device blocks are mappings without an `ebs` level: the whole block is the EBS part.
    ebs: mappedVolumes(node, 'ebs_block_device', { device: 'device_name', ebs: '', encrypted: 'encrypted', snapshot: 'snapshot_id' }),
  };
}

/**
 * The subnet's say on a public IPv4 address: no subnet named means the default VPC's default
 * subnet, unless a launch template or an attached network interface decides it.
 */
function subnets(graph: ResourceGraph, node: ResourceNode, template: TemplateLink): Attr<boolean>[] {
  const elsewhere = template.named ? template.at : isSet(node, 'network_interface').value ? { node, path: 'network_interface' } : undefined;
  return launchSubnets(graph, node, { path: firstWrittenPath(node, ['subnet_id']), elsewhere, defaultPath: 'subnet_id' }, SUBNETS);
}

/** Elastic IPs attached to the instance: `aws_eip.instance`, `aws_eip_association.instance_id`. */
function elasticIps(graph: ResourceGraph, node: ResourceNode): Evidence[] {
  return [
    ...graph.referencing(node, ['aws_eip'], 'instance').map((eip) => ({ node: eip, path: 'instance' })),
    ...graph.referencing(node, ['aws_eip_association'], 'instance_id').map((a) => ({ node: a, path: 'instance_id' })),
  ];
}

/** `aws_ebs_encryption_by_default` in the same configuration (`enabled` defaults to true). */
function encryptionByDefault(graph: ResourceGraph, node: ResourceNode): Attr<boolean> | undefined {
  const setting = graph.ofType('aws_ebs_encryption_by_default').find((n) => n.mode === 'managed' && n.unit === node.unit);
  return setting ? read(setting, 'enabled', bool, true) : undefined;
}
