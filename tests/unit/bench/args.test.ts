import { afterEach, describe, expect, it, vi } from "vitest";
import { benchArgs, positiveInteger } from "../../bench/args";

const USAGE = "npm run bench:x -- [--json] [--runs N]";
const OPTIONS = { json: { type: "boolean" }, runs: { type: "string" } } as const;

/** process.exit made to throw, so that the code after it does not run, as in a real exit. */
function trapExit() {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  return { error, log, exit };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("benchArgs", () => {
  it("should read the options a bench declares", () => {
    // Act
    const values = benchArgs(USAGE, OPTIONS, ["--json", "--runs", "5"]);

    // Assess
    expect(values).toEqual({ json: true, runs: "5" });
  });

  it("should exit 2 with the usage for an unknown option, before anything is measured", () => {
    // Prepare
    const { error } = trapExit();

    // Act & Assess
    expect(() => benchArgs(USAGE, OPTIONS, ["--jsno"])).toThrow("exit 2");
    expect(error.mock.calls[0]?.[0]).toContain("--jsno");
    expect(error.mock.calls[0]?.[0]).toContain(`usage: ${USAGE}`);
  });

  it("should exit 2 when an option's value is missing", () => {
    // Prepare
    trapExit();

    // Act & Assess
    expect(() => benchArgs(USAGE, OPTIONS, ["--runs"])).toThrow("exit 2");
  });

  it("should print the usage and exit 0 for --help", () => {
    // Prepare
    const { log } = trapExit();

    // Act & Assess
    expect(() => benchArgs(USAGE, OPTIONS, ["--help"])).toThrow("exit 0");
    expect(log).toHaveBeenCalledWith(`usage: ${USAGE}`);
  });
});

describe("positiveInteger", () => {
  it("should give the fallback when the option is absent, and the number when given", () => {
    // Act
    const absent = positiveInteger(USAGE, "runs", undefined, 3);
    const given = positiveInteger(USAGE, "runs", "7", 3);

    // Assess
    expect(absent).toBe(3);
    expect(given).toBe(7);
  });

  it.each(["0", "-1", "2.5", "many", "1e3", " 7", "0x10"])(
    "should exit 2 for --runs %s",
    (value) => {
      // Prepare
      const { error } = trapExit();

      // Act & Assess
      expect(() => positiveInteger(USAGE, "runs", value, 3)).toThrow("exit 2");
      expect(error.mock.calls[0]?.[0]).toContain(`--runs takes a positive integer, got "${value}"`);
    },
  );
});
