import type { Plugin } from "esbuild";

/**
 * The esbuild plugin carrying eld's n-gram database as its table; `compress`: brotli, for the Lambda packages;
 * `written`: gets each file written, relative to the out dir, `/`-separated.
 */
export declare function eldTable(options: { compress: boolean; written?: Set<string> }): Plugin;
