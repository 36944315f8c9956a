import { describe, expect, it } from "vitest";
import { parseBackfillOptions } from "../../infra/backfill/options";
import { UsageError } from "../../infra/local/cli/options";

describe("npm run backfill flags", () => {
  it("should leave --prefix to the ingest prefix the stack says, and default to the deployed stack's name", () => {
    // Act
    const options = parseBackfillOptions(["--bucket", "b", "--since", "2024-01-31"]);
    // Assess
    expect(options).toEqual({
      request: {
        bucket: "b",
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
    [
      ["--bucket", "b", "--local", "--prefix", "archive/"],
      /--prefix "archive\/" is outside "incoming\/" \(the local stack's ingest prefix\)/,
    ],
    [
      ["--bucket", "b", "--incoming-prefix", "exports/articles/", "--prefix", "incoming/"],
      /--prefix "incoming\/" is outside "exports\/articles\/" \(--incoming-prefix\)/,
    ],
    [
      ["--bucket", "b", "--incoming-prefix", "/exports/"],
      /--incoming-prefix "\/exports\/" must be the literal start of the keys/,
    ],
    [
      ["--bucket", "b", "--incoming-prefix", "exports/*.txt"],
      /without a leading "\/" or wildcards/,
    ],
    [
      ["--bucket", "b", "--local", "--incoming-prefix", "exports/"],
      /--incoming-prefix is for AWS, not with --local/,
    ],
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

  it("should take the ingest prefix of a pipeline given by --queue-url and --results-bucket, and a --prefix below it", () => {
    // Act
    const options = parseBackfillOptions([
      "--bucket",
      "cms",
      "--queue-url",
      "https://q/normalize",
      "--results-bucket",
      "r",
      "--incoming-prefix",
      "exports/articles/",
      "--prefix",
      "exports/articles/2024/",
    ]);
    // Assess
    expect(options?.request.prefix).toBe("exports/articles/2024/");
    expect(options?.aws).toMatchObject({ incomingPrefix: "exports/articles/" });
  });
});
