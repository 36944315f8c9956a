import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NormalizedArticle } from "../../../shared/contract/article";
import { normalizeArticle } from "../../../shared/normalize";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SAMPLES = join(REPO_ROOT, "tests/fixtures/samples");
export const FIXTURES = join(REPO_ROOT, "tests/fixtures/normalize");
/** ../shared beside the repository: present on the team's machines and in CI, absent from a user's clone. */
export const SHARED = join(REPO_ROOT, "../shared");
export const REAL_SAMPLE = join(SHARED, "samples/iran-us-iraq.txt");
export const hasRealSample = existsSync(REAL_SAMPLE);

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function normalizeText(text: string, fileName = "article.txt"): NormalizedArticle {
  return normalizeArticle({ bytes: utf8(text), fileName });
}

export function normalizeFile(path: string): NormalizedArticle {
  return normalizeArticle({ bytes: readFileSync(path), fileName: path });
}

/** Block texts of one type, in order. */
export function blockTexts(article: NormalizedArticle, type: string): string[] {
  return article.blocks
    .filter((block) => block.type === type)
    .map((block) => article.text.slice(block.start, block.end));
}
