import { describe, expect, it } from "vitest";
import { split } from "./segment-helpers";

describe("segmentSentences on inline lists", () => {
  it.each([
    [
      "1.)",
      "1.) Buy milk 2.) Pay rent 3.) Call Ann",
      ["1.) Buy milk", "2.) Pay rent", "3.) Call Ann"],
    ],
    ["1)", "1) Buy milk. 2) Pay rent.", ["1) Buy milk.", "2) Pay rent."]],
    ["1.", "1. Buy milk 2. Pay rent", ["1. Buy milk", "2. Pay rent"]],
    ["a.", "a. Buy milk b. Pay rent", ["a. Buy milk", "b. Pay rent"]],
  ])("should make each item of a %s list a sentence", (_shape, text, expected) => {
    expect(split(text, "en")).toEqual(expected);
  });

  it("should start an item at each bullet", () => {
    expect(split("• Buy milk • Pay rent ⁃4. Call Ann", "en")).toEqual([
      "• Buy milk",
      "• Pay rent",
      "⁃4. Call Ann",
    ]);
  });

  it("should read markers set off by any space the segmenter knows", () => {
    expect(split("Steps:\u00a01.\u00a0Stop 2.\u2003Think", "en")).toEqual([
      "Steps:",
      "1.\u00a0Stop",
      "2.\u2003Think",
    ]);
  });

  it("should read no marker in a label that is not a lone letter or a number of one or two digits", () => {
    expect(split("Steps: x1. Stop x2. Think", "en")).toEqual(["Steps: x1.", "Stop x2.", "Think"]);
    expect(split("Steps: 101. Stop 102. Think", "en")).toEqual([
      "Steps: 101.",
      "Stop 102.",
      "Think",
    ]);
  });

  it("should start a list after a colon", () => {
    expect(split("Two steps: 1) Stop 2) Think", "en")).toEqual([
      "Two steps:",
      "1) Stop",
      "2) Think",
    ]);
  });

  it("should not read numbers that do not count up from a list opening as a list", () => {
    expect(split("Köln spielt in der 2. Bundesliga und Bochum in der 3. Liga.", "de")).toEqual([
      "Köln spielt in der 2. Bundesliga und Bochum in der 3. Liga.",
    ]);
    expect(split("Take vitamin c. It helps. Then rest.", "en")).toEqual([
      "Take vitamin c.",
      "It helps.",
      "Then rest.",
    ]);
  });
});

describe("segmentSentences on ellipses", () => {
  it("should open the next sentence with a spaced ellipsis after a sentence's own period", () => {
    expect(split("It was over. . . . The crowd left. . . .", "en")).toEqual([
      "It was over.",
      ". . . The crowd left. . . .",
    ]);
  });

  it("should keep an ellipsis that opens a sentence with it", () => {
    expect(split("We waited. ...and then it rained.", "en")).toEqual([
      "We waited.",
      "...and then it rained.",
    ]);
  });
});
