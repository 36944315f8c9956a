/** The sample article, the contract schemas and the checks shared by the handler pipeline tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { articleIdFromKey, outputKey } from "../../shared/contract/keys";
import type { ArticleProcessedDetail } from "../../shared/contract/manifest";
import type { FakeAws } from "./fake-aws";

const ROOT = join(import.meta.dirname, "../..");
export const SAMPLE = readFileSync(join(ROOT, "tests/fixtures/samples/harbour-strike.txt"));
export const SOURCE_KEY = "incoming/news/Harbour strike+day 1 – Kelmouth.txt";
export const ID = articleIdFromKey(SOURCE_KEY);
export const key = (file: string) => outputKey(ID, file);

export function schema(file: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, "shared/contract/schemas", file), "utf8")));
}
export const validManifest = schema("manifest.schema.json");
export const validError = schema("error-record.schema.json");
const validEvent = schema("completion-event.schema.json");

export function completionEvents(aws: FakeAws) {
  return aws.events.map((e) => {
    const event = {
      source: e.Source,
      "detail-type": e.DetailType,
      detail: JSON.parse(e.Detail ?? "{}"),
    };
    expect(validEvent(event), JSON.stringify(validEvent.errors)).toBe(true);
    return event.detail as ArticleProcessedDetail;
  });
}

export const billed = (aws: FakeAws) =>
  aws.translateCalls.reduce((sum, call) => sum + [...call.text].length, 0);
