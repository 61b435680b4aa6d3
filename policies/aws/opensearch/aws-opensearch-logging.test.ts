import { describe, expect, it } from 'vitest';
import { toFindings } from '../../../src/engine/finding.js';
import { scanText } from '../../../src/engine/scan.js';
import policy from './aws-opensearch-logging.js';

/** What a user sees for a template of one domain with the given log publishing options: each finding's status and message id. */
function findings(options: string, lang: 'en' | 'ja' = 'en'): { status: string; messageId: string | undefined; message: string }[] {
  const text = `Parameters:
  ErrorLogGroup: { Type: String }
Resources:
  AuditTrail:
    Type: AWS::Logs::LogGroup
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true }
      LogPublishingOptions:
${options}`;
  const outcome = scanText([{ file: 'template.yaml', text }], { policies: [policy] });
  return toFindings(outcome.results, lang).map((f) => ({ status: f.status, messageId: f.messageId, message: f.message }));
}

const AUDIT = `        AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt AuditTrail.Arn }\n`;

describe('aws-opensearch-logging (CloudFormation)', () => {
  it('passes error logs enabled with a log group given as an ARN, a Ref or a GetAtt', () => {
    const arn = 'arn:aws:logs:ap-northeast-1:111122223333:log-group:/aws/opensearch/errors';
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: ${arn} }\n${AUDIT}`)).toEqual([]);
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !Ref ErrorLogGroup }\n${AUDIT}`)).toEqual([]);
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt AuditTrail.Arn }\n${AUDIT}`)).toEqual([]);
  });

  it('fails error logs enabled without a log group: CloudFormation requires one to publish, so nothing is published', () => {
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: true }\n${AUDIT}`)).toMatchObject([{ status: 'fail', messageId: 'noErrorLogs' }]);
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: "" }\n${AUDIT}`)).toMatchObject([
      { status: 'fail', messageId: 'noErrorLogs' },
    ]);
    const [ja] = findings(`        ES_APPLICATION_LOGS: { Enabled: true }\n${AUDIT}`, 'ja');
    expect(ja!.message).toContain('ES_APPLICATION_LOGS');
  });

  it('fails audit logs enabled without a log group the same way', () => {
    const errors = `        ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !Ref ErrorLogGroup }\n`;
    expect(findings(`${errors}        AUDIT_LOGS: { Enabled: true }\n`)).toMatchObject([{ status: 'fail', messageId: 'noAuditLogs' }]);
  });

  it('still fails a log group given with publishing turned off, or left at its default (off)', () => {
    expect(findings(`        ES_APPLICATION_LOGS: { Enabled: false, CloudWatchLogsLogGroupArn: !Ref ErrorLogGroup }\n${AUDIT}`)).toMatchObject([
      { status: 'fail', messageId: 'noErrorLogs' },
    ]);
    expect(findings(`        ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: !Ref ErrorLogGroup }\n${AUDIT}`)).toMatchObject([
      { status: 'fail', messageId: 'noErrorLogs' },
    ]);
  });
});
