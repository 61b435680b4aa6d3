import { CfnElement, Stack } from 'aws-cdk-lib';

type Section = Record<string, unknown>;

/**
 * A stack's CloudFormation template as the app stands, built from its CloudFormation elements and
 * resolved by the stack (tokens become `Ref`, `Fn::GetAtt`, …), as cdk-nag does: what `cdk synth`
 * will write, less what synthesis adds (CDK metadata, the bootstrap version check).
 */
export function stackTemplate(stack: Stack): Record<string, unknown> {
  const template: Record<string, Section | string> = { AWSTemplateFormatVersion: '2010-09-09' };
  for (const element of stack.node.findAll()) {
    if (!CfnElement.isCfnElement(element) || Stack.of(element) !== stack) continue;
    const rendered = stack.resolve(element._toCloudFormation()) as Record<string, Section> | undefined;
    for (const [section, entries] of Object.entries(rendered ?? {})) {
      template[section] = { ...(template[section] as Section | undefined), ...entries };
    }
  }
  return template;
}
