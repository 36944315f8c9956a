import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { PUBLISHED_SCHEMAS } from "../../../shared/contract/published-schemas";

const SCHEMAS = join(import.meta.dirname, "../../../shared/contract/schemas");

function committed(name: string): unknown {
  return JSON.parse(readFileSync(join(SCHEMAS, name), "utf8"));
}

describe("the published JSON Schemas", () => {
  it.each(Object.entries(PUBLISHED_SCHEMAS))(
    "should hold in %s exactly what the TypeScript schema produces (npm run schemas)",
    (name, schema) => {
      // Prepare
      const produced = JSON.parse(JSON.stringify(schema));

      // Act
      const file = committed(name);

      // Assess
      expect(file).toEqual(produced);
    },
  );

  it("should publish no schema file that has no TypeScript source", () => {
    // Prepare
    const sources = Object.keys(PUBLISHED_SCHEMAS).sort();

    // Act
    const files = readdirSync(SCHEMAS)
      .filter((name) => name.endsWith(".json"))
      .sort();

    // Assess
    expect(files).toEqual(sources);
  });

  it.each(Object.keys(PUBLISHED_SCHEMAS))("should compile %s under Ajv's strict mode", (name) => {
    // Prepare
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);

    // Act
    const compile = () => ajv.compile(committed(name) as object);

    // Assess
    expect(compile).not.toThrow();
  });
});
