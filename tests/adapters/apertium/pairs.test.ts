import { describe, expect, it } from "vitest";
import {
  ApertiumNotInstalledError,
  ApertiumTranslator,
  candidateModes,
  installHint,
  iso3,
  parseModeList,
} from "../../../shared/adapters/apertium";
import { SourceLanguageUndeterminedError } from "../../../shared/translate/errors";

describe("Apertium pair names", () => {
  it("should map ISO 639-1 codes to Apertium's three-letter names", () => {
    expect(["en", "es", "fr", "ca", "pt", "it", "pt-BR"].map(iso3)).toEqual([
      "eng",
      "spa",
      "fra",
      "cat",
      "por",
      "ita",
      "por",
    ]);
  });

  it("should try the regional variant first, then three- and two-letter names", () => {
    expect(candidateModes("es", "en-US")).toEqual(["spa-eng_US", "es-en_US", "spa-eng", "es-en"]);
    expect(candidateModes("en", "es")).toEqual(["eng-spa", "en-es"]);
  });

  it("should name the Debian package of a known pair, in either direction", () => {
    expect(installHint("en", "es")).toBe("apt-get install apertium-eng-spa");
    expect(installHint("es", "en")).toBe("apt-get install apertium-eng-spa");
    expect(installHint("fr", "es")).toBe("apt-get install apertium-fr-es");
    expect(installHint("pt", "ca")).toBe("apt-get install apertium-por-cat");
  });

  it("should suggest the likely package names for a pair Debian may not ship", () => {
    expect(installHint("en", "fr")).toMatch(
      /apt-get install apertium-eng-fra \(or apertium-fra-eng\)/,
    );
  });

  it("should read the installed modes from apertium -l", () => {
    expect(parseModeList("  eng-spa\n  spa-eng\n  spa-eng_US\n")).toEqual([
      "eng-spa",
      "spa-eng",
      "spa-eng_US",
    ]);
  });
});

describe("ApertiumTranslator without Apertium", () => {
  it("should say how to install Apertium when the command is missing", async () => {
    const translator = new ApertiumTranslator({ command: "apertium-not-installed-here" });
    const run = translator.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts: ["Hi."],
    });
    await expect(run).rejects.toThrow(ApertiumNotInstalledError);
    await expect(run).rejects.toThrow(/apt-get install apertium apertium-eng-spa/);
  });

  it("should refuse an article whose language is undetermined", async () => {
    const translator = new ApertiumTranslator({ command: "apertium-not-installed-here" });
    await expect(
      translator.translateTexts({ sourceLanguage: "und", targetLanguage: "es", texts: ["Hi."] }),
    ).rejects.toThrow(SourceLanguageUndeterminedError);
  });
});
