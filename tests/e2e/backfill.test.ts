/**
 * `npm run backfill -- --local` on a data directory the local stack processed before: results deleted, a
 * backfill makes them again; a second backfill finds nothing to do. Then the built CLI as a user runs it.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DeleteObjectsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../infra/backfill/io";
import { backfillLocally } from "../../infra/backfill/local";
import { commonOptions } from "../../infra/local/cli/options";
import { LOCK_FILE } from "../../infra/local/data-lock";
import { createLocalS3Client } from "../../infra/local/s3/client";
import { DEFAULT_LOCAL_BUCKETS, startS3Server } from "../../infra/local/s3/server";
import { localS3Directory, startLocalStack } from "../../infra/local/stack";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { RESULTS_PREFIX } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import { ENV } from "../../shared/pipeline/config";
import { SAMPLE_TXT } from "./helpers";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");
const LAUNCHER = join(ROOT, "scripts/cli.mjs");
const INGEST = DEFAULT_LOCAL_BUCKETS.ingest;
const SAMPLE = readFileSync(SAMPLE_TXT, "utf8");

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "backfill-e2e-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A distinct article per number: its own headline and closing paragraph around the sample's body. */
function article(n: number): string {
  return `Archive story ${n}: port strike enters day ${n}\n\n${SAMPLE}\n\nThis is archived item number ${n}, filed on day ${n} of the dispute.\n`;
}

/** The manifests in the directory's results bucket, read with s3rver alone (no queue runs). */
async function manifests(dataDirectory: string): Promise<Manifest[]> {
  const server = await startS3Server({
    directory: localS3Directory(dataDirectory),
    onEvent: () => {},
  });
  const client = createLocalS3Client(server.endpoint);
  try {
    const store = new S3ObjectStore(client);
    const keys = await store.list(server.buckets.results, RESULTS_PREFIX);
    const found: Manifest[] = [];
    for (const key of keys.filter((k) => k.endsWith("/manifest.json"))) {
      const stored = await store.get(server.buckets.results, key);
      if (stored) found.push(JSON.parse(Buffer.from(stored.body).toString("utf8")) as Manifest);
    }
    return found;
  } finally {
    client.destroy();
    await server.close();
  }
}

function collect(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe("npm run backfill -- --local", () => {
  it("should make the 50 deleted results again, then find nothing to do on a second run", async () => {
    // Prepare: 50 articles processed by the local stack (what `npm run dev` runs), then their results deleted.
    const data = join(dir, "fifty");
    const stack = await startLocalStack({
      dataDirectory: data,
      settings: { [ENV.targetLanguages]: "" },
    });
    for (let n = 1; n <= 50; n += 1) {
      await stack.client.send(
        new PutObjectCommand({
          Bucket: INGEST,
          Key: `incoming/archive/story-${n}.txt`,
          Body: article(n),
        }),
      );
    }
    await stack.queues.idle();
    const keys = await stack.store.list(stack.buckets.results, RESULTS_PREFIX);
    await stack.client.send(
      new DeleteObjectsCommand({
        Bucket: stack.buckets.results,
        Delete: { Objects: keys.map((Key) => ({ Key })) },
      }),
    );
    await stack.close();
    expect(keys.filter((k) => k.endsWith("/manifest.json"))).toHaveLength(50);
    expect(await manifests(data)).toHaveLength(0);
    const options = commonOptions({ "data-dir": data, translator: "none" });
    const request = { bucket: INGEST, prefix: "incoming/", dryRun: false };

    // Act
    const first = collect();
    const firstCode = await backfillLocally(request, options, first);
    const afterFirst = await manifests(data);
    const eventsAfterFirst = await readFile(join(data, "events.jsonl"), "utf8");
    const second = collect();
    const secondCode = await backfillLocally(request, options, second);

    // Assess
    expect(firstCode).toBe(0);
    expect(first.lines[0]).toMatch(/^listed 50 objects under .*: 50 to send$/);
    expect(first.lines.at(-1)).toBe(
      "processed 50 article(s): 50 complete, 0 failed, 0 without a manifest",
    );
    expect(afterFirst).toHaveLength(50);
    expect(afterFirst.every((m) => m.status === "complete")).toBe(true);
    expect(secondCode).toBe(0);
    expect(second.lines).toEqual([
      "listed 50 objects under s3://article-pipeline-ingest/incoming/ (local): 0 to send; skipped 50 already processed (manifest for the stored version)",
      "nothing to send: all 50 objects the pipeline reads here have results for their stored version already",
    ]);
    expect(await readFile(join(data, "events.jsonl"), "utf8")).toBe(eventsAfterFirst);
    expect(await manifests(data)).toEqual(afterFirst);
  }, 180_000);

  it("should run as the built CLI, and refuse a directory another live process holds", async () => {
    // Prepare: three articles stored before the pipeline ever ran (s3rver alone: nothing processes them).
    const data = join(dir, "three");
    const server = await startS3Server({ directory: localS3Directory(data), onEvent: () => {} });
    const client = createLocalS3Client(server.endpoint);
    for (const n of [1, 2, 3]) {
      await client.send(
        new PutObjectCommand({ Bucket: INGEST, Key: `incoming/old-${n}.txt`, Body: article(n) }),
      );
    }
    client.destroy();
    await server.close();
    const backfill = (...extra: string[]) =>
      run(
        process.execPath,
        [LAUNCHER, "backfill", "--local", "--data-dir", data, "--bucket", INGEST, ...extra],
        { cwd: ROOT, timeout: 110_000 },
      ).catch((error: { code: number; stdout: string; stderr: string }) => error);

    // Act
    const dry = await backfill("--dry-run", "--to", "es,fr");
    const done = await backfill("--translator", "none");
    // This test process stands in for a running `npm run dev`.
    await writeFile(
      join(data, LOCK_FILE),
      JSON.stringify({
        command: "npm run dev",
        pid: process.pid,
        startedAt: "",
        endpoint: "http://127.0.0.1:9",
      }),
    );
    const refused = await backfill("--translator", "none");

    // Assess
    expect(dry.stdout).toMatch(/: 3 to send\n/);
    expect(dry.stdout).toMatch(
      /≈ [\d,]+ characters, from [\d,]+ bytes of sources into es, fr \(--to\)/,
    );
    expect(dry.stdout).toMatch(/dry run: nothing queued\n$/);
    expect(done.stdout).toMatch(/processed 3 article\(s\): 3 complete, 0 failed/);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toMatch(
      new RegExp(`is in use by npm run dev \\(pid ${process.pid} at http://127\\.0\\.0\\.1:9\\)`),
    );
    expect(refused.stderr).toMatch(/Stop it \(Ctrl-C\) and run the backfill again/);
  }, 120_000);
});
