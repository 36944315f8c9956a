/**
 * The AWS services a stage's Lambda bundle calls, on one local HTTP endpoint, for `npm run bench:limits`:
 * S3 (path style: GET, HEAD, PUT with If-None-Match / If-Match, ListObjectsV2), SQS SendMessageBatch,
 * EventBridge PutEvents and Amazon Translate TranslateText. It runs in the bench's own process, so that the
 * objects it stores never count against the memory of the process being measured. The bundle reaches it
 * through the SDK's `AWS_ENDPOINT_URL_<SERVICE>` variables; nothing in the bundle is changed.
 *
 * Translate answers at once; the latency it stands for is kept on a virtual clock (translate-clock.ts).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StoredObject {
  body: Buffer;
  etag: string;
  contentType: string;
  metadata: Record<string, string>;
}

export interface TranslateCall {
  characters: number;
  targetLanguage: string;
}

export interface FakeAwsHandlers {
  /** Called for each TranslateText request, before it is answered. */
  onTranslate?: (call: TranslateCall) => void;
}

const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");

/**
 * A translation of realistic length: every line kept (the transport is one sentence per line) and about
 * 20% longer, as Spanish or French is against English news.
 */
export function realisticTranslation(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `${line} ${line.slice(0, Math.round(line.length * 0.2))}` : line))
    .join("\n");
}

export class FakeAws {
  readonly objects = new Map<string, StoredObject>();
  readonly sentMessages: { queueUrl: string; body: string }[] = [];
  readonly events: unknown[] = [];
  private server: Server | undefined;
  handlers: FakeAwsHandlers = {};

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${((this.server as Server).address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  putObject(bucket: string, key: string, body: Buffer, metadata: Record<string, string> = {}) {
    const etag = md5(body);
    this.objects.set(`${bucket}/${key}`, {
      body,
      etag,
      contentType: "application/octet-stream",
      metadata,
    });
    return etag;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target = req.headers["x-amz-target"];
    if (typeof target === "string") {
      this.json(target, JSON.parse(body.toString()), res);
      return;
    }
    this.s3(req, body, res);
    return;
  }

  private json(target: string, input: Record<string, unknown>, res: ServerResponse): void {
    const [, operation] = target.split(".");
    const reply = (output: unknown, type = "application/x-amz-json-1.1") => {
      res.writeHead(200, { "content-type": type });
      res.end(JSON.stringify(output));
    };
    if (operation === "TranslateText") {
      const text = String(input.Text);
      const targetLanguage = String(input.TargetLanguageCode);
      this.handlers.onTranslate?.({ characters: [...text].length, targetLanguage });
      reply({
        TranslatedText: realisticTranslation(text),
        SourceLanguageCode: input.SourceLanguageCode === "auto" ? "en" : input.SourceLanguageCode,
        TargetLanguageCode: targetLanguage,
      });
      return;
    }
    if (operation === "SendMessageBatch") {
      const entries = input.Entries as { Id: string; MessageBody: string }[];
      for (const e of entries) {
        this.sentMessages.push({ queueUrl: String(input.QueueUrl), body: e.MessageBody });
      }
      reply(
        {
          Successful: entries.map((e, i) => ({
            Id: e.Id,
            MessageId: `m-${this.sentMessages.length}-${i}`,
            MD5OfMessageBody: md5(e.MessageBody),
          })),
          Failed: [],
        },
        "application/x-amz-json-1.0",
      );
      return;
    }
    if (operation === "PutEvents") {
      const entries = input.Entries as unknown[];
      this.events.push(...entries);
      reply({
        FailedEntryCount: 0,
        Entries: entries.map((_, i) => ({ EventId: `e-${i}` })),
      });
      return;
    }
    res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
    res.end(JSON.stringify({ __type: "UnknownOperationException", message: target }));
  }

  private s3(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://local");
    const [, bucket = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const id = `${decodeURIComponent(bucket)}/${key}`;
    const error = (status: number, code: string) => {
      res.writeHead(status, { "content-type": "application/xml" });
      res.end(req.method === "HEAD" ? undefined : `<Error><Code>${code}</Code></Error>`);
    };
    if (req.method === "GET" && key === "") {
      this.list(decodeURIComponent(bucket), url, res);
      return;
    }
    const existing = this.objects.get(id);
    if (req.method === "PUT") {
      const ifNoneMatch = req.headers["if-none-match"];
      const ifMatch = req.headers["if-match"];
      if (ifNoneMatch === "*" && existing) {
        error(412, "PreconditionFailed");
        return;
      }
      if (ifMatch && (!existing || `"${existing.etag}"` !== ifMatch)) {
        error(412, "PreconditionFailed");
        return;
      }
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (name.startsWith("x-amz-meta-")) metadata[name.slice(11)] = String(value);
      }
      const etag = md5(body);
      this.objects.set(id, {
        body,
        etag,
        contentType: String(req.headers["content-type"] ?? "application/octet-stream"),
        metadata,
      });
      res.writeHead(200, { etag: `"${etag}"` });
      res.end();
      return;
    }
    if (req.method === "DELETE") {
      this.objects.delete(id);
      res.writeHead(204);
      res.end();
      return;
    }
    if (!existing) {
      error(404, "NoSuchKey");
      return;
    }
    const headers: Record<string, string | number> = {
      etag: `"${existing.etag}"`,
      "content-length": existing.body.length,
      "content-type": existing.contentType,
      "last-modified": new Date(0).toUTCString(),
    };
    for (const [name, value] of Object.entries(existing.metadata)) {
      headers[`x-amz-meta-${name}`] = value;
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : existing.body);
  }

  private list(bucket: string, url: URL, res: ServerResponse): void {
    const prefix = url.searchParams.get("prefix") ?? "";
    const keys = [...this.objects.keys()]
      .filter((id) => id.startsWith(`${bucket}/${prefix}`))
      .map((id) => id.slice(bucket.length + 1));
    const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    res.writeHead(200, { "content-type": "application/xml" });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${keys.map((k) => `<Contents><Key>${escapeXml(k)}</Key></Contents>`).join("")}</ListBucketResult>`,
    );
  }
}
