export * from "./errors";
export * from "./retry";
export * from "./semaphore";
export * from "./translator";
