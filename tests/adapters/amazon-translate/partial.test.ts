/**
 * The Amazon Translate adapter reports what it got, and paid for, before it failed or was told to stop, so
 * that its caller keeps it and sends only the rest next time: sentences in, sentences out.
 */
import {
  ServiceUnavailableException,
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  AmazonTranslateTranslator,
  TranslateUnavailableError,
} from "../../../shared/adapters/amazon-translate";
import type { NormalizedArticle } from "../../../shared/contract/article";
import type { ArticleSummary } from "../../../shared/contract/summary";
import { SCHEMA_VERSION } from "../../../shared/contract/version";
import { codePoints } from "../../../shared/translate/bytes";
import { partialTranslationOf, type StopSignal } from "../../../shared/translate/port";
import { translateArticle } from "../../../shared/translate/translate-article";

const translateMock = mockClient(TranslateClient);
const silent = { warn() {}, error() {} };

afterEach(() => {
  translateMock.reset();
});

function sentTexts(): string[] {
  return translateMock.commandCalls(TranslateTextCommand).map((c) => c.args[0].input.Text ?? "");
}

/** Answers with the text upper-cased; refuses (503) any request whose text contains `refuse`. */
function answer(refuse?: string): void {
  translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
    const text = input.Text ?? "";
    if (refuse && text.includes(refuse)) {
      throw new ServiceUnavailableException({ message: "injected 503", $metadata: {} });
    }
    return {
      TranslatedText: text.toUpperCase(),
      SourceLanguageCode: "en",
      TargetLanguageCode: "es",
    };
  });
}

function translator(): AmazonTranslateTranslator {
  return new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: silent,
    maxRequestBytes: 120,
    concurrency: 1,
  });
}

const texts = Array.from({ length: 12 }, (_, i) => `${i}: The river rose two metres overnight.`);
const request = (signal?: StopSignal) => ({
  sourceLanguage: "en",
  targetLanguage: "es",
  texts,
  ...(signal ? { signal } : {}),
});

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("the call was expected to fail");
}

describe("AmazonTranslateTranslator: what it got before failing", () => {
  it("should attach every sentence it paid for to its error, with the characters and requests billed", async () => {
    // Prepare: the last request is refused; every other one is answered.
    answer("11: ");

    // Act
    const error = await failure(translator().translateTexts(request()));

    // Assess
    const partial = partialTranslationOf(error);
    const answered = sentTexts().filter((text) => !text.includes("11: "));
    expect(error).toBeInstanceOf(TranslateUnavailableError);
    expect(sentTexts().length).toBeGreaterThan(1);
    const got = texts.flatMap((text, i) => (partial?.texts[i] === undefined ? [] : [text]));
    expect(got.join("\n")).toBe(answered.join("\n"));
    expect(partial?.texts.filter((t) => t !== undefined)).toEqual(got.map((t) => t.toUpperCase()));
    expect(partial?.charactersBilled).toBe(answered.reduce((n, t) => n + codePoints(t), 0));
    expect(partial?.requests).toBe(answered.length);
  });

  it("should send only the requests a one-go call would have sent for the texts the caller lacks", async () => {
    // Prepare
    answer();
    await translator().translateTexts(request());
    const oneGo = sentTexts();
    translateMock.resetHistory();
    const upper = texts.map((t) => t.toUpperCase());
    const lacking = new Set([0, 7, 8]);

    // Act
    const resumed = await translator().translateTexts({
      ...request(),
      translated: upper.map((t, i) => (lacking.has(i) ? undefined : t)),
    });

    // Assess
    const expected = oneGo.filter((text) =>
      text.split("\n").some((line) => lacking.has(Number(line.split(":")[0]))),
    );
    expect(sentTexts()).toEqual(expected);
    expect(resumed.texts).toEqual(upper);
  });

  it("should neither send nor bill the sentences the caller already has", async () => {
    // Prepare
    answer();
    const article = storyArticle(texts);
    const first = await translateArticle({ ...article, translator: translator() });
    translateMock.resetHistory();
    const known = new Map(first.blocks.flatMap((b) => b.sentences).map((s) => [s.id, s.text]));

    // Act
    const again = await translateArticle({
      ...article,
      translator: translator(),
      resume: { translations: known },
    });

    // Assess
    expect(sentTexts()).toEqual([]);
    expect(again).toMatchObject({ blocks: first.blocks, charactersBilled: 0, requests: 0 });
  });

  it("should keep the answered requests of a failed call, and pay only for the refused one next time", async () => {
    // Prepare: the request carrying sentence 5 is refused; with one slot, later ones are sent after it.
    answer("5: ");

    // Act
    const error = await failure(translator().translateTexts(request()));

    // Assess
    expect(error).toBeInstanceOf(TranslateUnavailableError);
    const partial = partialTranslationOf(error);
    const refused = sentTexts().filter((text) => text.includes("5: "));
    const answered = sentTexts().filter((text) => !text.includes("5: "));
    expect(refused).toHaveLength(1);
    expect(partial?.charactersBilled).toBe(answered.reduce((n, t) => n + codePoints(t), 0));

    // Act: the next delivery passes what it has, with the service answering again.
    translateMock.reset();
    answer();
    const resumed = await translator().translateTexts({
      ...request(),
      translated: partial?.texts ?? [],
    });

    // Assess
    expect(sentTexts()).toEqual(refused);
    expect(resumed.texts).toEqual(texts.map((t) => t.toUpperCase()));
    expect(resumed.charactersBilled).toBe(codePoints(refused[0] ?? ""));
    const everyRequest = [...answered, ...refused];
    expect((partial?.charactersBilled ?? 0) + resumed.charactersBilled).toBe(
      everyRequest.reduce((n, t) => n + codePoints(t), 0),
    );
  });

  it("should send nothing more once its stop signal is aborted, and report what it got", async () => {
    // Prepare: the signal aborts once two requests were answered; the reason is what the call throws.
    answer();
    const reason = new Error("deadline near");
    const signal = {
      get aborted() {
        return translateMock.commandCalls(TranslateTextCommand).length >= 2;
      },
      reason,
    };

    // Act
    const error = await failure(translator().translateTexts(request(signal)));

    // Assess
    expect(error).toBe(reason);
    expect(sentTexts()).toHaveLength(2);
    const partial = partialTranslationOf(error);
    expect(partial?.requests).toBe(2);
    expect(partial?.texts.filter((t) => t !== undefined).length).toBeGreaterThan(0);
    expect(partial?.texts.at(-1)).toBeUndefined();
  });
});

/** An article (one block per sentence) and its summary, as translateArticle takes them. */
function storyArticle(sentences: readonly string[]) {
  const ids = sentences.map((_, i) => `s${i + 1}`);
  const article = {
    schemaVersion: SCHEMA_VERSION,
    source: { name: "story.txt", format: "text", encoding: "utf-8", bytes: 0 },
    language: { code: "en", confidence: 1, method: "override" },
    title: null,
    dek: null,
    text: sentences.join("\n\n"),
    blocks: ids.map((id, i) => ({
      id: `b${i + 1}`,
      type: "paragraph",
      text: "",
      sentenceIds: [id],
    })),
    sentences: sentences.map((text, i) => ({ id: ids[i], text, blockId: `b${i + 1}` })),
    removed: [],
    stats: { characters: 0, words: 0, sentences: sentences.length },
  } as unknown as NormalizedArticle;
  const summary = { sentences: [{ id: "s1" }] } as unknown as ArticleSummary;
  return { article, summary, targetLanguage: "es" };
}
