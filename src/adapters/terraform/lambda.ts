import { lambdaFunctionAdapter, lambdaLayerAdapter } from '../lambda-common.js';

/** `aws_lambda_function` with its `aws_lambda_permission` and `aws_lambda_function_url` resources. */
export const terraformLambdaFunctions = lambdaFunctionAdapter('terraform', {
  function: { type: 'aws_lambda_function', name: 'function_name' },
  permission: {
    type: 'aws_lambda_permission',
    function: 'function_name',
    action: 'action',
    principal: 'principal',
    sourceArn: 'source_arn',
    sourceAccount: 'source_account',
    principalOrgId: 'principal_org_id',
    functionUrlAuthType: 'function_url_auth_type',
    invokedViaFunctionUrl: 'invoked_via_function_url',
  },
  url: { type: 'aws_lambda_function_url', function: 'function_name', authType: 'authorization_type' },
  qualifiers: [{ types: ['aws_lambda_alias'], path: 'function_name' }],
});

/** `aws_lambda_layer_version` with its `aws_lambda_layer_version_permission` resources. */
export const terraformLambdaLayers = lambdaLayerAdapter('terraform', {
  layer: { type: 'aws_lambda_layer_version', name: 'layer_name' },
  permission: { type: 'aws_lambda_layer_version_permission', layer: 'layer_name', action: 'action', principal: 'principal', organizationId: 'organization_id' },
});
