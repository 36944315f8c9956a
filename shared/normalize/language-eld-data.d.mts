/** The table of eld's n-gram database (language-eld-table.mjs's format). */
export declare function eldTableBytes(): Uint8Array;
