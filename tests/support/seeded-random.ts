import { createHash } from "node:crypto";

/**
 * A small deterministic 32-bit generator (mulberry32): the same seed gives the same sequence on every machine,
 * so benchmarks measure the same input. Values in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A number in [0, 1) from a text and a salt: the same request gets the same fate in every run. Fault injection
 * draws from this, not from one sequence in call order, because concurrent calls arrive in an order the
 * machine's load decides; a fault keyed by what was sent lands on the same request however they interleave.
 */
export function fate(text: string, salt: string): number {
  return createHash("sha256").update(`${salt}\n${text}`).digest().readUInt32BE(0) / 2 ** 32;
}
