/** ISO 639-1 code → eld's average score of a correct detection. */
export declare const avgScore: Record<string, number>;
/** UTF-8 byte → the character eld writes for it in n-gram keys (bytes from 0x80 on). */
export declare const dictionary: readonly string[];
/** eld's word separators (runs of non-letters), replaced by a space before n-grams are read. */
export declare const separators: RegExp;
