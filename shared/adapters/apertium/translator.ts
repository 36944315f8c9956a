import { APERTIUM_CHUNK_BYTES, APERTIUM_CONCURRENCY, APERTIUM_TIMEOUT_MS } from "../../limits";
import {
  SourceLanguageUndeterminedError,
  UnsupportedLanguagePairError,
} from "../../translate/errors";
import {
  type EngineSettings,
  type StopSignal,
  type TranslateTextsRequest,
  type TranslateTextsResult,
  TranslationStoppedError,
  type Translator,
  withPartialTranslation,
} from "../../translate/port";
import { planLineTransport, splitLines, type TransportChunk } from "../../translate/transport";
import { candidateModes, installHint, parseModeList } from "./pairs";
import { ApertiumProcessError, runProcess, withInputFile } from "./process";

export interface ApertiumOptions {
  /** The apertium executable (default "apertium", from PATH). */
  command?: string;
  /** Ceiling on one process (one chunk). */
  timeoutMs?: number;
  /** Bytes of sentences per process; a sentence longer than this is cut in pieces. */
  chunkBytes?: number;
  /** Processes in flight per call. */
  concurrency?: number;
}

/** No installed Apertium mode translates this pair; the message names the Debian package to install. */
export class ApertiumPairMissingError extends UnsupportedLanguagePairError {
  override readonly name = "ApertiumPairMissingError";
}

/** Counts of one translateTexts call, shared by its workers. */
interface Run {
  mode: string;
  characters: number;
  requests: number;
  /** The first error: no further chunk starts once one failed. */
  failure?: unknown;
  signal?: StopSignal;
}

/**
 * The Translator port on the Apertium CLI, for offline local runs. Plain mode with one sentence per line:
 * Apertium keeps lines one to one, and `-u` drops the `*` it puts before unknown words. The sentences go in
 * chunks of `chunkBytes`, a few processes at a time: each process stays far under its timeout whatever the
 * article's size, and a stop (the stage's deadline) loses at most the chunks not yet answered, which go back
 * with the error so the next delivery starts where this one stopped.
 */
export class ApertiumTranslator implements Translator {
  readonly engine = "apertium" as const;
  readonly settings: EngineSettings = {};
  private readonly command: string;
  private readonly timeoutMs: number;
  private readonly chunkBytes: number;
  private readonly concurrency: number;
  private modes: Promise<string[]> | undefined;

  constructor(options: ApertiumOptions = {}) {
    this.command = options.command ?? "apertium";
    this.timeoutMs = options.timeoutMs ?? APERTIUM_TIMEOUT_MS;
    this.chunkBytes = options.chunkBytes ?? APERTIUM_CHUNK_BYTES;
    this.concurrency = Math.max(1, options.concurrency ?? APERTIUM_CONCURRENCY);
  }

  /** The translation directions installed (`apertium -l`), asked once per adapter. */
  installedModes(): Promise<string[]> {
    this.modes ??= runProcess(this.command, ["-l"], this.timeoutMs).then((r) =>
      parseModeList(r.stdout),
    );
    // A failed listing (Apertium missing) is not cached, so installing it fixes the next call.
    this.modes.catch(() => {
      this.modes = undefined;
    });
    return this.modes;
  }

  async modeFor(sourceLanguage: string, targetLanguage: string): Promise<string> {
    const installed = await this.installedModes();
    const mode = candidateModes(sourceLanguage, targetLanguage).find((m) => installed.includes(m));
    if (mode) return mode;
    throw new ApertiumPairMissingError(
      this.engine,
      sourceLanguage,
      targetLanguage,
      `no such pair installed (installed: ${installed.join(", ") || "none"}); install it: ${installHint(sourceLanguage, targetLanguage)}`,
    );
  }

  async translateTexts(request: TranslateTextsRequest): Promise<TranslateTextsResult> {
    const { sourceLanguage, targetLanguage, texts } = request;
    if (sourceLanguage === "und") {
      throw new SourceLanguageUndeterminedError(
        "the article's language is undetermined and Apertium cannot detect it; set the language explicitly",
      );
    }
    const mode = await this.modeFor(sourceLanguage, targetLanguage);
    const plan = planLineTransport(texts, targetLanguage, this.chunkBytes);
    const known = request.translated ?? [];
    const run: Run = { mode, characters: 0, requests: 0 };
    if (request.signal) run.signal = request.signal;
    const answers: (string[] | undefined)[] = plan.chunks.map((chunk) =>
      // A chunk whose every text the caller has is not sent; its lines are replaced by those below.
      chunk.textIndexes.every((i) => known[i] !== undefined)
        ? chunk.lines.map(() => "")
        : undefined,
    );
    const pending = plan.chunks.flatMap((chunk, c) => (answers[c] ? [] : [{ chunk, c }]));
    const worker = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        if (run.failure) return;
        if (run.signal?.aborted) {
          run.failure = stopped(run.signal);
          return;
        }
        try {
          answers[next.c] = await this.translateChunk(next.chunk, run);
        } catch (error) {
          run.failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, pending.length) }, worker));
    const withKnown = <T>(translated: T[]) => translated.map((text, i) => known[i] ?? text);
    if (run.failure !== undefined) {
      throw withPartialTranslation(run.failure, {
        texts: withKnown(plan.assemblePartial(answers)),
        charactersBilled: run.characters,
        requests: run.requests,
      });
    }
    return {
      texts: withKnown(plan.assemble(answers.map((lines) => lines ?? []))),
      charactersBilled: run.characters,
      requests: run.requests,
    };
  }

  /** One apertium process over one chunk: its lines, one per line sent. */
  private async translateChunk(chunk: TransportChunk, run: Run): Promise<string[]> {
    const { stdout } = await withInputFile(`${chunk.text}\n`, (path) =>
      runProcess(this.command, ["-u", run.mode, path], this.timeoutMs),
    );
    const lines = splitLines(stdout, chunk.lines.length);
    if (!lines) {
      throw new ApertiumProcessError(
        `apertium ${run.mode} answered ${stdout.split("\n").length - 1} lines for ${chunk.lines.length}`,
      );
    }
    run.characters += chunk.characters;
    run.requests++;
    return lines;
  }
}

function stopped(signal: StopSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  return new TranslationStoppedError("stopped before every Apertium chunk was sent");
}
