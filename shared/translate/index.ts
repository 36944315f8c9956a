export * from "./bytes";
export * from "./chunk";
export * from "./errors";
export * from "./port";
export * from "./render";
export * from "./split";
export * from "./translate-article";
export * from "./transport";
