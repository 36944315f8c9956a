import type { EldTable } from "./language-eld-table.mjs";

/** The table of eld's n-gram database (language-eld-table.mjs's format), as the builds write it. */
export declare function eldTableBytes(): Uint8Array;
/** That table's parts (what the bundles' stand-in, infra/aws/bundle-shims/eld-table.mjs, gives too). */
export declare function eldTable(): EldTable;
