import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings } from '../engine/finding.js';
import { scanText } from '../engine/scan.js';

/** A distribution whose viewer settings are `viewer` (YAML under DistributionConfig, indented four spaces) in a template with a condition decided at deployment. */
const template = (viewer: string): string => `Parameters:
  Env: { Type: String }
  TlsVersion: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: web
            DomainName: example.com
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
${viewer.replace(/^/gm, '        ')}
`;

const behaviour = (policy: string): string => `DefaultCacheBehavior:
  TargetOriginId: web
  ViewerProtocolPolicy: ${policy}
  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`;

const certificate = (settings: string): string => `${behaviour('https-only')}\nViewerCertificate:${settings}`;
const acm = (version: string): string => `{ AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc, SslSupportMethod: sni-only, MinimumProtocolVersion: ${version} }`;

function scan(policyId: string, viewer: string): string[] {
  const policies = builtinPolicies.filter((p) => p.id === policyId);
  return toFindings(scanText([{ file: 'template.yaml', text: template(viewer) }], { policies }).results, 'en').map((f) => `${f.status}${f.messageId ? ` ${f.messageId}` : ''}`);
}

describe('aws-cloudfront-min-tls with settings chosen by !If on a condition decided at deployment', () => {
  const minTls = (viewer: string): string[] => scan('aws-cloudfront-min-tls', viewer);

  it('fails when every choice of the security policy is outdated', () => {
    expect(minTls(certificate(`\n  AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: !If [Prod, TLSv1_2016, TLSv1]`))).toEqual(['fail everyChoiceOld']);
  });

  it('fails when one choice of the whole certificate is the default one, which means TLSv1, and the other is outdated', () => {
    expect(minTls(certificate(` !If [Prod, ${acm('TLSv1.1_2016')}, { CloudFrontDefaultCertificate: true }]`))).toEqual(['fail everyChoiceOld']);
  });

  it('passes when every choice is modern', () => {
    expect(minTls(certificate(` !If [Prod, ${acm('TLSv1.2_2021')}, ${acm('TLSv1.2_2025')}]`))).toEqual([]);
    expect(minTls(certificate(`\n  AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: !If [Prod, TLSv1.2_2021, TLSv1.3_2025]`))).toEqual([]);
  });

  it('stays undecided, saying why, when the choices differ', () => {
    expect(minTls(certificate(` !If [Prod, ${acm('TLSv1.2_2021')}, { CloudFrontDefaultCertificate: true }]`))).toEqual(['unknown choicesDiffer']);
    expect(minTls(certificate(`\n  AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: !If [Prod, TLSv1.2_2021, TLSv1]`))).toEqual(['unknown choicesDiffer']);
  });

  it('reads a certificate chosen at deployment with the default one among the choices (AWS::NoValue) as each choice sets it', () => {
    const settings = (arn: string, version: string): string => certificate(`\n  AcmCertificateArn: ${arn}\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: ${version}`);
    expect(minTls(settings('!If [Prod, arn:aws:acm:us-east-1:111122223333:certificate/abc, !Ref AWS::NoValue]', 'TLSv1.2_2021'))).toEqual(['unknown choicesDiffer']);
    expect(minTls(settings('!If [Prod, arn:aws:acm:us-east-1:111122223333:certificate/abc, !Ref AWS::NoValue]', 'TLSv1'))).toEqual(['fail everyChoiceOld']);
    expect(minTls(settings('!If [Prod, arn:aws:acm:us-east-1:111122223333:certificate/abc, arn:aws:acm:us-east-1:111122223333:certificate/def]', 'TLSv1.2_2021'))).toEqual([]);
    expect(minTls(`${behaviour('https-only')}\nViewerCertificate:\n  CloudFrontDefaultCertificate: !If [Prod, true, true]`)).toEqual(['fail everyChoiceOld']);
  });

  it('reads a choice that removes the security policy (AWS::NoValue) as not written: TLSv1', () => {
    expect(minTls(certificate(`\n  AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: !If [Prod, TLSv1_2016, !Ref AWS::NoValue]`))).toEqual(['fail everyChoiceOld']);
  });

  it('stays undecided without a message of its own when a choice is itself unknown', () => {
    expect(minTls(certificate(`\n  AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: !If [Prod, TLSv1, !Ref TlsVersion]`))).toEqual(['unknown']);
  });
});

describe('aws-cloudfront-viewer-https with !If on ViewerProtocolPolicy', () => {
  const https = (viewer: string): string[] => scan('aws-cloudfront-viewer-https', viewer);

  it('fails when every choice allows HTTP, passes when none does, and stays undecided when they differ', () => {
    expect(https(behaviour('!If [Prod, allow-all, allow-all]'))).toEqual(['fail allowAll']);
    expect(https(behaviour('!If [Prod, https-only, redirect-to-https]'))).toEqual([]);
    expect(https(behaviour('!If [Prod, redirect-to-https, allow-all]'))).toEqual(['unknown']);
  });
});
