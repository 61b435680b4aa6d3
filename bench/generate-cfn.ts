/**
 * CloudFormation inputs for the benchmark: hand-written YAML templates as teams write them (short-form
 * intrinsics, parameters, conditions, a mix of safe and unsafe settings), and a large CDK cloud
 * assembly made of real `cdk synth` output.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './cdk-app.ts';

/** One service's template: about twenty resources. */
function serviceTemplate(n: number): string {
  const open = n % 4 === 0;
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Service ${n} — storage, queue, database and its network

Parameters:
  Environment:
    Type: String
    AllowedValues: [dev, prod]
    Default: prod
  VpcId:
    Type: AWS::EC2::VPC::Id
  DbPassword:
    Type: String
    NoEcho: true

Conditions:
  IsProd: !Equals [!Ref Environment, prod]

Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: Root
            Effect: Allow
            Principal:
              AWS: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root
            Action: kms:*
            Resource: "*"

  DataBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub service-${n}-data-\${Environment}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt DataKey.Arn
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LoggingConfiguration:
        DestinationBucketName: !Ref LogBucket
        LogFilePrefix: data/

  LogBucket:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: BucketOwnerEnforced
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true

  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      WebsiteConfiguration:
        IndexDocument: index.html
${open ? '' : '      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n'}
  SitePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource:
              - !GetAtt SiteBucket.Arn
              - !Sub \${SiteBucket.Arn}/*
            Condition:
              Bool:
                aws:SecureTransport: "false"
          - Sid: ${open ? 'PublicRead' : 'CloudFrontRead'}
            Effect: Allow
            Principal: ${open ? '"*"' : '\n              Service: cloudfront.amazonaws.com'}
            Action: s3:GetObject
            Resource: !Sub \${SiteBucket.Arn}/*

  JobsQueue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref DataKey
      MessageRetentionPeriod: 345600

  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns

  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs-tasks.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: !Sub \${DataBucket.Arn}/*
              - Effect: Allow
                Action: ${n % 5 === 0 ? '"*"' : 'sqs:SendMessage'}
                Resource: ${n % 5 === 0 ? '"*"' : '!GetAtt JobsQueue.Arn'}

  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub service ${n} application
      VpcId: !Ref VpcId
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
          Description: HTTPS from anywhere

  AdminIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref AppSecurityGroup
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: ${open ? '0.0.0.0/0' : `10.${n % 250}.0.0/16`}

  DbSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: database
      VpcId: !Ref VpcId
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          SourceSecurityGroupId: !Ref AppSecurityGroup

  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "50"
      StorageEncrypted: ${n % 3 !== 0}
      KmsKeyId: !If [IsProd, !Ref DataKey, !Ref AWS::NoValue]
      MasterUsername: app
      MasterUserPassword: !Ref DbPassword
      BackupRetentionPeriod: !If [IsProd, 14, 1]
      DeletionProtection: !If [IsProd, true, false]
      MultiAZ: !If [IsProd, true, false]
      VPCSecurityGroups:
        - !GetAtt DbSecurityGroup.GroupId

  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /service/${n}/\${Environment}
      RetentionInDays: 90
      KmsKeyId: !GetAtt DataKey.Arn

  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: ${n % 2 === 0}

Outputs:
  DataBucketArn:
    Value: !GetAtt DataBucket.Arn
    Export:
      Name: !Sub \${AWS::StackName}-data-bucket
`;
}

/** Writes `count` service templates to `dir` (emptied first); returns their paths. */
export function generateTemplates(dir: string, count: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, n) => {
    const path = join(dir, `service-${n}.yaml`);
    writeFileSync(path, serviceTemplate(n));
    return path;
  });
}

/**
 * A cloud assembly of `stacks` stacks: ten stacks synthesized by aws-cdk-lib (the cdk-nag
 * comparison's application), each copied under new names until there are enough, with a manifest
 * listing them all, as `cdk synth` writes one. Returns the number of resources.
 */
export function generateAssembly(dir: string, stacks: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const built = build(10, 20);
  const manifest = JSON.parse(readFileSync(join(built.outdir, 'manifest.json'), 'utf8')) as { version: string; artifacts: Record<string, { properties: Record<string, unknown>; displayName?: string }> };
  const artifacts: Record<string, unknown> = {};
  let resources = 0;
  for (let s = 0; s < stacks; s++) {
    const source = `Service${s % 10}`;
    const name = `${source}Copy${Math.floor(s / 10)}`;
    const template = readFileSync(join(built.outdir, `${source}.template.json`), 'utf8').replaceAll(`"${source}/`, `"${name}/`);
    resources += Object.keys((JSON.parse(template) as { Resources: object }).Resources).length;
    writeFileSync(join(dir, `${name}.template.json`), template);
    const artifact = manifest.artifacts[source]!;
    artifacts[name] = { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { ...artifact.properties, templateFile: `${name}.template.json` }, displayName: name };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: manifest.version, artifacts }, null, 2));
  rmSync(built.outdir, { recursive: true, force: true });
  return resources;
}
