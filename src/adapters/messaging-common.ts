/**
 * How separate policies name an SNS topic or SQS queue when they write it out rather than refer to
 * it: the topic's ARN, `arn:aws:sns:<region>:<account>:<name>`, and the queue's URL,
 * `https://sqs.<region>.amazonaws.com/<account>/<name>`. Joins compare the name.
 */
export const arnName = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

export const queueUrlName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);
