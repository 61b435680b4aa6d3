import { describe, expect, it } from 'vitest';
import { lambdaFunctionName, lambdaLayerName } from './lambda-common.js';

describe('the function a permission names', () => {
  it.each([
    ['orders', 'orders'],
    ['orders:live', 'orders'],
    ['orders:$LATEST', 'orders'],
    ['orders:7', 'orders'],
    ['arn:aws:lambda:ap-northeast-1:111122223333:function:orders', 'orders'],
    ['arn:aws-cn:lambda:cn-north-1:111122223333:function:orders:live', 'orders'],
    ['111122223333:function:orders', 'orders'],
    ['111122223333:function:orders:live', 'orders'],
    ['111122223333:orders', 'orders'],
    ['us-gov-west-1:111122223333:function:orders', 'orders'],
  ])('%s is %s', (written, name) => expect(lambdaFunctionName(written)).toBe(name));

  it('reads a template shape, whose placeholders hold colons of their own', () => {
    expect(lambdaFunctionName('arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:billing-${AWS::Region}:live')).toBe('billing-${AWS::Region}');
    expect(lambdaFunctionName('${AWS::AccountId}:function:${AppName}-orders')).toBe('${AppName}-orders');
    expect(lambdaFunctionName('orders-${AWS::Region}:live')).toBe('orders-${AWS::Region}');
  });

  it('keeps what is in none of Lambda’s forms as written', () => {
    expect(lambdaFunctionName('arn:aws:s3:::bucket')).toBe('arn:aws:s3:::bucket');
  });
});

describe('the layer a layer version permission names', () => {
  it.each([
    ['common-libs', 'common-libs'],
    ['arn:aws:lambda:ap-northeast-1:111122223333:layer:common-libs', 'common-libs'],
    ['arn:aws:lambda:ap-northeast-1:111122223333:layer:common-libs:7', 'common-libs'],
    ['arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:layer:libs-${Env}:3', 'libs-${Env}'],
    // Not a layer ARN: kept as written.
    ['arn:aws:lambda:ap-northeast-1:111122223333:function:orders', 'arn:aws:lambda:ap-northeast-1:111122223333:function:orders'],
  ])('%s is %s', (written, name) => expect(lambdaLayerName(written)).toBe(name));
});
