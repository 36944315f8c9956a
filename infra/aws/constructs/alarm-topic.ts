import type { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

export interface AlarmTopicProps {
  /** Subscribed by email (AWS sends a confirmation first); anyone else subscribes to the topic's ARN. */
  email?: string;
}

/**
 * Where the stack's alarms go: one SNS topic, told when an alarm fires and when it clears, so that a message
 * in a dead-letter queue reaches a person instead of waiting for someone to open the console.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    // No KMS key: the topic carries alarm state changes only (alarm and queue names, counts), never article
    // text; CloudWatch cannot publish under the AWS-managed SNS key, and a customer-managed one would cost
    // more than the rest of an idle stack.
    this.topic = new Topic(this, "Topic", {
      displayName: "article-pipeline alarms",
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Publishes the alarm's ALARM and OK transitions. */
  notifyOn(alarm: Alarm): void {
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
}
