import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../shared/pipeline/config";
import { buildTestApp, synthTemplate } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

let template: Template;

beforeAll(() => {
  template = synthTemplate();
});

function alarms(from = template): Resource[] {
  return Object.values(from.findResources("AWS::CloudWatch::Alarm")) as Resource[];
}

function alarmsOn(metricName: string, from = template): Resource[] {
  return alarms(from).filter((a) => a.Properties.MetricName === metricName);
}

const STAGES = ["normalize", "summarize", "translate"];

describe("operations alarms", () => {
  it("should alarm when a stage records a failed article (sum ≥ 1 over 5 minutes)", () => {
    // Act
    const failed = alarmsOn("ArticlesFailed");
    // Assess
    expect(failed).toHaveLength(3);
    for (const alarm of failed) {
      expect(alarm.Properties).toMatchObject({
        Namespace: "ArticlePipeline",
        Statistic: "Sum",
        Period: 300,
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
      });
    }
    const stages = failed.map(
      (a) =>
        (a.Properties.Dimensions as { Name: string; Value: string }[]).find(
          (d) => d.Name === "stage",
        )?.Value,
    );
    expect(stages.sort()).toEqual(STAGES);
  });

  it("should alarm on each stage queue's oldest message age", () => {
    const age = alarmsOn("ApproximateAgeOfOldestMessage");
    expect(age).toHaveLength(3);
    for (const alarm of age) {
      expect(alarm.Properties).toMatchObject({ Namespace: "AWS/SQS", Threshold: 3600 });
      const [dimension] = alarm.Properties.Dimensions as { Value: { "Fn::GetAtt": string[] } }[];
      expect(dimension?.Value["Fn::GetAtt"]?.[0]).toMatch(/Queue/);
      expect(dimension?.Value["Fn::GetAtt"]?.[0]).not.toMatch(/DeadLetter/);
    }
  });

  it("should alarm on each function's errors and throttles", () => {
    for (const metric of ["Errors", "Throttles"]) {
      const found = alarmsOn(metric);
      expect(found).toHaveLength(3);
      for (const alarm of found) {
        expect(alarm.Properties).toMatchObject({
          Namespace: "AWS/Lambda",
          Statistic: "Sum",
          Threshold: 1,
        });
      }
    }
  });

  it("should alarm on Amazon Translate's throttled TranslateText requests", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/Translate",
      MetricName: "ThrottledCount",
      Dimensions: [{ Name: "Operation", Value: "TranslateText" }],
      Statistic: "Sum",
      Threshold: 10,
    });
  });

  it("should take every threshold from its context setting", () => {
    // Act
    const tuned = synthTemplate({
      alarmArticlesFailed: 5,
      alarmOldestMessageSeconds: "600",
      alarmLambdaErrors: 2,
      alarmLambdaThrottles: 3,
      alarmTranslateThrottled: 50,
    });
    // Assess
    const threshold = (metric: string) => [
      ...new Set(alarmsOn(metric, tuned).map((a) => a.Properties.Threshold)),
    ];
    expect(threshold("ArticlesFailed")).toEqual([5]);
    expect(threshold("ApproximateAgeOfOldestMessage")).toEqual([600]);
    expect(threshold("Errors")).toEqual([2]);
    expect(threshold("Throttles")).toEqual([3]);
    expect(threshold("ThrottledCount")).toEqual([50]);
  });

  it("should refuse a threshold that is not a positive integer, naming the context key", () => {
    expect(() => buildTestApp({ alarmLambdaErrors: "0" })).toThrow(ConfigError);
    expect(() => buildTestApp({ alarmOldestMessageSeconds: "soon" })).toThrow(
      /^alarmOldestMessageSeconds must be an integer/,
    );
  });

  it("should build one dashboard graphing stage metrics, queue depths and Translate characters", () => {
    // Act
    const dashboards = Object.values(template.findResources("AWS::CloudWatch::Dashboard"));
    const body = JSON.stringify(dashboards);
    // Assess
    expect(dashboards).toHaveLength(1);
    for (const text of [
      "ArticlesFailed",
      "ApproximateNumberOfMessagesVisible",
      "ApproximateAgeOfOldestMessage",
      "CharactersTranslated",
    ]) {
      expect(body).toContain(text);
    }
  });
});

describe("permissions and storage", () => {
  it("should let the translate role call Comprehend's DetectDominantLanguage (for auto source)", () => {
    const statements = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.toLowerCase().startsWith("translate"))
      .flatMap(
        ([, p]) =>
          ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement,
      );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toContain("comprehend:DetectDominantLanguage");
    const others = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => !id.toLowerCase().startsWith("translate"))
      .map(([, p]) => JSON.stringify(p));
    expect(others.join()).not.toContain("comprehend:");
  });

  it("should check aws:SourceAccount next to aws:SourceArn on every queue S3 may send to", () => {
    // Act
    const s3Statements = Object.values(template.findResources("AWS::SQS::QueuePolicy"))
      .flatMap(
        (p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement,
      )
      .filter((s) => JSON.stringify(s).includes("s3.amazonaws.com"));
    // Assess: normalize (ingest) and summarize (results) are fed by S3.
    expect(s3Statements).toHaveLength(2);
    for (const statement of s3Statements) {
      expect(statement.Condition?.ArnLike?.["aws:SourceArn"]).toBeDefined();
      expect(statement.Condition?.StringEquals?.["aws:SourceAccount"]).toEqual({
        Ref: "AWS::AccountId",
      });
    }
  });

  it("should version the ingest bucket and expire replaced sources after ingestNoncurrentVersionDays", () => {
    // Act
    const tuned = synthTemplate({ ingestNoncurrentVersionDays: 7 });
    // Assess
    for (const [from, days] of [
      [template, 30],
      [tuned, 7],
    ] as const) {
      from.hasResourceProperties("AWS::S3::Bucket", {
        VersioningConfiguration: { Status: "Enabled" },
        LoggingConfiguration: { LogFilePrefix: "ingest/" },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: days } }),
          ]),
        },
      });
    }
  });

  it("should set POWERTOOLS_LOG_LEVEL from logLevel (INFO by default) and refuse an unknown level", () => {
    const levels = (from: Template) =>
      Object.values(from.findResources("AWS::Lambda::Function"))
        .map(
          (f) =>
            (f as Resource).Properties.Environment as
              | { Variables: Record<string, string> }
              | undefined,
        )
        .filter((e) => e?.Variables.RESULTS_BUCKET !== undefined)
        .map((e) => e?.Variables.POWERTOOLS_LOG_LEVEL);
    // Every pipeline function: the three stages and the dead-letter consumer.
    expect(levels(template)).toEqual(["INFO", "INFO", "INFO", "INFO"]);
    expect(levels(synthTemplate({ logLevel: "debug" }))).toEqual([
      "DEBUG",
      "DEBUG",
      "DEBUG",
      "DEBUG",
    ]);
    expect(() => buildTestApp({ logLevel: "verbose" })).toThrow(/^logLevel must be one of/);
  });
});

describe("target languages", () => {
  it("should refuse a code Amazon Translate does not translate into, naming targetLanguages and the code", () => {
    expect(() => buildTestApp({ targetLanguages: "es,xx" })).toThrow(ConfigError);
    expect(() => buildTestApp({ targetLanguages: "es,xx" })).toThrow(
      /^targetLanguages: "xx" is not a language Amazon Translate translates into/,
    );
  });

  it("should map regional spellings to Translate's codes", () => {
    // Act
    const mapped = synthTemplate({ targetLanguages: "pt-br,zh-hans,zh-Hant,fr-ca,pt-PT,es,pt" });
    // Assess: "pt" given twice (as pt-br and pt) is translated once.
    mapped.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({ TARGET_LANGUAGES: "pt,zh,zh-TW,fr-CA,pt-PT,es" }),
      },
    });
  });
});
