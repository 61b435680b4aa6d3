import { lambdaFunctionAdapter, lambdaLayerAdapter } from '../lambda-common.js';

/** `AWS::Lambda::Function` with its `AWS::Lambda::Permission` and `AWS::Lambda::Url` resources. */
export const cloudFormationLambdaFunctions = lambdaFunctionAdapter('cloudformation', {
  function: { type: 'AWS::Lambda::Function', name: 'FunctionName' },
  permission: {
    type: 'AWS::Lambda::Permission',
    function: 'FunctionName',
    action: 'Action',
    principal: 'Principal',
    sourceArn: 'SourceArn',
    sourceAccount: 'SourceAccount',
    principalOrgId: 'PrincipalOrgID',
    functionUrlAuthType: 'FunctionUrlAuthType',
    invokedViaFunctionUrl: 'InvokedViaFunctionUrl',
  },
  url: { type: 'AWS::Lambda::Url', function: 'TargetFunctionArn', authType: 'AuthType' },
  qualifiers: [{ types: ['AWS::Lambda::Alias', 'AWS::Lambda::Version'], path: 'FunctionName' }],
});

/** `AWS::Lambda::LayerVersion` with its `AWS::Lambda::LayerVersionPermission` resources. */
export const cloudFormationLambdaLayers = lambdaLayerAdapter('cloudformation', {
  layer: { type: 'AWS::Lambda::LayerVersion', name: 'LayerName' },
  permission: { type: 'AWS::Lambda::LayerVersionPermission', layer: 'LayerVersionArn', action: 'Action', principal: 'Principal', organizationId: 'OrganizationId' },
});
