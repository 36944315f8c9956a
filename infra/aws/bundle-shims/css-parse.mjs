/**
 * Stands in for `cssomnom/parse` in the HTML stack: linkedom calls it only from the `sheet` getter of a
 * `<style>` element, to build a CSSOM, which neither Readability nor the normalizer ever reads (style elements
 * are stripped and listed). Its parser is most of the HTML stack's bytes (docs/BUNDLE.md); should anything come
 * to read a style sheet, it fails loudly here rather than see an empty one.
 */
export function parse() {
  throw new Error(
    "HTMLStyleElement.sheet: CSS parsing (cssomnom) is left out of the Lambda package (infra/aws/bundle-shims/css-parse.mjs)",
  );
}
