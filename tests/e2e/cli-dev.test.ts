/** `npm run dev` as a user runs it: a child process, uploads from another S3 client, lines on stdout. */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/s3/client";
import { SAMPLE_TXT } from "./helpers";

const ROOT = join(import.meta.dirname, "../..");
let dir: string;
let dev: ChildProcessWithoutNullStreams;
let output = "";

/** Resolves with the stdout so far once it matches. */
function waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.match(pattern);
      if (match) {
        dev.stdout.off("data", check);
        dev.off("exit", gone);
        resolve(match);
      }
    };
    const gone = () => reject(new Error(`npm run dev exited; stdout: ${output}`));
    dev.stdout.on("data", check);
    dev.on("exit", gone);
    check();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dev-e2e-"));
  dev = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "infra/local/cli/dev.ts",
      "--translator",
      "none",
      "--data-dir",
      join(dir, "data"),
      "--inbox",
      join(dir, "inbox"),
    ],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  dev.stdout.on("data", (data: Buffer) => {
    output += data.toString();
  });
});

afterAll(async () => {
  if (dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.on("exit", resolve));
    dev.kill("SIGTERM");
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("should say a re-upload of unchanged content through the S3 API was already processed", async () => {
    // Prepare
    const [, endpoint] = await waitFor(/endpoint\s+(http:\/\/\S+)/);
    const client = new S3Client({
      endpoint,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: { ...LOCAL_CREDENTIALS },
    });
    const put = () =>
      readFile(SAMPLE_TXT).then((body) =>
        client.send(
          new PutObjectCommand({
            Bucket: "article-pipeline-ingest",
            Key: "incoming/again.txt",
            Body: body,
          }),
        ),
      );

    // Act
    await put();
    await waitFor(/✔ incoming\/again\.txt: complete/);
    await put();
    const [line] = await waitFor(/= incoming\/again\.txt: already processed[^\n]*/);
    client.destroy();

    // Assess
    expect(line).toContain("outputs unchanged");
  });

  it("should hold its data directory, so that a local backfill refuses it and says how to go on", async () => {
    // Prepare
    const [, endpoint] = await waitFor(/endpoint\s+(http:\/\/\S+)/);
    // Act
    const refused = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "infra/backfill/cli.ts",
        "--local",
        "--data-dir",
        join(dir, "data"),
        "--bucket",
        "article-pipeline-ingest",
      ],
      { cwd: ROOT },
    ).catch((error: { code: number; stderr: string }) => error);
    // Assess
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toContain(
      `is in use by npm run dev (pid ${dev.pid} at ${endpoint})`,
    );
  });
});
