import { Duration } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import { METRIC } from "../../../functions/common/powertools";
import type { StageName } from "../../../shared/pipeline/routing";
import { METRICS_NAMESPACE, SERVICE_NAME } from "../../../shared/pipeline/service";
import type { OperationsSettings } from "../settings";
import type { AlarmTopic } from "./alarm-topic";
import type { StageFunction } from "./stage-function";

export interface OperationsProps {
  stages: Record<StageName, StageFunction>;
  alarms: AlarmTopic;
  settings: OperationsSettings;
}

/** The window every alarm and dashboard graph sums over. */
const PERIOD = Duration.minutes(5);
const MAX_OVER_PERIOD = { period: PERIOD, statistic: "Maximum" } as const;

/**
 * What a person on call is told, and where they look: alarms on everything that fails without reaching a
 * dead-letter queue (a stage records a failure on its last delivery instead), all published to the alarm
 * topic, and one dashboard of the stages' metrics, queue depths and Translate volume.
 */
export class Operations extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const { stages, settings } = props;
    const names = Object.keys(stages) as StageName[];
    const alarm = (alarmId: string, description: string, metric: IMetric, threshold: number) => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data is no traffic: an idle pipeline is healthy.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      props.alarms.notifyOn(created);
      this.alarms.push(created);
      return created;
    };

    for (const name of names) {
      alarm(
        `${title(name)}ArticlesFailedAlarm`,
        `${name}: articles (or languages) recorded as failed (read the error records in results/)`,
        stageMetric(name, METRIC.failures, "Sum"),
        settings.articlesFailedThreshold,
      );
      const { queue, function: fn } = stages[name];
      alarm(
        `${title(name)}OldestMessageAlarm`,
        `${name}: the oldest queued message waited ${settings.oldestMessageSeconds} s or more (stuck or starved stage)`,
        queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: "Maximum" }),
        settings.oldestMessageSeconds,
      );
      alarm(
        `${title(name)}ErrorsAlarm`,
        `${name}: Lambda invocations failed (crash or timeout, not a recorded article failure)`,
        fn.metricErrors({ period: PERIOD, statistic: "Sum" }),
        settings.lambdaErrorsThreshold,
      );
      alarm(
        `${title(name)}ThrottlesAlarm`,
        `${name}: Lambda invocations throttled (account concurrency exhausted)`,
        fn.metricThrottles({ period: PERIOD, statistic: "Sum" }),
        settings.lambdaThrottlesThreshold,
      );
    }
    alarm(
      "TranslateThrottledAlarm",
      "Amazon Translate throttled TranslateText requests (retried; sustained, they fail languages)",
      new Metric({
        namespace: "AWS/Translate",
        metricName: "ThrottledCount",
        dimensionsMap: { Operation: "TranslateText" },
        period: PERIOD,
        statistic: "Sum",
      }),
      settings.translateThrottledThreshold,
    );

    this.dashboard = new Dashboard(this, "Dashboard", {
      defaultInterval: Duration.hours(3),
    });
    const perStage = (metricName: string) =>
      names.map((name) => stageMetric(name, metricName, "Sum").with({ label: name }));
    const perQueue = (metricOf: (stage: StageFunction) => Metric) =>
      names.map((name) => metricOf(stages[name]).with({ label: name }));
    this.dashboard.addWidgets(
      graph("Articles produced", perStage(METRIC.articles)),
      graph("Articles failed", perStage(METRIC.failures)),
      graph("Duplicate deliveries", perStage(METRIC.duplicates)),
    );
    this.dashboard.addWidgets(
      graph(
        "Queue depth (visible messages)",
        perQueue((stage) => stage.queue.metricApproximateNumberOfMessagesVisible(MAX_OVER_PERIOD)),
      ),
      graph(
        "Oldest message age (s)",
        perQueue((stage) => stage.queue.metricApproximateAgeOfOldestMessage(MAX_OVER_PERIOD)),
      ),
      graph(
        "Dead-letter depth",
        perQueue((stage) =>
          stage.deadLetterQueue.metricApproximateNumberOfMessagesVisible(MAX_OVER_PERIOD),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph("Translate characters", [
        stageMetric("translate", METRIC.charactersTranslated, "Sum").with({ label: "billed" }),
      ]),
      graph(
        "Lambda errors and throttles",
        names.flatMap((name) => [
          stages[name].function
            .metricErrors({ period: PERIOD, statistic: "Sum" })
            .with({ label: `${name} errors` }),
          stages[name].function
            .metricThrottles({ period: PERIOD, statistic: "Sum" })
            .with({ label: `${name} throttles` }),
        ]),
      ),
      graph(
        "Stage duration (ms, p90)",
        names.map((name) => stageMetric(name, METRIC.stageDuration, "p90").with({ label: name })),
      ),
    );
  }
}

/** A metric the stages publish through Powertools (dimensions: service and stage). */
function stageMetric(stage: StageName, metricName: string, statistic: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: SERVICE_NAME, stage },
    period: PERIOD,
    statistic,
  });
}

function graph(titleText: string, metrics: IMetric[]): GraphWidget {
  return new GraphWidget({ title: titleText, left: metrics, width: 8 });
}

function title(name: string): string {
  return `${name[0]?.toUpperCase()}${name.slice(1)}`;
}
