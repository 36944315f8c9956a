import { APERTIUM_TIMEOUT_MS } from "../../limits";
import {
  SourceLanguageUndeterminedError,
  UnsupportedLanguagePairError,
} from "../../translate/errors";
import type {
  EngineSettings,
  TranslateTextsRequest,
  TranslateTextsResult,
  Translator,
} from "../../translate/port";
import { planLineTransport, splitLines } from "../../translate/transport";
import { candidateModes, installHint, parseModeList } from "./pairs";
import { ApertiumProcessError, runProcess, withInputFile } from "./process";

export interface ApertiumOptions {
  /** The apertium executable (default "apertium", from PATH). */
  command?: string;
  timeoutMs?: number;
}

/** No installed Apertium mode translates this pair; the message names the Debian package to install. */
export class ApertiumPairMissingError extends UnsupportedLanguagePairError {}

/**
 * The Translator port on the Apertium CLI, for offline local runs. One process per article (start-up costs
 * ~0.1–0.3 s, so never one per sentence), plain mode with one sentence per line: Apertium keeps lines one to
 * one, and `-u` drops the `*` it puts before unknown words.
 */
export class ApertiumTranslator implements Translator {
  readonly engine = "apertium" as const;
  readonly settings: EngineSettings = {};
  private readonly command: string;
  private readonly timeoutMs: number;
  private modes: Promise<string[]> | undefined;

  constructor(options: ApertiumOptions = {}) {
    this.command = options.command ?? "apertium";
    this.timeoutMs = options.timeoutMs ?? APERTIUM_TIMEOUT_MS;
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
    const plan = planLineTransport(texts, targetLanguage, Number.POSITIVE_INFINITY);
    const [chunk] = plan.chunks;
    if (!chunk) return { texts: [...texts], charactersBilled: 0, requests: 0 };
    const { stdout } = await withInputFile(`${chunk.text}\n`, (path) =>
      runProcess(this.command, ["-u", mode, path], this.timeoutMs),
    );
    const lines = splitLines(stdout, chunk.lines.length);
    if (!lines) {
      throw new ApertiumProcessError(
        `apertium ${mode} answered ${stdout.split("\n").length - 1} lines for ${chunk.lines.length}`,
      );
    }
    return { texts: plan.assemble([lines]), charactersBilled: chunk.characters, requests: 1 };
  }
}
