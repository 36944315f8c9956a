import { describe, expect, it } from "vitest";
import { InvalidJsonError } from "../../../../shared/normalize/errors";
import {
  OUTPUT_WRITE_ATTEMPTS,
  withWriteRetry,
} from "../../../../shared/pipeline/stages/write-retry";

class BadBodyError extends InvalidJsonError {}
const noSleep = async () => {};

function failing(times: number, error: () => Error = () => new Error("503 SlowDown")) {
  let calls = 0;
  const write = async () => {
    calls += 1;
    if (calls <= times) throw error();
    return "written";
  };
  return { write, calls: () => calls };
}

describe("withWriteRetry", () => {
  it("should write after transient failures within the attempt budget", async () => {
    // Prepare
    const target = failing(OUTPUT_WRITE_ATTEMPTS - 1);

    // Act
    const result = await withWriteRetry(target.write, undefined, noSleep);

    // Assess
    expect(result).toBe("written");
    expect(target.calls()).toBe(OUTPUT_WRITE_ATTEMPTS);
  });

  it("should give up with the last error after the attempt budget", async () => {
    // Prepare
    const target = failing(OUTPUT_WRITE_ATTEMPTS);

    // Act
    const result = withWriteRetry(target.write, undefined, noSleep);

    // Assess
    await expect(result).rejects.toThrow("503 SlowDown");
    expect(target.calls()).toBe(OUTPUT_WRITE_ATTEMPTS);
  });

  it("should not retry an error no retry can change", async () => {
    // Prepare
    const target = failing(1, () => new BadBodyError("body refused", "results/x/a.json"));

    // Act
    const result = withWriteRetry(target.write, undefined, noSleep);

    // Assess
    await expect(result).rejects.toBeInstanceOf(BadBodyError);
    expect(target.calls()).toBe(1);
  });
});
