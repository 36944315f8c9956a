/**
 * The whole pipeline through the local stack: real s3rver, the dispatcher, the three real handlers. Objects go
 * in over the S3 API; assertions read what the results bucket holds.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchInbox } from "../../infra/local/cli/inbox";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { ArticleProcessedDetail, ErrorRecord, Manifest } from "../../shared/contract/manifest";
import type { ArticleTranslation } from "../../shared/contract/translation";
import {
  type E2eStack,
  readJson,
  readText,
  SAMPLE_TXT,
  schema,
  schemaNameOf,
  startE2eStack,
  upload,
} from "./helpers";

let e2e: E2eStack;
const events: ArticleProcessedDetail[] = [];
let sample: Buffer;

beforeAll(async () => {
  e2e = await startE2eStack();
  e2e.stack.events.onArticleProcessed((detail) => events.push(detail));
  sample = await readFile(SAMPLE_TXT);
  if (e2e.skipTranslation) console.log(`e2e: running without translation: ${e2e.skipTranslation}`);
});

afterAll(async () => {
  await e2e?.dispose();
});

function eventsFor(key: string, etag: string): ArticleProcessedDetail[] {
  return events.filter((e) => e.source.key === key && e.source.etag === etag);
}

async function manifestOf(key: string): Promise<Manifest | undefined> {
  return readJson<Manifest>(e2e.stack, outputKey(articleIdFromKey(key), OUTPUT_FILES.manifest));
}

describe("local stack end to end", () => {
  it("should take the sample article to every output, each valid against its JSON Schema", async () => {
    // Prepare
    const key = "incoming/harbour-strike.txt";

    // Act
    const etag = await upload(e2e.stack, key, sample);
    await e2e.stack.queues.idle();

    // Assess
    const manifest = await manifestOf(key);
    expect(manifest).toMatchObject({ status: "complete", source: { key, etag } });
    const id = articleIdFromKey(key);
    const keys = await e2e.stack.store.list(e2e.stack.buckets.results, `results/${id}/`);
    const files = keys.map((k) => k.slice(`results/${id}/`.length)).sort();
    const expected = ["article.json", "manifest.json", "summary.json", "summary.txt"];
    for (const lang of e2e.targets)
      expected.push(`translations/${lang}.json`, `translations/${lang}.txt`);
    expect(files).toEqual(expect.arrayContaining(expected));
    for (const file of files) {
      const name = schemaNameOf(file);
      if (!name) continue;
      const validate = schema(name);
      const valid = validate(await readJson(e2e.stack, `results/${id}/${file}`));
      expect(validate.errors ?? [], `${file} against ${name}.schema.json`).toEqual([]);
      expect(valid).toBe(true);
    }
    expect((await readText(e2e.stack, outputKey(id, OUTPUT_FILES.summaryText)))?.trim()).not.toBe(
      "",
    );
    const [event] = eventsFor(key, etag);
    const validateEvent = schema("completion-event");
    expect(
      validateEvent({
        source: "article-pipeline",
        "detail-type": "Article Processed",
        detail: event,
      }),
    ).toBe(true);
  });

  it("should keep a key with spaces, '+' and unicode intact from upload to manifest", async () => {
    // Prepare
    const key = "incoming/Crónica del puerto + más (1) 日本.txt";

    // Act
    const etag = await upload(e2e.stack, key, sample);
    await e2e.stack.queues.idle();

    // Assess
    const manifest = await manifestOf(key);
    expect(manifest?.status).toBe("complete");
    expect(manifest?.source).toMatchObject({ key, etag });
    expect(eventsFor(key, etag)).toHaveLength(1);
  });

  it("should process a file dropped twice once: one manifest, one completion event", async () => {
    // Prepare
    const key = "incoming/dropped-twice.txt";

    // Act: two drops racing, then a third after the first finished.
    const [etag, again] = await Promise.all([
      upload(e2e.stack, key, sample),
      upload(e2e.stack, key, sample),
    ]);
    await e2e.stack.queues.idle();
    const manifestBefore = await manifestOf(key);
    await upload(e2e.stack, key, sample);
    await e2e.stack.queues.idle();

    // Assess
    expect(again).toBe(etag);
    expect(eventsFor(key, etag)).toHaveLength(1);
    expect(await manifestOf(key)).toEqual(manifestBefore);
    expect(e2e.stack.queues.deadLetters.list()).toEqual([]);
  });

  it("should end a bad file in an error record and a failed manifest", async () => {
    // Prepare
    const key = "incoming/not-an-article.pdf";

    // Act
    const etag = await upload(
      e2e.stack,
      key,
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff]),
    );
    await e2e.stack.queues.idle();

    // Assess
    const id = articleIdFromKey(key);
    const manifest = await manifestOf(key);
    expect(manifest).toMatchObject({ status: "failed", source: { key, etag } });
    const error = await readJson<ErrorRecord>(e2e.stack, outputKey(id, OUTPUT_FILES.error));
    expect(schema("error-record")(error)).toBe(true);
    expect(error).toMatchObject({ stage: "normalize", source: { key } });
    expect(error?.message).toContain(key);
    expect(eventsFor(key, etag).map((e) => e.status)).toEqual(["failed"]);
  });

  it("should retry an unparseable message maxReceiveCount times, dead-letter it, and redrive it", async () => {
    // Prepare
    const { queues } = e2e.stack;

    // Act
    const messageId = queues.send("translate", "this is not a translate job");
    await queues.idle();
    const letters = queues.deadLetters.list("translate");
    const redriven = queues.redrive("translate");
    await queues.idle();
    const afterRedrive = queues.deadLetters.list("translate");
    for (const { file } of afterRedrive) queues.deadLetters.remove(file);

    // Assess
    expect(letters.map((l) => l.letter)).toMatchObject([
      { messageId, receiveCount: 5, body: "this is not a translate job" },
    ]);
    expect(letters[0]?.letter.lastError).toContain("MalformedMessageError");
    expect(redriven).toBe(1);
    expect(afterRedrive).toHaveLength(1);
  });

  it("should upload a file dropped into the inbox folder once it is fully written (npm run dev)", async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), "inbox-"));
    const uploaded: string[] = [];
    const failures: unknown[] = [];
    const inbox = await watchInbox({
      folder,
      client: e2e.stack.client,
      bucket: e2e.stack.buckets.ingest,
      settleMs: 50,
      onUploaded: (key) => uploaded.push(key),
      onError: (_file, error) => failures.push(error),
    });
    const key = "incoming/dropped in inbox.txt";
    const done = new Promise<ArticleProcessedDetail>((resolve) => {
      e2e.stack.events.onArticleProcessed((detail) => {
        if (detail.source.key === key) resolve(detail);
      });
    });

    // Act
    try {
      await writeFile(join(folder, "dropped in inbox.txt"), sample);
      const detail = await done;
      await e2e.stack.queues.idle();

      // Assess
      expect(failures).toEqual([]);
      expect(uploaded).toEqual([key]);
      expect(detail.status).toBe("complete");
    } finally {
      inbox.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("should translate the sample into Spanish through real Apertium", async (context) => {
    if (e2e.skipTranslation) {
      console.log(`skipped: ${e2e.skipTranslation}`);
      context.skip();
    }
    // Prepare
    const key = "incoming/harbour-strike-es.txt";

    // Act
    await upload(e2e.stack, key, sample);
    await e2e.stack.queues.idle();

    // Assess
    const id = articleIdFromKey(key);
    const translation = await readJson<ArticleTranslation>(
      e2e.stack,
      outputKey(id, OUTPUT_FILES.translationJson("es")),
    );
    expect(translation?.engine).toBe("apertium");
    const text =
      (await readText(e2e.stack, outputKey(id, OUTPUT_FILES.translationText("es")))) ?? "";
    // Apertium keeps words it does not know ("dockworkers"), so check words it does know.
    expect(text).not.toContain("The strike");
    expect(text).toContain("huelga");
    expect(text).toMatch(/\b(el|la|los|las|del)\b/);
  });
});
