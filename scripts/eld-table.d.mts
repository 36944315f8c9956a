import type { Plugin } from "esbuild";

/** The esbuild plugin carrying eld's n-gram database as its table; `compress`: brotli, for the Lambda packages. */
export declare function eldTable(options: { compress: boolean }): Plugin;
