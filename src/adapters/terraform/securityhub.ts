import { defineAdapter } from '../adapter.js';
import { SECURITY_HUB_TYPES, securityBaselines } from '../securityhub-common.js';

/** Terraform units that manage account-level security services, with or without `aws_securityhub_account`. */
export const terraformSecurityBaselines = defineAdapter({
  kind: 'aws.securityhub.AccountBaseline',
  family: 'terraform',
  adapt(graph) {
    return securityBaselines(graph, {
      services: ['aws_cloudtrail', 'aws_config_configuration_recorder', 'aws_guardduty_detector', 'aws_iam_account_password_policy', 'aws_ebs_encryption_by_default'],
      hub: SECURITY_HUB_TYPES,
    });
  },
});
