/**
 * The bad-input corpus end to end: one local stack (s3rver, dispatcher, the real handlers, Amazon Translate
 * mocked), every case dropped at once, each checked against its expected outcome. The security checks that
 * need real outputs (hostile HTML, log contents, the server's address) read the same run.
 */
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCorpus, CORPUS_MAX_INPUT_BYTES, CORPUS_TARGET } from "./corpus/cases";
import { HOSTILE_HTML } from "./corpus/hostile-html";
import { type CaseResult, dropCorpus } from "./corpus/run";
import { type ReliabilityStack, startReliabilityStack } from "./harness/stack";
import { type MockedTranslate, mockedTranslate } from "./harness/translate";
import { recordFigures } from "./results";
import { findLogLeaks, logPreviewChars } from "./security/log-leaks";
import { liveMarkupProblems } from "./security/markup";

const corpus = buildCorpus();
let translate: MockedTranslate;
let reliability: ReliabilityStack;
let results: Map<string, CaseResult>;
let log: string;
let wallMs: number;

beforeAll(async () => {
  translate = mockedTranslate();
  reliability = await startReliabilityStack({
    translator: translate.translator,
    targetLanguages: [CORPUS_TARGET],
    settings: { MAX_INPUT_BYTES: CORPUS_MAX_INPUT_BYTES },
  });
  const started = performance.now();
  const run = await dropCorpus(reliability.stack, corpus);
  wallMs = Math.round(performance.now() - started);
  results = new Map(run.map((r) => [r.case.name, r]));
  log = await readFile(reliability.stack.logFile, "utf8");
  recordFigures("corpus", {
    wallMs,
    cases: run.map((r) => ({
      name: r.case.name,
      key: r.case.key,
      bytes: r.case.body.byteLength,
      expected: r.case.expected,
      status: r.outputs.manifest?.status ?? "none",
      errorType: r.outputs.error?.errorType ?? null,
      sentences: r.outputs.article?.sentences.length ?? null,
      encoding: r.outputs.article?.source.encoding ?? null,
      language: r.outputs.article?.language.code ?? null,
      events: r.outputs.events,
      otherVersionEvents: r.outputs.otherVersionEvents,
      problems: r.problems,
    })),
    deadLetters: reliability.stack.queues.deadLetters.list().length,
    translateCalls: translate.meter.calls,
  });
}, 180_000);

afterAll(async () => {
  await reliability?.dispose();
  translate?.restore();
});

function resultOf(name: string): CaseResult {
  const result = results.get(name);
  if (!result) throw new Error(`no result for case "${name}"`);
  return result;
}

describe("bad-input corpus through the local stack", () => {
  it("should hold at least 20 cases, each with its own key", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((c) => c.key)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c.expected]))(
    "should give '%s' its expected outcome (%s)",
    (name) => {
      expect(resultOf(name).problems.join("\n")).toBe("");
    },
  );

  it("should end every case with a manifest and leave nothing in the dead-letter folder", () => {
    const withoutManifest = [...results.values()].filter((r) => !r.outputs.manifest);
    expect(withoutManifest.map((r) => r.case.name)).toEqual([]);
    expect(reliability.stack.queues.deadLetters.list()).toEqual([]);
  });
});

describe("security on the corpus run", () => {
  it("should carry no live markup from the hostile HTML page into any output", () => {
    const hostile = resultOf("hostile HTML (script, style, iframe, on* handlers)");
    expect(hostile.outputs.files.size).toBeGreaterThanOrEqual(7);
    expect(hostile.outputs.contentTypes.get("summary.txt")).toMatch(/^text\/plain/);
    expect(liveMarkupProblems(hostile.outputs.files, hostile.outputs.contentTypes)).toEqual([]);
  });

  it("should log no article text beyond a short preview", () => {
    const sentences = [...results.values()].flatMap(
      (r) => r.outputs.article?.sentences.map((s) => s.text) ?? [],
    );
    expect(sentences.length).toBeGreaterThan(10_000);
    expect(log.length).toBeGreaterThan(0);
    expect(findLogLeaks(log, sentences, logPreviewChars())).toEqual([]);
  });

  it("should serve the local S3 endpoint on 127.0.0.1 and refuse connections on other addresses", async (context) => {
    const { endpoint } = reliability.stack;
    const url = new URL(endpoint);
    expect(url.hostname).toBe("127.0.0.1");
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === "IPv4")
      .map((a) => a?.address as string);
    if (others.length === 0) {
      console.log("skipped the refusal check: this machine has no non-loopback IPv4 address");
      context.skip();
    }
    for (const address of others) {
      expect(await canConnect(address, Number(url.port)), address).toBe(false);
    }
  });
});

describe("the detectors themselves", () => {
  it("should find live markup when the hostile page itself is the report", () => {
    const problems = liveMarkupProblems(new Map([["report.html", Buffer.from(HOSTILE_HTML)]]));
    expect(problems.join("\n")).toMatch(/pwned-/);
    expect(problems.join("\n")).toMatch(/live <script>/);
    expect(problems.join("\n")).toMatch(/onmouseover handler/);
    expect(problems.join("\n")).toMatch(/javascript: URL/);
    const asHtml = liveMarkupProblems(new Map(), new Map([["summary.txt", "text/html"]]));
    expect(asHtml.join("\n")).toMatch(/summary.txt is stored as text\/html/);
  });

  it("should flag a log line that quotes a sentence past the preview, even JSON-escaped", () => {
    // Prepare
    const sentence = 'The union said "the strike would continue" until a fair offer was made.';
    const line = JSON.stringify({ message: "oops", text: sentence });

    // Act
    const leaks = findLogLeaks(line, [sentence], 20);

    // Assess
    expect(leaks).toHaveLength(1);
    expect(
      findLogLeaks(JSON.stringify({ preview: sentence.slice(0, 20) }), [sentence], 20),
    ).toEqual([]);
  });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
