/**
 * Stands in for "#summarize/weights" (shared/summarize/weights.json) in the Lambda bundles: the same trees,
 * read at init from the asset's lazy/summarizer/ files (written by infra/aws/lazy-modules.ts). Every article
 * needs them, so they load at init; as 14,000 node values in one binary file they load in a fraction of a
 * millisecond, where JSON.parse of the same 175 KB took ~2.7 ms of every summarize cold start.
 */
import { SUMMARIZER_HEADER_FILE, SUMMARIZER_TREES_FILE } from "./lazy-file-names.mjs";
import { readLazyBytes, readLazyJson } from "./lazy-files.mjs";

/** The trees' node values (float64) then feature indexes (int8), tree after tree; sizes in the header. */
function readTrees(treeSizes) {
  const bytes = readLazyBytes(SUMMARIZER_TREES_FILE);
  const nodes = treeSizes.reduce((sum, size) => sum + size, 0);
  if (bytes.length !== nodes * 9) {
    throw new Error(`${SUMMARIZER_TREES_FILE}: ${bytes.length} bytes for ${nodes} nodes`);
  }
  // A copy, so that the float64 view starts on an 8-byte boundary whatever buffer the read returned.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const values = new Float64Array(buffer, 0, nodes);
  const features = new Int8Array(buffer, nodes * 8, nodes);
  let offset = 0;
  return treeSizes.map((size) => {
    const tree = {
      f: features.subarray(offset, offset + size),
      v: values.subarray(offset, offset + size),
    };
    offset += size;
    return tree;
  });
}

const { treeSizes, ...header } = readLazyJson(SUMMARIZER_HEADER_FILE);

export default { ...header, trees: readTrees(treeSizes) };
