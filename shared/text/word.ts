/**
 * Word characters by UTF-16 code unit: \p{L}, \p{M} or \p{N}, the class the summarizer's terms and the
 * article's word count both read words as. One answer, read from one table filled in as units are met.
 * By code unit: each half of a surrogate pair is no word character, whatever the pair is.
 */

import { codeUnitTest } from "./unit-test";

/** One character (one code unit) that is a word character: for callers that keep their own table of units. */
export const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Whether one BMP code unit is \p{L}, \p{M} or \p{N}. */
export const isWordUnit = codeUnitTest(WORD_CHAR);
