import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, isMap, isSecret, joinPath, type PropertyValue } from '../../graph/values.js';
import type { SecretSetting, SecretSettings, SecretWriting } from '../../models/aws/secrets.js';
import { defineAdapter } from '../adapter.js';
import { secretRotationAdapter } from '../secret-rotation-common.js';
import { containerDefinitions } from '../ecs-common.js';
import { declaredSecret, isIdentifierValue, isSecretVariable, passwordSettings, secretSetting, secretWriting, shapeHasUrlCredentials, writtenAsLiteral, type PasswordPaths } from '../secrets-common.js';

/**
 * Arguments of the AWS provider that hold a password or token, with their write-only forms
 * (`password_wo`, Terraform 1.11+): kept out of state and plan, but a literal is still in the code.
 */
const PASSWORDS: PasswordPaths = {
  aws_db_instance: ['password', 'password_wo'],
  aws_rds_cluster: ['master_password', 'master_password_wo'],
  aws_redshift_cluster: ['master_password', 'master_password_wo'],
  aws_redshiftserverless_namespace: ['admin_user_password', 'admin_user_password_wo'],
  aws_docdb_cluster: ['master_password'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_elasticache_user: ['passwords'],
  aws_mq_broker: ['user[*].password'],
  aws_opensearch_domain: ['advanced_security_options[0].master_user_options[0].master_user_password'],
  // The legacy Elasticsearch resource takes the same fine-grained access control master user.
  aws_elasticsearch_domain: ['advanced_security_options[0].master_user_options[0].master_user_password'],
  aws_dms_endpoint: ['password'],
  // The value a Secrets Manager secret stores, typed in rather than generated or passed in.
  aws_secretsmanager_secret_version: ['secret_string', 'secret_string_wo'],
  // A SecureString parameter's value (`holdsSecret`): what Parameter Store is asked to keep secret.
  aws_ssm_parameter: ['value', 'value_wo'],
  // The OAuth 2.0 client secret an Application Load Balancer's `authenticate-oidc` action presents
  // to the IdP: required and sensitive in the provider's schema, for listeners and their rules.
  aws_lb_listener: ['default_action[*].authenticate_oidc[0].client_secret'],
  aws_alb_listener: ['default_action[*].authenticate_oidc[0].client_secret'],
  aws_lb_listener_rule: ['action[*].authenticate_oidc[0].client_secret'],
  aws_alb_listener_rule: ['action[*].authenticate_oidc[0].client_secret'],
};

/** An SSM parameter's value is a secret only as a SecureString: a String or StringList parameter holds configuration. */
const holdsSecret = (node: ResourceNode): boolean => node.type !== 'aws_ssm_parameter' || getPath(node.properties, 'type') === 'SecureString';

const LAMBDA_VARIABLES = 'environment[0].variables';
/** Variables with a value written in the code, as the `.tf` loader gives them. */
const VARIABLE = 'terraform_variable';

/**
 * Secrets set in Terraform resources, and whether each is a literal: plans mark passwords
 * sensitive (their value is a `Secret`), so the node's `literals` — the arguments written as
 * constants — tell a password typed into the code from one taken from a variable or a resource.
 */
export const terraformSecretSettings = defineAdapter({
  kind: 'aws.secrets.SecretSettings',
  family: 'terraform',
  adapt(graph) {
    const types = [...Object.keys(PASSWORDS), 'aws_lambda_function', 'aws_ecs_task_definition', VARIABLE];
    return graph.ofType(...types).flatMap((node): SecretSettings[] => {
      if (node.type === VARIABLE) {
        const setting = variableValue(node);
        return setting ? [{ resource: node, settings: [setting] }] : [];
      }
      if (node.mode !== 'managed') return [];
      const passwords = holdsSecret(node) ? passwordSettings(node, PASSWORDS, (path, value) => writing(node, path, path, value)) : [];
      const settings = [...passwords, ...lambdaVariables(node), ...containerVariables(node)];
      return settings.length > 0 ? [{ resource: node, settings }] : [];
    });
  },
});

/**
 * A variable with its value written in the code (`default`, a module call's argument, a tfvars
 * file), when it is a secret by its name or by `sensitive`: the code holds the secret, whatever
 * uses the variable.
 */
function variableValue(node: ResourceNode): SecretSetting | undefined {
  const path = ['value', 'argument', 'default'].find((p) => node.properties[p] !== undefined) ?? 'default';
  const value = node.properties[path];
  const name = node.address.split('.').pop()!;
  const masked = node.properties['sensitive'] === true;
  const written = isSecret(value) || (typeof value === 'string' && value.trim() !== '' && !isIdentifierValue(name, value));
  if (!written || !declaredSecret(name, masked)) return undefined;
  return { kind: 'variable', name, written: 'literal', masked, at: { node, path } };
}

function lambdaVariables(node: ResourceNode): SecretSetting[] {
  if (node.type !== 'aws_lambda_function') return [];
  const variables = getPath(node.properties, LAMBDA_VARIABLES);
  if (!isMap(variables)) return [];
  return Object.entries(variables).flatMap(([name, value]) => {
    const path = joinPath(LAMBDA_VARIABLES, name);
    const written = isSecretVariable(name, value) || shapeHasUrlCredentials(value) ? writing(node, LAMBDA_VARIABLES, path, value) : undefined;
    return written ? [secretSetting('environment', name, written, node, path)] : [];
  });
}

/** `environment` entries (`{name, value}`) of the containers in the `container_definitions` JSON string. */
function containerVariables(node: ResourceNode): SecretSetting[] {
  if (node.type !== 'aws_ecs_task_definition') return [];
  return (containerDefinitions(node, 'container_definitions').value ?? []).flatMap((c) =>
    asList(c.definition['environment']).flatMap((entry, j) => {
      if (!isMap(entry) || typeof entry['name'] !== 'string') return [];
      const name = entry['name'];
      const path = joinPath(joinPath(joinPath(c.path, 'environment'), j), 'value');
      const written = isSecretVariable(name, entry['value']) || shapeHasUrlCredentials(entry['value']) ? writing(node, 'container_definitions', path, entry['value']) : undefined;
      return written ? [secretSetting('environment', name, written, node, path)] : [];
    }),
  );
}

/**
 * How the value at `path`, inside the argument `argument`, is given. An argument written as a
 * literal holds literals throughout. One that is not may still hold literals next to references
 * (`{ STAGE = "prod", DB_PASSWORD = var.pw }`): `.tf` source names those entries among the
 * literals (and follows values through locals, variables and module calls), so there what it
 * does not name is not a literal; a Pulumi export or preview names those it can tell, and a plan
 * none — there a known value deep inside that is not named is undecided, unless it is sensitive
 * (a literal there would not be). A URL known only in part is a literal when its known text is
 * written in the code and holds the password.
 */
function writing(node: ResourceNode, argument: string, path: string, value: PropertyValue | undefined): SecretWriting | undefined {
  if (node.format === 'terraform-hcl') {
    const literal = writtenAsLiteral(node, path);
    return literal && shapeHasUrlCredentials(value) ? 'literal' : secretWriting(value, () => literal);
  }
  const nested = path !== argument;
  // The `.tf` source tells the constant entries of a map that also holds references.
  const whole = writtenAsLiteral(node, argument);
  const literal = whole === false && nested && writtenAsLiteral(node, path) === true ? true : whole;
  return secretWriting(value, (v) => (literal === undefined ? undefined : literal || (nested && !isSecret(v) ? undefined : false)));
}

/**
 * `aws_secretsmanager_secret` with the `aws_secretsmanager_secret_rotation`s naming it by
 * `secret_id` (a reference, or its name), and the `rotation_lambda_arn`/`rotation_rules` the secret
 * itself took until AWS provider v5.0.0 removed them.
 */
export const terraformSecretsManagerSecrets = secretRotationAdapter('terraform', {
  secret: 'aws_secretsmanager_secret',
  name: 'name',
  rotation: 'aws_secretsmanager_secret_rotation',
  secretId: 'secret_id',
  standIns: [],
  days: 'rotation_rules[0].automatically_after_days',
  expression: 'rotation_rules[0].schedule_expression',
  inline: { lambda: 'rotation_lambda_arn', days: 'rotation_rules[0].automatically_after_days' },
});
