export * from "./config";
export type * from "./ports";
export * from "./provenance";
export * from "./routing";
export * from "./stages/context";
export * from "./stages/finalize";
export * from "./stages/normalize";
export * from "./stages/summarize";
export * from "./stages/translate";
