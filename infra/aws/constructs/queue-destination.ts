import { Stack } from "aws-cdk-lib";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  type BucketNotificationDestinationConfig,
  BucketNotificationDestinationType,
  type IBucket,
  type IBucketNotificationDestination,
} from "aws-cdk-lib/aws-s3";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";

/**
 * An S3 → SQS notification whose queue policy names the bucket and its account. CDK's SqsDestination checks
 * aws:SourceArn only, and a bucket ARN carries no account id: the S3 guide's queue policy checks both, so a
 * bucket of the same name in another account (after this one is deleted) cannot send. The queues are
 * SQS-managed encrypted, so no KMS key policy is needed.
 */
export class AccountScopedQueueDestination implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(_scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    this.queue.grantSendMessages(
      new ServicePrincipal("s3.amazonaws.com", {
        conditions: {
          ArnLike: { "aws:SourceArn": bucket.bucketArn },
          StringEquals: { "aws:SourceAccount": Stack.of(bucket).account },
        },
      }),
    );
    return {
      arn: this.queue.queueArn,
      type: BucketNotificationDestinationType.QUEUE,
      dependencies: [this.queue],
    };
  }
}
