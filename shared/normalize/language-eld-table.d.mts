/** eld's n-gram database: `{type, languages, ngrams: {key: {languageId: score}}}`. */
export interface EldDatabase {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/** A table's parts, views of its bytes. */
export interface EldTable {
  type: string;
  /** id → ISO 639-1 code, as eld's `languages`. */
  languages: Record<string, string>;
  entries: number;
  /** The open-addressing slots: a key's two integers (packKey; high 0: empty) and its entry. */
  slotLow: Int32Array;
  slotHigh: Int32Array;
  slotEntry: Int32Array;
  /** Entry e's scores are ids[starts[e] .. starts[e + 1]) and values[…] alike. */
  starts: Int32Array;
  ids: Uint8Array;
  /** As eld stores them: eld adds its base score to each. */
  values: Uint8Array;
}

export declare const KEY_BYTES: number;
export declare function isEldTable(bytes: Uint8Array): boolean;
export declare function packKey(key: string): { low: number; high: number };
export declare function slotOf(low: number, high: number, mask: number): number;
export declare function packEldTable(ngramsData: EldDatabase): Uint8Array;
export declare function unpackEldTable(bytes: Uint8Array): EldTable;
