import type { PolicyResource, ResourceValidationArgs } from '@pulumi/policy';
import type { PulumiResource } from '../loaders/pulumi/index.js';
import { readProps } from './props.js';

/**
 * The resource a resource validation is called with. Its `props` are the inputs the program
 * passed, secrets decrypted; its dependencies are not given, and its component path only as far
 * as its parent.
 */
export function fromResourceArgs(args: ResourceValidationArgs): PulumiResource {
  return {
    urn: args.urn,
    type: args.type,
    inputs: readProps(args.props, args.opts.additionalSecretOutputs),
    inputsMarked: false,
    outputs: {},
    custom: true,
    parent: args.opts.parent,
    dependencies: [],
    propertyDependencies: {},
  };
}

/**
 * The resources a stack validation is called with: their `props` are outputs (with values
 * computed during the update unknown in a preview), with parents and dependencies resolved. Their
 * inputs are not given, so which properties the program wrote is not known (as in a Terraform
 * state): the resources have no inputs rather than empty ones.
 */
export function fromStackResources(resources: readonly PolicyResource[]): PulumiResource[] {
  return resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    outputs: readProps(r.props, r.opts.additionalSecretOutputs),
    custom: true,
    parent: r.parent?.urn ?? r.opts.parent,
    dependencies: r.dependencies.map((d) => d.urn),
    propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, deps]) => [k, deps.map((d) => d.urn)])),
  }));
}
