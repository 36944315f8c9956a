/** eld's n-gram database: language id → ISO 639-1 code, and n-gram (one character per UTF-8 byte) → id → score. */
export declare const ngramsData: {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
};
/** ISO 639-1 code → eld's average score of a correct detection. */
export declare const avgScore: Record<string, number>;
/** UTF-8 byte → the character eld writes for it in n-gram keys (bytes from 0x80 on). */
export declare const dictionary: readonly string[];
/** eld's word separators (runs of non-letters), replaced by a space before n-grams are read. */
export declare const separators: RegExp;
