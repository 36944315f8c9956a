/**
 * Version of the output contract (every JSON file the pipeline writes carries it as `schemaVersion`).
 * Bump the major on any breaking change to a field's meaning or presence; additive fields bump the minor.
 */
export const SCHEMA_VERSION = "1.0" as const;
export type SchemaVersion = typeof SCHEMA_VERSION;
