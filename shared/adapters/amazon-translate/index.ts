export * from "./errors";
export * from "./retry";
export * from "./translator";
