/**
 * eld's n-gram database as one byte table in the layout of language-ngram-memo.ts's memo, so that reading it is
 * copying arrays: written by the CLI and Lambda builds beside their bundles (scripts/eld-table.mjs), packed from
 * eld's own database on the first detection when the sources run (language-eld-data.mjs). eld ships the
 * database as an object literal of about 50,000 objects, which a bundle would parse at every start.
 *
 * Layout: MAGIC; a 4-byte little-endian length and that many bytes of UTF-8 JSON (`{format, littleEndian, type,
 * languages, slots, entries, pairs}`, padded with spaces to a multiple of 4 bytes); Int32 arrays in the
 * platform's byte order (little endian on every platform Node runs the project on; `littleEndian` says so):
 * the open-addressing slots (key's low, high integers as packKey makes them, entry; `slots` each, keys placed
 * by slotOf with linear probing in sorted order, entries numbered in slot order), each entry's first score
 * (`entries + 1`, the last one the end); then Uint8 arrays: every score's language id, then its value as eld
 * stores it. Plain JavaScript: `prepare` builds the CLIs with plain Node, which cannot import TypeScript.
 */

/** The longest key of eld's database (a space, four bytes, a space); a longer one is refused. */
export const KEY_BYTES = 6;
const FORMAT = 1;
/** "eldT": a table starts with it, a brotli-compressed one does not. */
const MAGIC = new Uint8Array([0x65, 0x6c, 0x64, 0x54]);
const BYTE = 0xff;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const isByte = (value) => Number.isInteger(value) && value >= 0 && value <= BYTE;

/** Whether `bytes` is a table (not, say, a compressed one). */
export function isEldTable(bytes) {
  return bytes.length >= MAGIC.length && MAGIC.every((byte, at) => bytes[at] === byte);
}

/**
 * A key of up to KEY_BYTES characters (bytes) as two integers: characters 0-3 in `low`, 4-5 and the key's
 * length in `high`, which is never 0 (0 marks an empty slot). language-scores.ts's readWord packs them so.
 */
export function packKey(key) {
  let low = 0;
  let high = key.length << 16;
  for (let at = 0; at < key.length; at++) {
    const code = key.charCodeAt(at);
    if (at < 4) low |= code << (at << 3);
    else high |= code << ((at - 4) << 3);
  }
  return { low, high };
}

/** The first slot to probe for a packed key, in a table of `mask + 1` slots (readWord writes it out). */
export function slotOf(low, high, mask) {
  return (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
}

/**
 * The table of `ngramsData` (eld's `{type, languages, ngrams: {key: {languageId: score}}}`); throws, naming
 * what does not fit, if eld's database ever changes shape.
 */
export function packEldTable(ngramsData) {
  const { type, languages, ngrams } = ngramsData;
  const keys = Object.keys(ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = keys.length;
  // At most half full, as the memo keeps its slots.
  let slots = 1 << 10;
  while (slots < 2 * entries) slots *= 2;
  const slotLow = new Int32Array(slots);
  const slotHigh = new Int32Array(slots);
  const slotEntry = new Int32Array(slots);
  const keyOf = new Array(slots);
  for (const key of keys) {
    const fits = key.length > 0 && key.length <= KEY_BYTES;
    if (!fits || ![...key].every((char) => char.charCodeAt(0) > 0 && isByte(char.charCodeAt(0))))
      throw new Error(`eld's database: n-gram ${JSON.stringify(key)} is not 1-${KEY_BYTES} bytes`);
    const { low, high } = packKey(key);
    let slot = slotOf(low, high, slots - 1);
    while (slotHigh[slot] !== 0) slot = (slot + 1) & (slots - 1);
    slotLow[slot] = low;
    slotHigh[slot] = high;
    keyOf[slot] = key;
  }
  // Entries numbered in slot order: slotEntry then rises, which compresses (the Lambda packages' size).
  const starts = new Int32Array(entries + 1);
  const ids = [];
  const values = [];
  let entry = 0;
  for (let slot = 0; slot < slots; slot++) {
    const key = keyOf[slot];
    if (key === undefined) continue;
    slotEntry[slot] = entry;
    starts[entry++] = ids.length;
    for (const [id, score] of Object.entries(ngrams[key])) {
      if (!isByte(Number(id)) || !isByte(score))
        throw new Error(
          `eld's database: n-gram ${JSON.stringify(key)}: language ${id}, score ${score} are not bytes`,
        );
      ids.push(Number(id));
      values.push(score);
    }
  }
  starts[entries] = ids.length;
  const meta = { format: FORMAT, littleEndian: LITTLE_ENDIAN, type, languages, slots, entries };
  // Padded as bytes, not characters: the arrays after it must start 4-byte aligned whatever the JSON holds.
  const json = new TextEncoder().encode(JSON.stringify({ ...meta, pairs: ids.length }));
  const header = new Uint8Array(Math.ceil(json.length / 4) * 4).fill(0x20);
  header.set(json);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, header.length, true);
  const parts = [MAGIC, length, header, slotLow, slotHigh, slotEntry, starts];
  parts.push(Uint8Array.from(ids), Uint8Array.from(values));
  const table = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    table.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return table;
}

const isCount = (value) => Number.isInteger(value) && value >= 0;

/**
 * The parts of a table: views of `bytes` (of a copy if they are not 4-byte aligned). Throws, naming what is
 * wrong, on bytes that are not a whole table of this format (a damaged or truncated file).
 */
export function unpackEldTable(table) {
  if (!isEldTable(table)) throw new Error("eld's n-gram table: not a table (its first bytes)");
  // A copy, not slice(): a Node Buffer's slice is a view of the same unaligned bytes.
  const bytes = table.byteOffset % 4 === 0 ? table : new Uint8Array(table);
  const size = bytes.byteLength;
  const headerStart = MAGIC.length + 4;
  if (size < headerStart)
    throw new Error(`eld's n-gram table: ${size} bytes, too short for a header`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  if (headerStart + headerLength > size)
    throw new Error(
      `eld's n-gram table: header of ${headerLength} bytes runs past the table's ${size} bytes`,
    );
  const json = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  let header;
  try {
    header = JSON.parse(json);
  } catch (error) {
    throw new Error(`eld's n-gram table: header is not JSON (${error.message})`);
  }
  if (header?.format !== FORMAT || header.littleEndian !== LITTLE_ENDIAN)
    throw new Error(
      `eld's n-gram table: format ${json.slice(0, 40)}…, expected ${FORMAT} of this platform`,
    );
  const { type, languages, slots, entries, pairs } = header;
  for (const [name, value] of Object.entries({ slots, entries, pairs }))
    if (!isCount(value)) throw new Error(`eld's n-gram table: header's ${name} is ${value}`);
  let at = headerStart + headerLength;
  const take = (Type, length, name) => {
    const end = at + length * Type.BYTES_PER_ELEMENT;
    if (end > size)
      throw new Error(`eld's n-gram table: ${name} end at byte ${end}, past the table's ${size}`);
    const part = new Type(bytes.buffer, bytes.byteOffset + at, length);
    at = end;
    return part;
  };
  const parts = {
    type,
    languages,
    entries,
    slotLow: take(Int32Array, slots, "slots"),
    slotHigh: take(Int32Array, slots, "slots"),
    slotEntry: take(Int32Array, slots, "slots"),
    starts: take(Int32Array, entries + 1, "entries"),
    ids: take(Uint8Array, pairs, "language ids"),
    values: take(Uint8Array, pairs, "scores"),
  };
  if (at !== size)
    throw new Error(`eld's n-gram table: ${size} bytes, not the ${at} its header gives`);
  return parts;
}
