import { utf8Bytes } from "./bytes";

/** One line to send: a whole sentence, or one piece of a sentence too big for a request. */
export interface Piece {
  /** Index of the text (sentence) this piece belongs to. */
  textIndex: number;
  text: string;
  bytes: number;
}

export interface Chunk {
  pieces: Piece[];
  /** UTF-8 bytes of the request text: the pieces plus one separator between each two. */
  bytes: number;
}

/**
 * Packs pieces, in order, into as few chunks as fit maxBytes (separators included), then evens their sizes
 * out without adding a chunk: greedy packing is optimal in count for an order-preserving split, and equal
 * chunks shorten the slowest request, which is the critical path when chunks run in parallel.
 */
export function packChunks(
  pieces: readonly Piece[],
  maxBytes: number,
  separatorBytes: number,
): Chunk[] {
  for (const piece of pieces) {
    if (piece.bytes > maxBytes) {
      throw new RangeError(
        `piece of ${piece.bytes} bytes exceeds the ${maxBytes}-byte chunk limit`,
      );
    }
  }
  const count = greedy(pieces, maxBytes, separatorBytes).length;
  if (count <= 1 || !Number.isFinite(maxBytes)) return greedy(pieces, maxBytes, separatorBytes);
  let low = 1;
  let high = maxBytes;
  while (low < high) {
    const capacity = Math.floor((low + high) / 2);
    if (fitsIn(pieces, capacity, separatorBytes, count)) high = capacity;
    else low = capacity + 1;
  }
  return greedy(pieces, high, separatorBytes);
}

function greedy(pieces: readonly Piece[], capacity: number, separatorBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const piece of pieces) {
    if (current && current.bytes + separatorBytes + piece.bytes <= capacity) {
      current.pieces.push(piece);
      current.bytes += separatorBytes + piece.bytes;
    } else {
      current = { pieces: [piece], bytes: piece.bytes };
      chunks.push(current);
    }
  }
  return chunks;
}

function fitsIn(
  pieces: readonly Piece[],
  capacity: number,
  separatorBytes: number,
  maxChunks: number,
): boolean {
  let chunks = 0;
  let bytes = 0;
  for (const piece of pieces) {
    if (piece.bytes > capacity) return false;
    if (chunks > 0 && bytes + separatorBytes + piece.bytes <= capacity) {
      bytes += separatorBytes + piece.bytes;
    } else {
      chunks++;
      bytes = piece.bytes;
      if (chunks > maxChunks) return false;
    }
  }
  return true;
}

export function piece(textIndex: number, text: string): Piece {
  return { textIndex, text, bytes: utf8Bytes(text) };
}
