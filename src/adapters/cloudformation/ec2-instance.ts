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
  type MappingFields,
  type SubnetSchema,
  type TemplateLink,
} from '../instance-launcher-common.js';
import { bool, read, str } from '../read.js';
import { cloudFormationSubnetMapsPublicIp } from './ec2-network.js';

const TEMPLATE = ['AWS::EC2::LaunchTemplate'];
const CONFIGURATION = ['AWS::AutoScaling::LaunchConfiguration'];
// A subnet has no property holding its id: a literal id never names one of the template's.
const SUBNETS: SubnetSchema = { types: ['AWS::EC2::Subnet'], idProperty: 'SubnetId', mapsPublicIp: cloudFormationSubnetMapsPublicIp };
const MAPPING: MappingFields = { device: 'DeviceName', ebs: 'Ebs', encrypted: 'Encrypted', snapshot: 'SnapshotId' };

/**
 * `AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration` and
 * `AWS::AutoScaling::AutoScalingGroup`. CloudFormation has no resource for EBS encryption by
 * default, so the account setting is never known here. Unset metadata options are EC2's defaults
 * (tokens `optional` unless the AMI or the account default says otherwise, which the template does
 * not show).
 */
export const cloudFormationInstanceLaunchers = defineAdapter({
  kind: 'aws.ec2.InstanceLauncher',
  family: 'cloudformation',
  adapt(graph) {
    const uses = graph.ofType('AWS::EC2::Instance').map((node) => ({ instance: node, template: templateOf(graph, node), mapsVolumes: isSet(node, 'BlockDeviceMappings').value === true }));
    const overridden = templatesOverridden(graph, uses);
    return [
      ...uses.map((u) => instance(graph, u.instance, u.template)),
      ...graph.ofType('AWS::EC2::LaunchTemplate').map((n) => launchTemplate(n, overridden.has(n))),
      ...graph.ofType('AWS::AutoScaling::LaunchConfiguration').map(launchConfiguration),
      ...graph.ofType('AWS::AutoScaling::AutoScalingGroup').map((n) => group(graph, n)),
    ];
  },
});

/** A launch template specification at `path` (`LaunchTemplateId` or `LaunchTemplateName`). */
function templateOf(graph: ResourceGraph, node: ResourceNode, path = 'LaunchTemplate'): TemplateLink {
  return linkTemplate(graph, node, path, [[`${path}.LaunchTemplateId`, 'LaunchTemplateName'], [`${path}.LaunchTemplateName`, 'LaunchTemplateName']], TEMPLATE, (t) => launchTemplate(t, false));
}

/** An Auto Scaling group, with its launch template or launch configuration and its subnets (`VPCZoneIdentifier`). */
function group(graph: ResourceGraph, node: ResourceNode): InstanceLauncher {
  const source = groupSource([
    templateOf(graph, node),
    templateOf(graph, node, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification'),
    linkTemplate(graph, node, 'LaunchConfigurationName', [['LaunchConfigurationName', 'LaunchConfigurationName']], CONFIGURATION, launchConfiguration),
  ]);
  const subnets = launchSubnets(graph, node, { path: firstWrittenPath(node, ['VPCZoneIdentifier']), elsewhere: undefined, defaultPath: 'VPCZoneIdentifier' }, SUBNETS);
  return autoScalingGroup(node, source, subnets, undefined);
}

function instance(graph: ResourceGraph, node: ResourceNode, template: TemplateLink): InstanceLauncher {
  return {
    resource: node,
    launcher: 'instance',
    httpTokens: inherit(read(node, 'MetadataOptions.HttpTokens', str, 'optional'), template, (t) => t.httpTokens),
    httpEndpoint: inherit(read(node, 'MetadataOptions.HttpEndpoint', str, 'enabled'), template, (t) => t.httpEndpoint),
    publicIpRequests: inheritRequests(writtenFlags(node, 'NetworkInterfaces', 'AssociatePublicIpAddress'), template),
    subnetsAssignPublicIp: subnets(graph, node, template),
    elasticIps: elasticIps(graph, node),
    volumes: volumes(node, 'BlockDeviceMappings', template),
    launchTemplate: templateUse(template),
    accountEncryptionByDefault: undefined,
  };
}

/** `overridden`: only instances mapping their own volumes launch from it (`templatesOverridden`). */
function launchTemplate(node: ResourceNode, overridden: boolean): InstanceLauncher {
  const data = 'LaunchTemplateData';
  return {
    resource: node,
    launcher: 'launch-template',
    httpTokens: read(node, `${data}.MetadataOptions.HttpTokens`, str, 'optional'),
    httpEndpoint: read(node, `${data}.MetadataOptions.HttpEndpoint`, str, 'enabled'),
    publicIpRequests: writtenFlags(node, `${data}.NetworkInterfaces`, 'AssociatePublicIpAddress'),
    subnetsAssignPublicIp: [],
    elasticIps: [],
    volumes: overridden && mappedVolumes(node, `${data}.BlockDeviceMappings`, MAPPING).length === 0 ? [] : volumes(node, `${data}.BlockDeviceMappings`, undefined),
    launchTemplate: undefined,
    accountEncryptionByDefault: undefined,
  };
}

function launchConfiguration(node: ResourceNode): InstanceLauncher {
  const request = read(node, 'AssociatePublicIpAddress', bool);
  return {
    resource: node,
    launcher: 'launch-configuration',
    httpTokens: read(node, 'MetadataOptions.HttpTokens', str, 'optional'),
    httpEndpoint: read(node, 'MetadataOptions.HttpEndpoint', str, 'enabled'),
    publicIpRequests: request.origin === 'default' ? [] : [request],
    subnetsAssignPublicIp: [],
    elasticIps: [],
    volumes: volumes(node, 'BlockDeviceMappings', undefined),
    launchTemplate: undefined,
    accountEncryptionByDefault: undefined,
  };
}

/**
 * The EBS volumes of the block device mappings. With no mappings the root volume is the AMI's (or,
 * for an instance, its launch template's). With EBS mappings, which one is the root depends on the
 * AMI's root device name, so only the mapped volumes are known. Mappings of instance store volumes
 * (`VirtualName`) and `NoDevice` alone map no EBS volume: the root volume is still the AMI's.
 */
function volumes(node: ResourceNode, path: string, template: TemplateLink | undefined): BlockDevice[] {
  if (!isSet(node, path).value) return template?.named ? templateVolumes(template) : [amiRootVolume(node, path)];
  const mapped = mappedVolumes(node, path, MAPPING);
  return mapped.length === 0 && !template?.named ? [amiRootVolume(node, path)] : mapped;
}

/**
 * The subnet's say on a public IPv4 address, from `SubnetId` or the first network interface's: no
 * subnet named means the default VPC's default subnet, unless a launch template or an attached
 * network interface decides it.
 */
function subnets(graph: ResourceGraph, node: ResourceNode, template: TemplateLink): Attr<boolean>[] {
  const elsewhere = template.named ? template.at : isSet(node, 'NetworkInterfaces[0].NetworkInterfaceId').value ? { node, path: 'NetworkInterfaces' } : undefined;
  return launchSubnets(graph, node, { path: firstWrittenPath(node, ['SubnetId', 'NetworkInterfaces[0].SubnetId']), elsewhere, defaultPath: 'SubnetId' }, SUBNETS);
}

/** Elastic IPs attached to the instance: `AWS::EC2::EIP.InstanceId`, `AWS::EC2::EIPAssociation.InstanceId`. */
function elasticIps(graph: ResourceGraph, node: ResourceNode): Evidence[] {
  return [
    ...graph.referencing(node, ['AWS::EC2::EIP'], 'InstanceId').map((eip) => ({ node: eip, path: 'InstanceId' })),
    ...graph.referencing(node, ['AWS::EC2::EIPAssociation'], 'InstanceId').map((a) => ({ node: a, path: 'InstanceId' })),
  ];
}
