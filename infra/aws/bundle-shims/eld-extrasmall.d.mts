import type { eld as original } from "eld/extrasmall";

export declare const eld: typeof original;
export default eld;
/** The value of `key` in a table of sorted `key\tvalue` lines, or undefined. */
export declare function lookupLine(table: string, key: string): string | undefined;
