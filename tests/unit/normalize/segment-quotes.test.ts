import { describe, expect, it } from "vitest";
import { split } from "./segment-helpers";

describe("segmentSentences around quotations and brackets", () => {
  it("should let a sentence go on after a quoted sentence followed by a lowercase word", () => {
    expect(split('He looked up, "We won." he whispered. Then he slept.', "en")).toEqual([
      'He looked up, "We won." he whispered.',
      "Then he slept.",
    ]);
    expect(split("She nodded, 'Fine.' and walked away.", "en")).toEqual([
      "She nodded, 'Fine.' and walked away.",
    ]);
  });

  it("should end the sentence after a quoted sentence followed by a capital", () => {
    expect(split('He looked up, "We won." Nobody answered.', "en")).toEqual([
      'He looked up, "We won."',
      "Nobody answered.",
    ]);
  });

  it("should let a sentence go on after a bracketed aside that ends with a period", () => {
    expect(
      split("The fund (set up in 2001 by the city.) is now closed. It had no money.", "en"),
    ).toEqual(["The fund (set up in 2001 by the city.) is now closed.", "It had no money."]);
  });

  it("should end the sentences inside a quotation of several, as news summaries count them", () => {
    expect(split('"It rained. We stayed in," she said.', "en")).toEqual([
      '"It rained.',
      'We stayed in," she said.',
    ]);
  });

  it("should keep a sentence mark inside brackets that close later within the sentence", () => {
    expect(
      split("The law (passed in 2010. Revised in 2012) still holds. Few read it.", "en"),
    ).toEqual(["The law (passed in 2010. Revised in 2012) still holds.", "Few read it."]);
  });

  it.each([
    ["de", "„Kommst du?“ fragte sie. Er nickte.", ["„Kommst du?“ fragte sie.", "Er nickte."]],
    ["de", "Er rief: „Das reicht.“ Danach ging er.", ["Er rief: „Das reicht.“", "Danach ging er."]],
    ["da", "Hun sagde: »Kom nu.« Han kom.", ["Hun sagde: »Kom nu.«", "Han kom."]],
    [
      "fr",
      "Il a dit : « C'est fini. » Elle est partie.",
      ["Il a dit : « C'est fini. »", "Elle est partie."],
    ],
    [
      "ru",
      "Он спросил: «Ты придёшь?». Она молчала.",
      ["Он спросил: «Ты придёшь?».", "Она молчала."],
    ],
  ])("should close a %s quotation with the language's closing mark", (lang, text, expected) => {
    expect(split(text, lang)).toEqual(expected);
  });

  it("should not let an unclosed bracket glue a long paragraph into one sentence", () => {
    // Prepare: a bracket opened and never closed, then far more than its reach of text
    const sentence = "The council met again and argued about the budget for the new school.";
    const text = `(${Array.from({ length: 8 }, () => sentence).join(" ")}`;

    // Act
    const sentences = split(text, "en");

    // Assess
    expect(sentences).toHaveLength(8);
  });

  it("should not let brackets cross a blank line", () => {
    expect(split("(We start now.\n\nIt went well) he said.", "en")).toEqual([
      "(We start now.",
      "It went well) he said.",
    ]);
  });

  it("should end a sentence inside brackets that close too far away", () => {
    // Prepare: an aside longer than brackets are held together
    const aside = "The council met again and argued about the budget. ".repeat(8);
    const text = `(${aside.trim()}) It ended.`;

    // Act
    const sentences = split(text, "en");

    // Assess
    expect(sentences.length).toBeGreaterThan(2);
  });

  it("should read an editor's cut in square brackets as inside the sentence", () => {
    expect(split('"The plan [...] failed [...]" (Jones 12).', "en")).toEqual([
      '"The plan [...] failed [...]" (Jones 12).',
    ]);
  });

  it("should keep a name written with an exclamation mark inside its sentence", () => {
    expect(split("He worked at Yahoo! for ten years. Then he left.", "en")).toEqual([
      "He worked at Yahoo! for ten years.",
      "Then he left.",
    ]);
  });

  it("should keep a speaker's words after a question and a dash in one sentence", () => {
    expect(split("Кто там? — спросила она. Никто не ответил.", "ru")).toEqual([
      "Кто там? — спросила она.",
      "Никто не ответил.",
    ]);
    expect(split("¿Vienes? —preguntó ella. No contestó.", "es")).toEqual([
      "¿Vienes? —preguntó ella.",
      "No contestó.",
    ]);
  });
});
