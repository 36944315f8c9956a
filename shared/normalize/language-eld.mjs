/**
 * The parts of eld (the pattern and byte dictionary of its text processing, the average scores behind
 * isReliable) that language-scores.ts, language-ngram-memo.ts and language-separators.ts read; its database is
 * read through language-eld-data.mjs. eld's package exports only its detector, so they are reached by path, as
 * eld's own entry files reach them; a plain .mjs, as eld is plain JavaScript.
 */
export { avgScore } from "../../node_modules/eld/src/avgScore.js";
export { dictionary } from "../../node_modules/eld/src/dictionary.js";
export { separators } from "../../node_modules/eld/src/regexPatterns.js";
