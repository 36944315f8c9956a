import type { BuildOptions } from "esbuild";

export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const INPUTS_FILE: string;
export declare const CLIS: Record<string, { entry: string; bundleDependencies: boolean }>;

/**
 * esbuild options for one CLI entry, as the CLIs are built; `written` gets the files written beside `outfile`,
 * relative to its folder, `/`-separated.
 */
export declare function cliBuildOptions(cli: {
  entry: string;
  outfile: string;
  bundleDependencies: boolean;
  written?: Set<string>;
}): BuildOptions;

export declare function buildClis(): Promise<void>;
