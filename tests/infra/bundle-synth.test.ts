/**
 * The stack synthesized as `cdk synth` does it, bundling included (the other stack tests skip bundling): each
 * function's asset is the package buildLambdaPackage writes, with its source map switched on.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../infra/aws/app";
import { LAMBDA_NODE_OPTIONS } from "../../infra/aws/bundling";
import { ROUTES, type StageName } from "../../shared/pipeline/routing";
import { expectedPackageFiles, filesUnder } from "./bundle-files";
import { DEFAULT_CONTEXT } from "./synth";

const OUT = join(import.meta.dirname, "../output/bundle-synth");

type Lambda = {
  Properties: {
    Code: { S3Key: string };
    Handler: string;
    Environment: { Variables: Record<string, unknown> };
  };
};

let template: Template;

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const app = new App({ outdir: OUT, context: DEFAULT_CONTEXT });
  template = Template.fromStack(buildApp(app).stack);
}, 300_000);

/** The function of a stage: the one whose role is described by the stage name. */
function lambdaOf(stage: StageName): Lambda {
  const lambdas = template.findResources("AWS::Lambda::Function") as Record<string, Lambda>;
  const ids = Object.keys(lambdas).filter((id) => id.toLowerCase().startsWith(stage));
  expect(ids, stage).toHaveLength(1);
  return lambdas[ids[0] as string] as Lambda;
}

/** The folder CDK staged a function's asset in (`asset.<hash>`, the hash its S3 key is named after). */
const assetDir = (lambda: Lambda) =>
  join(OUT, `asset.${lambda.Properties.Code.S3Key.replace(/\.zip$/, "")}`);

describe("the stack synthesized with bundling", () => {
  it.each(ROUTES.map((route) => route.stage))(
    "should package %s as index.mjs, its source map and the lazy files it reaches",
    (stage) => {
      // Act
      const lambda = lambdaOf(stage);
      // Assess
      expect(lambda.Properties.Handler).toBe("index.handler");
      expect(filesUnder(assetDir(lambda))).toEqual(expectedPackageFiles(stage));
    },
  );

  it("should give each function a package of its own, with source maps enabled", () => {
    // Act
    const lambdas = ROUTES.map((route) => lambdaOf(route.stage));
    // Assess
    expect(new Set(lambdas.map((lambda) => lambda.Properties.Code.S3Key)).size).toBe(
      lambdas.length,
    );
    for (const lambda of lambdas) {
      expect(lambda.Properties.Environment.Variables.NODE_OPTIONS).toBe(LAMBDA_NODE_OPTIONS);
    }
  });
});
