import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as events from "../../../functions/common/events";
import * as amazonTranslate from "../../../shared/adapters/amazon-translate/errors";
import * as apertiumProcess from "../../../shared/adapters/apertium/process";
import * as apertiumTranslator from "../../../shared/adapters/apertium/translator";
import * as eventbridge from "../../../shared/adapters/eventbridge/event-publisher";
import * as s3 from "../../../shared/adapters/s3/object-store";
import * as sqs from "../../../shared/adapters/sqs/translate-job-queue";
import { ERROR_TYPE_NAMES, ERROR_TYPES } from "../../../shared/contract/error-types";
import { PipelineError } from "../../../shared/errors";
import * as normalize from "../../../shared/normalize/errors";
import * as config from "../../../shared/pipeline/config";
import * as deadLetter from "../../../shared/pipeline/stages/dead-letter";
import * as deadline from "../../../shared/pipeline/stages/deadline";
import * as summarizeStage from "../../../shared/pipeline/stages/summarize";
import * as claim from "../../../shared/pipeline/stages/translation-claim";
import * as uploadLanguages from "../../../shared/pipeline/upload-languages";
import * as summarize from "../../../shared/summarize/errors";
import * as translateErrors from "../../../shared/translate/errors";
import * as translatePort from "../../../shared/translate/port";

const ROOT = join(import.meta.dirname, "../../..");
const MODULES = [
  amazonTranslate,
  apertiumProcess,
  apertiumTranslator,
  eventbridge,
  s3,
  sqs,
  normalize,
  config,
  deadLetter,
  deadline,
  summarizeStage,
  claim,
  uploadLanguages,
  summarize,
  translateErrors,
  translatePort,
  events,
];

type ErrorClass = new (...args: never[]) => PipelineError;

/** Each pipeline error class exported by the modules above, built once to read the type it declares. */
function declaredTypes(): string[] {
  const classes = MODULES.flatMap((module) => Object.values(module)).filter(
    (value): value is ErrorClass =>
      typeof value === "function" && value.prototype instanceof PipelineError,
  );
  const args = ["engine", "xx", "yy", "detail"] as never[];
  return classes.map((ErrorClass) => new ErrorClass(...args).name);
}

function enumOf(schema: string, path: string[]): unknown {
  const json = JSON.parse(readFileSync(join(ROOT, "shared/contract/schemas", schema), "utf8"));
  return path.reduce((node, key) => node[key], json).enum;
}

describe("the contract's error types", () => {
  it("should list exactly the types the pipeline's error classes declare, plus UnexpectedError", () => {
    // Prepare
    const listed = [...ERROR_TYPE_NAMES].sort();

    // Act
    const declared = [...new Set([...declaredTypes(), "UnexpectedError"])].sort();

    // Assess
    expect(declared).toEqual(listed);
  });

  it("should be the enum of the error record and manifest schemas", () => {
    // Prepare
    const listed = [...ERROR_TYPE_NAMES];

    // Act
    const errorRecord = enumOf("error-record.schema.json", ["properties", "errorType"]);
    const manifest = enumOf("manifest.schema.json", ["$defs", "errorType"]);

    // Assess
    expect(errorRecord).toEqual(listed);
    expect(manifest).toEqual(listed);
  });

  it("should be the README's table of error types, in order and with the same meanings", () => {
    // Prepare
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const expected = ERROR_TYPE_NAMES.map((name) => `| \`${name}\` | ${ERROR_TYPES[name]} |`);

    // Act
    const rows = readme.split("\n").filter((line) => /^\| `\w+Error` \| /.test(line));

    // Assess
    expect(rows).toEqual(expected);
  });
});
