/**
 * The HTML stack of the normalizer (linkedom over htmlparser2, Mozilla Readability: ~270 KiB), built as its
 * own file, lazy/html-stack.cjs, and loaded by the normalize Lambda on its first .html article only.
 */

export { isProbablyReaderable, Readability } from "@mozilla/readability";
export { parseHTML } from "linkedom";
