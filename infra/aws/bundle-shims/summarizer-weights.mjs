/**
 * Stands in for "#summarize/weights" (shared/summarize/weights.json) in the Lambda bundles: the same trees,
 * read from lazy/summarizer-weights.json with JSON.parse at init. Every article needs them, so this saves no
 * work, only the cost of 160 KiB of object literal parsed as code (npm run bench:bundle).
 */
import { readLazyJson } from "./lazy-files.mjs";

export default readLazyJson("summarizer-weights.json");
