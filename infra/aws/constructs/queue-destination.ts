import { Annotations } from "aws-cdk-lib";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
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
 * bucket of the same name in another account (after this one is deleted) cannot send. A queue encrypted under
 * a customer-managed key also needs S3 in that key's policy, under the same two conditions.
 */
export class AccountScopedQueueDestination implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(_scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    const conditions = {
      ArnLike: { "aws:SourceArn": bucket.bucketArn },
      StringEquals: { "aws:SourceAccount": bucket.env.account },
    };
    this.queue.grantSendMessages(new ServicePrincipal("s3.amazonaws.com", { conditions }));
    const key = this.queue.encryptionMasterKey;
    if (key) {
      const { statementAdded } = key.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal("s3.amazonaws.com")],
          actions: ["kms:GenerateDataKey", "kms:Decrypt"],
          resources: ["*"],
          conditions,
        }),
      );
      // An imported key's policy is not this app's to change: S3 would be refused at deploy time.
      if (!statementAdded) {
        Annotations.of(this.queue).addWarningV2(
          "article-pipeline:ImportedKeyPolicy",
          `Allow s3.amazonaws.com kms:GenerateDataKey and kms:Decrypt in the policy of key ${key.node.path}, or S3 cannot notify ${this.queue.node.path}`,
        );
      }
    }
    return {
      arn: this.queue.queueArn,
      type: BucketNotificationDestinationType.QUEUE,
      dependencies: [this.queue],
    };
  }
}
