import { describe, expect, it } from "vitest";
import {
  articleIdFromKey,
  decodeS3EventKey,
  encodeS3EventKey,
  OUTPUT_FILES,
  outputKey,
} from "../../../shared/contract/keys";

describe("article ids", () => {
  it("should keep folders and make a readable slug with a hash of the key", () => {
    // Act
    const id = articleIdFromKey("incoming/2024/Iran US.txt");

    // Assess
    expect(id).toMatch(/^2024\/iran-us-txt-[0-9a-f]{8}$/);
  });

  it("should give the same id for the same key and different ids for keys with the same slug", () => {
    expect(articleIdFromKey("incoming/a b.txt")).toBe(articleIdFromKey("incoming/a b.txt"));
    expect(articleIdFromKey("incoming/a b.txt")).not.toBe(articleIdFromKey("incoming/a-b.txt"));
    expect(articleIdFromKey("incoming/a.txt")).not.toBe(articleIdFromKey("incoming/a.html"));
  });

  it("should fall back to a safe name for keys made only of symbols or non-Latin script", () => {
    expect(articleIdFromKey("incoming/新闻.txt")).toMatch(/^txt-[0-9a-f]{8}$/);
    expect(articleIdFromKey("incoming/%%%")).toMatch(/^article-[0-9a-f]{8}$/);
  });

  it("should place outputs under results/<id>/", () => {
    expect(outputKey("x-1", OUTPUT_FILES.translationJson("es"))).toBe(
      "results/x-1/translations/es.json",
    );
  });
});

describe("S3 event keys", () => {
  it("should decode '+' as a space before percent-decoding", () => {
    expect(decodeS3EventKey("incoming/my+file+%C3%A9.txt")).toBe("incoming/my file é.txt");
    expect(decodeS3EventKey("incoming/a%2Bb.txt")).toBe("incoming/a+b.txt");
  });

  it("should encode keys the way S3 event notifications do and round-trip", () => {
    const key = "incoming/deep/my file é+100%.txt";
    const encoded = encodeS3EventKey(key);
    expect(encoded).toBe("incoming/deep/my+file+%C3%A9%2B100%25.txt");
    expect(decodeS3EventKey(encoded)).toBe(key);
  });
});
