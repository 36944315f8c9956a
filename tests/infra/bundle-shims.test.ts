import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const shim = require("../../infra/aws/bundle-shims/semver.cjs") as {
  gte: (a: string, b: string) => boolean;
};
const semver = require("semver") as { gte: (a: string, b: string) => boolean };

describe("semver shim of the Lambda bundles", () => {
  it.each([
    ["2.7.15", "2.7.15"],
    ["2.7.16", "2.7.15"],
    ["2.10.0", "2.7.15"],
    ["3.0.0", "2.7.15"],
    ["2.7.9", "2.7.15"],
    ["1.99.99", "2.7.15"],
    ["v2.1692.0", "2.7.15"],
  ])("should answer gte(%s, %s) as semver does", (a, b) => {
    // Assess
    expect(shim.gte(a, b)).toBe(semver.gte(a, b));
  });

  it("should refuse a version it cannot compare rather than guess", () => {
    // Assess
    expect(() => shim.gte("2.7.15-beta.1", "2.7.15")).toThrow(/unsupported version/);
  });
});
