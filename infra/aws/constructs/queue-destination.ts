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
 * a customer-managed key also needs S3 in that key's policy.
 */
export class AccountScopedQueueDestination implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(_scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    const s3 = new ServicePrincipal("s3.amazonaws.com");
    const account = { StringEquals: { "aws:SourceAccount": bucket.env.account } };
    // Written out rather than grantSendMessages, which would also grant S3 the queue's key under the bucket's
    // ARN: a bucket encrypted under that same key and a key policy naming the bucket make a dependency cycle.
    this.queue.addToResourcePolicy(
      new PolicyStatement({
        principals: [s3],
        actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        resources: [this.queue.queueArn],
        conditions: { ArnLike: { "aws:SourceArn": bucket.bucketArn }, ...account },
      }),
    );
    const key = this.queue.encryptionMasterKey;
    if (key) {
      const { statementAdded } = key.addToResourcePolicy(
        new PolicyStatement({
          principals: [s3],
          actions: ["kms:GenerateDataKey", "kms:Decrypt"],
          resources: ["*"],
          // The account only: a bucket encrypted under this key cannot be named in its policy (a dependency
          // cycle), and the queue policy above already names the bucket.
          conditions: account,
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
