/** What the e2e tests share: a local stack on a temp folder, uploads, and the contract's JSON Schemas. */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { type LocalStack, startLocalStack } from "../../infra/local/stack";
import { chooseTranslator } from "../../infra/local/translators";
import { ENV } from "../../shared/pipeline/config";
import { bareEtag } from "../../shared/pipeline/provenance";

export const SAMPLES = join(import.meta.dirname, "../fixtures/samples");
export const SAMPLE_TXT = join(SAMPLES, "harbour-strike.txt");
const SCHEMAS = join(import.meta.dirname, "../../shared/contract/schemas");

export interface E2eStack {
  stack: LocalStack;
  /** "es" when Apertium can translate into Spanish here; otherwise translation is off. */
  targets: string[];
  /** Why translation tests are skipped, when they are. */
  skipTranslation?: string;
  dispose(): Promise<void>;
}

export async function startE2eStack(): Promise<E2eStack> {
  const dataDirectory = await mkdtemp(join(tmpdir(), "e2e-"));
  const chosen = await chooseTranslator({
    targetLanguages: ["es"],
    settings: { profanity: false, brevity: false, terminologyNames: [] },
  });
  const stack = await startLocalStack({
    dataDirectory,
    settings: { [ENV.targetLanguages]: chosen.targetLanguages.join(",") },
    ...(chosen.translator ? { translator: chosen.translator } : {}),
    // Retries without the backoff a user would want, so dead-letter tests take milliseconds.
    queue: { retryDelayMs: () => 5 },
  });
  return {
    stack,
    targets: chosen.targetLanguages,
    ...(chosen.notice ? { skipTranslation: chosen.notice } : {}),
    dispose: async () => {
      await stack.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

/**
 * PUTs into the ingest bucket, with user metadata (sent as x-amz-meta-*) when given, and returns the bare etag
 * (what the manifest's source.etag will be).
 */
export async function upload(
  stack: LocalStack,
  key: string,
  body: string | Uint8Array,
  metadata?: Record<string, string>,
): Promise<string> {
  const response = await stack.client.send(
    new PutObjectCommand({
      Bucket: stack.buckets.ingest,
      Key: key,
      Body: body,
      ...(metadata ? { Metadata: metadata } : {}),
    }),
  );
  return bareEtag(response.ETag ?? "");
}

export async function readText(stack: LocalStack, key: string): Promise<string | undefined> {
  const stored = await stack.store.get(stack.buckets.results, key);
  return stored ? Buffer.from(stored.body).toString("utf8") : undefined;
}

export async function readJson<T = Record<string, unknown>>(
  stack: LocalStack,
  key: string,
): Promise<T | undefined> {
  const text = await readText(stack, key);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

const validators = new Map<string, ValidateFunction>();

/** The validator of shared/contract/schemas/<name>.schema.json. */
export function schema(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(
      JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), "utf8")) as object,
    );
    validators.set(name, validate);
  }
  return validate;
}

/** The schema an output file is described by, from its path inside results/<id>/. */
export function schemaNameOf(file: string): string | undefined {
  if (file === "manifest.json") return "manifest";
  if (file === "article.json") return "article";
  if (file === "summary.json") return "summary";
  if (file === "error.json" || file.endsWith(".error.json")) return "error-record";
  if (file.startsWith("translations/") && file.endsWith(".json")) return "translation";
  return undefined;
}
