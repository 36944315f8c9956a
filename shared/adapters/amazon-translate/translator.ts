import {
  DetectedLanguageLowConfidenceException,
  type TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import pLimit, { type LimitFunction } from "p-limit";
import {
  DEFAULT_TRANSLATE_CONCURRENCY,
  TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST,
  TRANSLATE_TEXT_MAX_BYTES,
} from "../../limits";
import { ConfigError, type TranslationSettings } from "../../pipeline/config";
import { codePoints } from "../../translate/bytes";
import { UnsupportedLanguagePairError } from "../../translate/errors";
import {
  type EngineSettings,
  type StopSignal,
  type TranslateTextsRequest,
  type TranslateTextsResult,
  type Translator,
  withPartialTranslation,
} from "../../translate/port";
import { amazonTranslateCode } from "../../translate/supported-languages";
import { sameLanguage } from "../../translate/translate-article";
import {
  planLineTransport,
  splitLines,
  type TransportChunk,
  toLine,
} from "../../translate/transport";
import {
  ChunkTooLargeError,
  messageOf,
  SourceLanguageLowConfidenceError,
  stopReason,
  TranslateUnavailableError,
} from "./errors";
import { createTranslateClient } from "./retry";
import { recordedSettings, requestSettings } from "./settings";

export interface AmazonTranslateLogger {
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

export interface AmazonTranslateOptions {
  /** Defaults to createTranslateClient({ maxAttempts }) (adaptive retries). A client given is used as is. */
  client?: TranslateClient;
  settings?: TranslationSettings;
  /** Requests in flight at once, across every language this adapter serves. */
  concurrency?: number;
  /** Attempts per request, when the adapter creates its client. */
  maxAttempts?: number;
  /** Bytes per request; only tests go below TRANSLATE_TEXT_MAX_BYTES. */
  maxRequestBytes?: number;
  logger?: AmazonTranslateLogger;
}

/** Amazon's code for "detect the source language" (the normalizer says "und" when it could not tell). */
const AUTO = "auto";
const RETRY_AFTER_SDK = new Set([
  "TooManyRequestsException",
  "ServiceUnavailableException",
  "InternalServerException",
]);

/** Counts of one translateTexts call; shared by its chunks. */
interface Meter {
  characters: number;
  /** Requests sent, answered or not. */
  requests: number;
  /** Requests answered (billed). */
  answered: number;
  detectedSource?: string;
  /** The first terminal error: queued requests of the same call are not sent once the language has failed. */
  failure?: unknown;
  /** Once aborted, queued requests are not sent (see TranslateTextsRequest.signal). */
  signal?: StopSignal;
}

/** The Translator port on Amazon Translate's TranslateText. */
export class AmazonTranslateTranslator implements Translator {
  readonly engine = "amazon-translate" as const;
  readonly settings: EngineSettings;
  private readonly client: TranslateClient;
  private readonly slots: LimitFunction;
  private readonly maxRequestBytes: number;
  private readonly logger: AmazonTranslateLogger;
  private readonly requestSettings: Pick<
    TranslateTextCommandInput,
    "Settings" | "TerminologyNames"
  >;

  constructor(options: AmazonTranslateOptions = {}) {
    this.client = options.client ?? createTranslateClient({ maxAttempts: options.maxAttempts });
    this.slots = pLimit(options.concurrency ?? DEFAULT_TRANSLATE_CONCURRENCY);
    this.maxRequestBytes = Math.min(
      options.maxRequestBytes ?? TRANSLATE_TEXT_MAX_BYTES,
      TRANSLATE_TEXT_MAX_BYTES,
    );
    this.logger = options.logger ?? console;
    const settings = options.settings ?? { profanity: false, brevity: false, terminologyNames: [] };
    if (settings.terminologyNames.length > TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST) {
      throw new ConfigError(
        `Amazon Translate applies at most ${TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST} terminology per request, got ${settings.terminologyNames.length}`,
      );
    }
    this.settings = recordedSettings(settings);
    this.requestSettings = requestSettings(settings);
  }

  async translateTexts(request: TranslateTextsRequest): Promise<TranslateTextsResult> {
    // The pipeline spells languages canonically ("fil", "zh-Hant", "pt-BR"); Translate has its own codes.
    const targetLanguage = amazonTranslateCode(request.targetLanguage) ?? request.targetLanguage;
    const source =
      request.sourceLanguage === "und"
        ? AUTO
        : (amazonTranslateCode(request.sourceLanguage) ?? request.sourceLanguage);
    const plan = planLineTransport(request.texts, targetLanguage, this.maxRequestBytes);
    const meter: Meter = { characters: 0, requests: 0, answered: 0 };
    if (request.signal) meter.signal = request.signal;
    // Every chunk settles before a failure is thrown: the ones still in flight are paid for, and their answers
    // go back with the error so the caller need not pay for them again.
    const known = request.translated ?? [];
    const settled = await Promise.allSettled(
      plan.chunks.map((chunk) =>
        // A chunk whose every text the caller has is not sent; its lines are replaced by those below.
        chunk.textIndexes.every((i) => known[i] !== undefined)
          ? Promise.resolve(chunk.lines.map(() => ""))
          : this.translateChunk(chunk, source, targetLanguage, meter),
      ),
    );
    const withKnown = <T>(texts: T[]) => texts.map((text, i) => known[i] ?? text);
    const rejected = settled.find((outcome) => outcome.status === "rejected");
    if (rejected) {
      const answered = settled.map((o) => (o.status === "fulfilled" ? o.value : undefined));
      throw withPartialTranslation(meter.failure ?? rejected.reason, {
        texts: withKnown(plan.assemblePartial(answered)),
        charactersBilled: meter.characters,
        requests: meter.answered,
        ...(meter.detectedSource ? { detectedSourceLanguage: meter.detectedSource } : {}),
      });
    }
    const translated = settled.map((o) => (o.status === "fulfilled" ? o.value : []));
    const result: TranslateTextsResult = {
      texts: withKnown(plan.assemble(translated)),
      charactersBilled: meter.characters,
      requests: meter.requests,
    };
    if (meter.detectedSource) result.detectedSourceLanguage = meter.detectedSource;
    return result;
  }

  private async translateChunk(
    chunk: TransportChunk,
    source: string,
    target: string,
    meter: Meter,
  ): Promise<string[]> {
    const answer = await this.request(chunk.text, source, target, meter);
    const lines = splitLines(answer, chunk.lines.length);
    if (lines) return lines;
    // The service merged or split lines: only this chunk pays again, one request per sentence.
    this.logger.warn(
      "Amazon Translate returned a different number of lines: one request per line",
      {
        sent: chunk.lines.length,
        received: answer.split("\n").length,
        target,
      },
    );
    return Promise.all(
      chunk.lines.map(async (line) => toLine(await this.request(line, source, target, meter))),
    );
  }

  /** One TranslateText call in a concurrency slot, with the low-confidence retry and typed errors. */
  private async request(
    text: string,
    source: string,
    target: string,
    meter: Meter,
  ): Promise<string> {
    try {
      return await this.send(text, source, target, meter);
    } catch (error) {
      if (!(error instanceof DetectedLanguageLowConfidenceException) || source !== AUTO)
        throw error;
      const guess = error.DetectedLanguageCode;
      if (!guess) {
        throw this.fail(
          meter,
          new SourceLanguageLowConfidenceError(
            "Amazon Translate could not detect the source language and named no guess",
            undefined,
            { cause: error },
          ),
        );
      }
      // Retried once with the service's own guess, as its error message suggests.
      meter.detectedSource = guess;
      // The text is already in the target language: nothing to translate, nothing to pay.
      if (sameLanguage(guess, target)) return text;
      try {
        return await this.send(text, guess, target, meter);
      } catch (retryError) {
        if (!(retryError instanceof DetectedLanguageLowConfidenceException)) throw retryError;
        throw this.fail(
          meter,
          new SourceLanguageLowConfidenceError(
            `Amazon Translate still unsure of the source language after retrying with "${guess}"`,
            undefined,
            { cause: retryError },
          ),
        );
      }
    }
  }

  private send(text: string, source: string, target: string, meter: Meter): Promise<string> {
    return this.slots(async () => {
      if (meter.failure) throw meter.failure;
      if (meter.signal?.aborted) throw stopReason(meter.signal);
      meter.requests++;
      try {
        const output = await this.client.send(
          new TranslateTextCommand({
            Text: text,
            SourceLanguageCode: source,
            TargetLanguageCode: target,
            ...this.requestSettings,
          }),
        );
        // A rejected request translated nothing; only answered requests count as billed.
        const answer = output.TranslatedText ?? "";
        meter.characters += codePoints(text);
        meter.answered++;
        if (source === AUTO && output.SourceLanguageCode) {
          meter.detectedSource ??= output.SourceLanguageCode;
        }
        return answer;
      } catch (error) {
        throw this.typed(error, text, source, target, meter);
      }
    });
  }

  private typed(
    error: unknown,
    text: string,
    source: string,
    target: string,
    meter: Meter,
  ): unknown {
    const name = error instanceof Error ? error.name : "";
    if (name === "UnsupportedLanguagePairException") {
      return this.fail(
        meter,
        new UnsupportedLanguagePairError(this.engine, source, target, messageOf(error), {
          cause: error,
        }),
      );
    }
    if (name === "TextSizeLimitExceededException") {
      const bytes = Buffer.byteLength(text, "utf8");
      this.logger.error("CHUNKING BUG: TranslateText refused a request as too large", {
        bytes,
        limit: this.maxRequestBytes,
        characters: codePoints(text),
        target,
      });
      return this.fail(
        meter,
        new ChunkTooLargeError(
          `TranslateText refused a ${bytes}-byte request (limit ${this.maxRequestBytes}): chunking bug`,
          undefined,
          { cause: error },
        ),
      );
    }
    if (RETRY_AFTER_SDK.has(name)) {
      return new TranslateUnavailableError(
        `${name} after every SDK retry (${source} → ${target}): ${messageOf(error)}`,
        undefined,
        { cause: error },
      );
    }
    return error;
  }

  private fail(meter: Meter, error: Error): Error {
    meter.failure ??= error;
    return error;
  }
}
