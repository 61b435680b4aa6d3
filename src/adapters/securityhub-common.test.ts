import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../graph/graph.js';
import { loadPulumiJson } from '../loaders/pulumi/index.js';
import { terraformSecurityBaselines } from './terraform/securityhub.js';
import { cloudFormationSecurityBaselines } from './cloudformation/securityhub.js';

/** A stack export with the given resources (`pulumi stack export`, deployment version 3). */
function stack(resources: { type: string; name: string; inputs: Record<string, unknown> }[]): string {
  const prefix = 'urn:pulumi:prod::baseline::';
  return JSON.stringify({
    version: 3,
    deployment: {
      resources: [
        { urn: `${prefix}pulumi:pulumi:Stack::baseline-prod`, custom: false, type: 'pulumi:pulumi:Stack' },
        ...resources.map((r) => ({ urn: `${prefix}${r.type}::${r.name}`, custom: true, id: r.name, type: r.type, inputs: r.inputs, outputs: r.inputs, parent: `${prefix}pulumi:pulumi:Stack::baseline-prod` })),
      ],
    },
  });
}

describe('Security Hub in a Pulumi program mixing AWS classic and AWS Native', () => {
  const trail = { type: 'aws:cloudtrail/trail:Trail', name: 'trail', inputs: { name: 'main', s3BucketName: 'acme-trail' } };
  const detector = { type: 'aws-native:guardduty:Detector', name: 'detector', inputs: { enable: true } };
  const graphOf = (json: string): ResourceGraph => {
    const unit = loadPulumiJson(json, 'stack.json');
    return new ResourceGraph(unit.nodes, unit.edges);
  };

  it('counts a hub of either provider for the services of both', () => {
    const graph = graphOf(stack([trail, detector, { type: 'aws-native:securityhub:Hub', name: 'hub', inputs: { enableDefaultStandards: true } }]));
    expect(terraformSecurityBaselines.adapt(graph).map((b) => b.securityHub.value)).toEqual([true]);
    expect(cloudFormationSecurityBaselines.adapt(graph).map((b) => b.securityHub.value)).toEqual([true]);
    const classicHub = graphOf(stack([trail, detector, { type: 'aws:securityhub/account:Account', name: 'hub', inputs: {} }]));
    expect(cloudFormationSecurityBaselines.adapt(classicHub).map((b) => b.securityHub.value)).toEqual([true]);
  });

  it('still finds a stack without one', () => {
    const graph = graphOf(stack([trail, detector]));
    expect(terraformSecurityBaselines.adapt(graph).map((b) => b.securityHub.value)).toEqual([false]);
    expect(cloudFormationSecurityBaselines.adapt(graph).map((b) => b.securityHub.value)).toEqual([false]);
  });
});
