import { describe, expect, it } from "vitest";
import { parseBackfillOptions } from "../../infra/backfill/options";
import { UsageError } from "../../infra/local/cli/options";

describe("npm run backfill flags", () => {
  it("should default to the incoming/ prefix and the deployed stack's name", () => {
    // Act
    const options = parseBackfillOptions(["--bucket", "b", "--since", "2024-01-31"]);
    // Assess
    expect(options).toEqual({
      request: {
        bucket: "b",
        prefix: "incoming/",
        since: new Date("2024-01-31T00:00:00Z"),
        dryRun: false,
      },
      aws: { stackName: "ArticlePipeline" },
    });
  });

  it.each([
    [[], /--bucket is required/],
    [["--bucket", "b", "--since", "last week"], /--since must be a date/],
    [["--bucket", "b", "--since", "2024-13-45"], /--since must be a date/],
    [["--bucket", "b", "--prefix", "archive/"], /--prefix "archive\/" is outside "incoming\/"/],
    [["--bucket", "b", "--data-dir", "x"], /--data-dir is only for --local/],
    [["--bucket", "b", "--local", "--queue-url", "q"], /--queue-url is for AWS, not with --local/],
    [["--bucket", "b", "extra"], /unexpected argument "extra"/],
  ])("should refuse %j with a usage error saying what is wrong", (argv, message) => {
    expect(() => parseBackfillOptions(argv)).toThrow(UsageError);
    expect(() => parseBackfillOptions(argv)).toThrow(message);
  });

  it("should take a prefix below incoming/ and the local stack's flags with --local", () => {
    // Act
    const options = parseBackfillOptions([
      "--bucket",
      "b",
      "--prefix",
      "incoming/2024/",
      "--local",
      "--data-dir",
      "d",
      "--translator",
      "none",
    ]);
    // Assess
    expect(options?.request.prefix).toBe("incoming/2024/");
    expect(options?.local).toMatchObject({ dataDirectory: "d", translator: "none" });
    expect(options?.aws).toBeUndefined();
  });
});
