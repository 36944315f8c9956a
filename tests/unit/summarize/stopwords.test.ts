import stopwordsIso from "stopwords-iso/stopwords-iso.json";
import { describe, expect, it } from "vitest";
import { languageProfile } from "../../../shared/summarize/language";

const ISO = stopwordsIso as Record<string, string[]>;

describe("stopwords", () => {
  it("should give every language profile the same stopwords as stopwords-iso", () => {
    for (const [code, words] of Object.entries(ISO)) {
      // Act
      const profile = languageProfile(code);
      // Assess
      expect([...profile.stopwords].sort(), code).toEqual([...new Set(words)].sort());
    }
  });

  it("should give a language stopwords-iso lacks no stopwords", () => {
    // Act
    const profile = languageProfile("xx");
    // Assess
    expect(profile.stopwords.size).toBe(0);
  });
});
