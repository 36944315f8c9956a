export * from "./article";
export * from "./error-types";
export * from "./keys";
export * from "./language";
export * from "./manifest";
export * from "./summary";
export * from "./translation";
export * from "./version";
