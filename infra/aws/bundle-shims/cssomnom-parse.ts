/**
 * Stands in for `cssomnom/parse` in the Lambda bundles. linkedom calls it only from `HTMLStyleElement.sheet`,
 * which neither Readability nor the HTML reader touches (style elements are stripped unread), and the real
 * parser is 195 KiB of every normalize cold start. tests/infra/bundle-equivalence.test.ts checks that the
 * bundled normalizer gives the same articles as the unbundled one on every HTML fixture.
 */
export function parse(_css: string): never {
  throw new Error("CSS parsing is left out of the Lambda bundle (infra/aws/bundle-shims)");
}
