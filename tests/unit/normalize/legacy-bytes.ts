/**
 * Bytes of a text in a legacy encoding, for tests: TextEncoder only writes UTF-8, so the table is built by
 * decoding every one- and two-byte sequence with TextDecoder and inverting the result.
 */
const tables = new Map<string, Map<string, number[]>>();

function tableOf(label: string): Map<string, number[]> {
  const known = tables.get(label);
  if (known) return known;
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number[]>();
  const add = (bytes: number[]): void => {
    try {
      const char = decoder.decode(new Uint8Array(bytes));
      if ([...char].length === 1 && !table.has(char)) table.set(char, bytes);
    } catch {
      // Not a complete character in this encoding.
    }
  };
  for (let b = 0; b < 0x100; b++) add([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(label, table);
  return table;
}

export function legacyBytes(text: string, label: string): Uint8Array {
  const table = tableOf(label);
  const bytes: number[] = [];
  for (const char of text) {
    const encoded = table.get(char);
    if (!encoded) throw new Error(`"${char}" has no ${label} encoding in the test table`);
    bytes.push(...encoded);
  }
  return new Uint8Array(bytes);
}
