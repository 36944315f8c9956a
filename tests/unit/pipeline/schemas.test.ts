import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type {
  ArticleProcessedDetail,
  ErrorRecord,
  Manifest,
} from "../../../shared/contract/manifest";
import { COMPLETION_EVENT } from "../../../shared/contract/manifest";

const SCHEMAS = join(import.meta.dirname, "../../../shared/contract/schemas");

function validator(file: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")));
}

const source = {
  bucket: "ingest",
  key: "incoming/Harbour strike.txt",
  etag: "9b2cf535f27731c974343645a3985328",
};

function completeManifest(): Manifest {
  const id = "harbour-strike-txt-1a2b3c4d";
  return {
    schemaVersion: "1.0",
    articleId: id,
    source,
    status: "partial",
    resultsBucket: "results",
    outputs: {
      article: `results/${id}/article.json`,
      summary: `results/${id}/summary.json`,
      summaryText: `results/${id}/summary.txt`,
      translations: {
        es: {
          json: `results/${id}/translations/es.json`,
          text: `results/${id}/translations/es.txt`,
        },
      },
      report: `results/${id}/report.html`,
    },
    languages: {
      es: { status: "succeeded", key: `results/${id}/translations/es.json` },
      fr: { status: "failed", error: { type: "UnsupportedLanguagePairError", message: "en→fr" } },
    },
    timings: {
      startedAt: "2026-01-01T10:00:00.000Z",
      completedAt: "2026-01-01T10:00:02.500Z",
      stages: { normalize: 12, summarize: 3, "translate.es": 900, "translate.fr": 40 },
    },
  };
}

describe("manifest.schema.json", () => {
  const validate = validator("manifest.schema.json");

  it("should accept a partial manifest with one succeeded and one failed language", () => {
    expect(validate(completeManifest()), JSON.stringify(validate.errors)).toBe(true);
  });

  it("should accept a failed manifest that points at its error record", () => {
    // Prepare
    const manifest: Manifest = {
      ...completeManifest(),
      status: "failed",
      outputs: { translations: {}, error: "results/x/error.json" },
      languages: {},
    };
    // Act + Assess
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it("should refuse a failed manifest without an error key, and a failed language without its error", () => {
    const failedWithoutError = {
      ...completeManifest(),
      status: "failed",
      outputs: { translations: {} },
    };
    expect(validate(failedWithoutError)).toBe(false);
    const m = completeManifest();
    m.languages.fr = { status: "failed" };
    expect(validate(m)).toBe(false);
  });

  it("should refuse a quoted etag, an unknown status and a key outside results/", () => {
    expect(validate({ ...completeManifest(), source: { ...source, etag: '"abc"' } })).toBe(false);
    expect(validate({ ...completeManifest(), status: "done" })).toBe(false);
    const m = completeManifest();
    m.outputs.summary = "elsewhere/summary.json";
    expect(validate(m)).toBe(false);
  });
});

describe("error-record.schema.json", () => {
  const validate = validator("error-record.schema.json");
  const record: ErrorRecord = {
    schemaVersion: "1.0",
    articleId: "empty-txt-00000000",
    stage: "normalize",
    errorType: "EmptyArticleError",
    message: "incoming/empty.txt: the file is empty",
    source,
    at: "2026-01-01T10:00:00.000Z",
  };

  it("should accept an article error and a per-language error", () => {
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...record, stage: "translate", language: "fr" })).toBe(true);
  });

  it("should refuse a translate error without its language, and a record without a message", () => {
    expect(validate({ ...record, stage: "translate" })).toBe(false);
    const { message: _message, ...withoutMessage } = record;
    expect(validate(withoutMessage)).toBe(false);
  });
});

describe("completion-event.schema.json", () => {
  const validate = validator("completion-event.schema.json");
  const detail: ArticleProcessedDetail = {
    schemaVersion: "1.0",
    articleId: "a-1",
    status: "complete",
    manifest: { bucket: "results", key: "results/a-1/manifest.json" },
    source,
  };
  const event = (d: unknown) => ({
    version: "0",
    id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    account: "111122223333",
    region: "eu-west-1",
    time: "2026-01-01T10:00:03Z",
    resources: [],
    source: COMPLETION_EVENT.source,
    "detail-type": COMPLETION_EVENT.detailType,
    detail: d,
  });

  it("should accept the event EventBridge delivers for a processed article", () => {
    expect(validate(event(detail)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("should refuse an event carrying the manifest itself instead of its location", () => {
    expect(validate(event({ ...detail, manifest: completeManifest() }))).toBe(false);
  });
});
