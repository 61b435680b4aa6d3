import type { ResourceNode, SourceFormat } from '../../graph/resource.js';
import { asList, getPath, isMap, isSecret, joinPath, type PropertyValue } from '../../graph/values.js';
import type { SecretSetting, SecretSettings, SecretWriting } from '../../models/aws/secrets.js';
import { defineAdapter } from '../adapter.js';
import { secretRotationAdapter } from '../secret-rotation-common.js';
import { declaredSecret, isIdentifierValue, isSecretVariable, passwordSettings, secretSetting, secretWriting, shapeHasUrlCredentials, writtenAsLiteral, type PasswordPaths } from '../secrets-common.js';

/** Properties of CloudFormation resources that hold a password or token. */
const PASSWORDS: PasswordPaths = {
  'AWS::RDS::DBInstance': ['MasterUserPassword'],
  'AWS::RDS::DBCluster': ['MasterUserPassword'],
  'AWS::Redshift::Cluster': ['MasterUserPassword'],
  'AWS::RedshiftServerless::Namespace': ['AdminUserPassword'],
  'AWS::DocDB::DBCluster': ['MasterUserPassword'],
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  'AWS::ElastiCache::User': ['Passwords'],
  'AWS::AmazonMQ::Broker': ['Users[*].Password'],
  'AWS::OpenSearchService::Domain': ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
  'AWS::Elasticsearch::Domain': ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
  'AWS::DMS::Endpoint': ['Password'],
  // The secret a Secrets Manager secret stores, typed in rather than generated (GenerateSecretString).
  'AWS::SecretsManager::Secret': ['SecretString'],
  // The OAuth 2.0 client secret of an Application Load Balancer's `authenticate-oidc` action; a
  // rule modified with `UseExistingClientSecret: true` may leave it out, and then sets none.
  'AWS::ElasticLoadBalancingV2::Listener': ['DefaultActions[*].AuthenticateOidcConfig.ClientSecret'],
  'AWS::ElasticLoadBalancingV2::ListenerRule': ['Actions[*].AuthenticateOidcConfig.ClientSecret'],
};

/** Template parameters are `data` nodes of this type (see the CloudFormation loader). */
const PARAMETER = 'AWS::CloudFormation::Parameter';

/**
 * Secrets set in a template. A known string is written in the template — as a literal, or as the
 * `Default` of a parameter it refers to — unless it is a dynamic reference
 * (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`). A `NoEcho` parameter's value is a
 * `Secret` and counts as a reference; a parameter default that looks like a secret is reported on
 * the parameter itself.
 */
export const cloudFormationSecretSettings = defineAdapter({
  kind: 'aws.secrets.SecretSettings',
  family: 'cloudformation',
  adapt(graph) {
    const types = [...Object.keys(PASSWORDS), 'AWS::Lambda::Function', 'AWS::ECS::TaskDefinition', PARAMETER];
    return graph.ofType(...types).flatMap((node): SecretSettings[] => {
      const settings = [...passwordSettings(node, PASSWORDS, (path, value) => writing(node, path, value)), ...lambdaVariables(node), ...containerVariables(node), ...parameterDefault(node)];
      return settings.length > 0 ? [{ resource: node, settings }] : [];
    });
  },
});

function lambdaVariables(node: ResourceNode): SecretSetting[] {
  if (node.type !== 'AWS::Lambda::Function') return [];
  const variables = getPath(node.properties, 'Environment.Variables');
  if (!isMap(variables)) return [];
  return Object.entries(variables).flatMap(([name, value]) => variable(node, name, value, joinPath('Environment.Variables', name)));
}

function containerVariables(node: ResourceNode): SecretSetting[] {
  if (node.type !== 'AWS::ECS::TaskDefinition') return [];
  return asList(getPath(node.properties, 'ContainerDefinitions')).flatMap((c, i) =>
    isMap(c)
      ? asList(c['Environment']).flatMap((entry, j) =>
          isMap(entry) && typeof entry['Name'] === 'string' ? variable(node, entry['Name'], entry['Value'], `ContainerDefinitions[${i}].Environment[${j}].Value`) : [],
        )
      : [],
  );
}

function variable(node: ResourceNode, name: string, value: PropertyValue | undefined, path: string): SecretSetting[] {
  const written = isSecretVariable(name, value) || shapeHasUrlCredentials(value) ? writing(node, path, value) : undefined;
  return written ? [secretSetting('environment', name, written, node, path)] : [];
}

/**
 * A parameter whose `Default` is a secret: one named like a secret, or any `NoEcho` one (`NoEcho`
 * hides the value in the console and API, not in the template). SSM parameter types hold a
 * parameter name, not a value.
 */
function parameterDefault(node: ResourceNode): SecretSetting[] {
  if (node.type !== PARAMETER) return [];
  const type = node.properties['Type'];
  const def = node.properties['Default'];
  const masked = node.properties['NoEcho'] === true; // the loader reads as `true` any `NoEcho` but a false
  if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::')) return [];
  const name = node.address.split('/').pop()!;
  if (def === undefined || def === null || def === '' || !declaredSecret(name, masked)) return [];
  // A KMS key's alias, ID or ARN, whatever the parameter is called (`SecretsKmsKeyAlias`).
  if (typeof def === 'string' && isIdentifierValue(name, def)) return [];
  return [{ kind: 'parameter', name, written: 'literal', masked, at: { node, path: 'Default' } }];
}

/**
 * A known string is in the template. `{{resolve:…}}` and ARNs point at a secret kept elsewhere; a
 * `NoEcho` parameter's value is a `Secret`; a value computed from a reference is unknown — unless
 * its known text already carries a password in a URL (`!Sub "postgres://app:pw@${Db.Endpoint.Address}"`).
 *
 * AWS Native resources are not templates: a Pulumi program hands the provider a value that may be a
 * constant or come from its config, another resource or a secret. A stack export or preview says
 * which of its inputs are plain values no resource gave (the node's `literals`); a policy pack's
 * stack validation, which sees outputs only, does not, and there it is not known.
 */
function writing(node: ResourceNode, path: string, value: PropertyValue | undefined): SecretWriting | undefined {
  if (!TEMPLATE_FORMATS.has(node.format)) return secretWriting(value, () => writtenAsLiteral(node, path));
  if (shapeHasUrlCredentials(value)) return 'literal';
  return secretWriting(value, (v) => !isSecret(v));
}

/** Where the resource is read from a CloudFormation template, which holds every known string it sets. */
const TEMPLATE_FORMATS: ReadonlySet<SourceFormat> = new Set<SourceFormat>(['cloudformation', 'cdk']);

/**
 * `AWS::SecretsManager::Secret` with the `AWS::SecretsManager::RotationSchedule`s naming it by
 * `SecretId` — through `!Ref` of the secret or of an `AWS::SecretsManager::SecretTargetAttachment`
 * of it (as the CDK's `addRotationSingleUser` writes), or by its name.
 */
export const cloudFormationSecretsManagerSecrets = secretRotationAdapter('cloudformation', {
  secret: 'AWS::SecretsManager::Secret',
  name: 'Name',
  rotation: 'AWS::SecretsManager::RotationSchedule',
  secretId: 'SecretId',
  standIns: [{ types: ['AWS::SecretsManager::SecretTargetAttachment'], path: 'SecretId' }],
  days: 'RotationRules.AutomaticallyAfterDays',
  expression: 'RotationRules.ScheduleExpression',
});
