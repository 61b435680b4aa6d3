import { Annotations, CfnElement, Stack, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Finding } from '../engine/finding.js';
import { uiText } from '../i18n/messages.js';
import { cdkLevel, langOf, type SekishoCdkOptions } from './options.js';
import { annotationText, scanTemplates } from './scan.js';
import { stackTemplate } from './template.js';

/**
 * The Aspect: `Aspects.of(app).add(new SekishoChecks())`. Every CloudFormation resource (or
 * template parameter) that fails a policy is annotated with the policy id, what is wrong and the
 * fix: an error for critical and high findings (which fails `cdk synth`), a warning otherwise.
 *
 * The checks need every stack at once (a bucket policy may sit apart from its bucket) and must
 * see the app after every other Aspect has changed it, so the Aspect only registers a validation
 * on the construct it is added to; CDK runs validations after all Aspects, just before it writes
 * the cloud assembly. The stacks are read as `cdk synth` writes them and scanned as
 * `sekisho scan cdk.out` scans them, with the same suppressions.
 */
export class SekishoChecks implements IAspect {
  private readonly scheduled = new WeakSet<IConstruct>();
  /** What each construct was told already: an app synthesized twice is not annotated twice. */
  private readonly told = new WeakMap<IConstruct, Set<string>>();

  constructor(private readonly options: SekishoCdkOptions = {}) {}

  visit(node: IConstruct): void {
    // The first construct visited is the one the Aspect was added to: everything else is below it.
    for (let n: IConstruct | undefined = node; n; n = n.node.scope) if (this.scheduled.has(n)) return;
    this.scheduled.add(node);
    node.node.addValidation({
      validate: () => {
        annotate(node, this.options, this.told);
        return [];
      },
    });
  }
}

function annotate(scope: IConstruct, options: SekishoCdkOptions, told: WeakMap<IConstruct, Set<string>>): void {
  const stacks = [...(Stack.isStack(scope) ? [scope] : []), ...scope.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c !== scope)];
  const findings = scanTemplates(
    stacks.map((stack) => ({ file: stack.node.path, text: JSON.stringify(stackTemplate(stack)), stackName: stack.stackName, ...nestedIn(stack) })),
    options,
  );
  const byResource = new Map<string, Finding[]>();
  for (const f of findings) byResource.set(key(f.file, f.resource), [...(byResource.get(key(f.file, f.resource)) ?? []), f]);
  const fixLabel = uiText(langOf(options)).fixLabel;
  for (const stack of stacks) {
    for (const c of stack.node.findAll()) {
      // Resources, and template parameters: a secret given as a parameter's default is found on the parameter.
      if (!CfnElement.isCfnElement(c) || Stack.of(c) !== stack) continue;
      for (const f of byResource.get(key(stack.node.path, stack.getLogicalId(c))) ?? []) {
        const text = annotationText(f, fixLabel);
        const seen = told.get(c) ?? new Set<string>();
        told.set(c, seen);
        if (seen.has(text)) continue;
        seen.add(text);
        if (cdkLevel(f.severity) === 'error') Annotations.of(c).addError(text);
        else Annotations.of(c).addWarningV2(`sekisho:${f.policyId}`, text);
      }
    }
  }
}

const key = (file: string, logicalId: string): string => `${file}\u0000${logicalId}`;

/** A nested stack's place in its parent: what the parent passes it and reads of its outputs joins the two. */
function nestedIn(stack: Stack): { nestedIn?: { file: string; logicalId: string } } {
  const parent = stack.nestedStackParent;
  const resource = stack.nestedStackResource;
  return parent && resource ? { nestedIn: { file: parent.node.path, logicalId: parent.getLogicalId(resource) } } : {};
}
