export * from "./pairs";
export * from "./process";
export * from "./translator";
