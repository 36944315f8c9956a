import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ALARM_EMAIL_CONTEXT,
  CONTEXT,
  LOG_LEVEL_CONTEXT,
  OPERATIONS_CONTEXT,
  settingsFromContext,
} from "../../../infra/aws/settings";
import { DEFAULT_LOG_LEVEL, ENV, parseConfig } from "../../../shared/pipeline/config";
import { positiveInt } from "../../../shared/pipeline/setting-parsers";
import {
  defaultContext,
  parseSettings,
  renderSettingsTable,
  settingsToEnv,
} from "../../../shared/pipeline/settings-derive";
import { type PipelineConfig, SETTINGS, setting } from "../../../shared/pipeline/settings-table";
import { DEFAULT_CONTEXT } from "../../infra/synth";
import { README_PATH, readmeSettingsTable } from "../../support/settings-readme";

const ROOT = join(import.meta.dirname, "../../..");
const README = readFileSync(README_PATH, "utf8");

type WithFake = PipelineConfig & { fakeRetries?: number };

/** A setting that exists only in this test: one row, nothing else edited. */
const TABLE_WITH_FAKE = {
  ...SETTINGS,
  fakeRetries: setting({
    env: "FAKE_RETRIES",
    context: "fakeRetries",
    parse: (name, raw) => positiveInt(name, raw, 7, 10),
    read: (c: WithFake) => c.fakeRetries ?? 7,
    write: (c: WithFake, v) => {
      c.fakeRetries = v;
    },
    doc: "retries of a stage that does not exist",
  }),
};

describe("the settings table", () => {
  it("should be what the README's table of settings shows", () => {
    // Assess: on failure, `npx tsx tests/support/settings-readme.ts` rewrites the README's table.
    expect(readmeSettingsTable(README)).toBe(renderSettingsTable(SETTINGS));
  });

  it("should give every setting its own environment variable and context key", () => {
    const envs = Object.values(SETTINGS).map((row) => row.env);
    const keys = Object.values(CONTEXT);
    expect(new Set(envs).size).toBe(envs.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ENV.targetLanguages).toBe("TARGET_LANGUAGES");
    expect(CONTEXT.targetLanguages).toBe("targetLanguages");
  });

  it("should give the tests' default context the defaults a deployment gets with no context", () => {
    expect(settingsFromContext((key) => DEFAULT_CONTEXT[key])).toEqual(
      settingsFromContext(() => undefined),
    );
    expect(settingsFromContext(() => undefined).targetLanguages).toEqual(["es", "fr"]);
  });

  it("should know every key cdk.json sets (a misspelt key would be ignored silently)", () => {
    // Prepare
    const cdk = JSON.parse(readFileSync(join(ROOT, "cdk.json"), "utf8")) as {
      context?: Record<string, unknown>;
    };
    const known = new Set<string>([
      ...Object.values(CONTEXT),
      LOG_LEVEL_CONTEXT,
      ALARM_EMAIL_CONTEXT,
      ...Object.values(OPERATIONS_CONTEXT).map((o) => o.key),
    ]);
    // Act
    const unknown = Object.keys(cdk.context ?? {}).filter(
      (key) => !key.startsWith("@") && !known.has(key),
    );
    // Assess
    expect(unknown).toEqual([]);
  });

  it("should state the operations settings' defaults in the README as settings.ts declares them", () => {
    // Act
    const missing = Object.values(OPERATIONS_CONTEXT)
      .map(({ key, fallback }) =>
        key === "ingestNoncurrentVersionDays"
          ? `| \`${key}\` | ${fallback} |`
          : `\`${key}\` (${fallback})`,
      )
      .filter((text) => !README.includes(text));
    // Assess
    expect(missing).toEqual([]);
    expect(README).toContain(`| \`${LOG_LEVEL_CONTEXT}\` | \`${DEFAULT_LOG_LEVEL}\` |`);
  });

  it("should carry every setting from the environment through configToEnv and back", () => {
    // Prepare
    const config = parseConfig({
      RESULTS_BUCKET: "results",
      TARGET_LANGUAGES: "es,pt-br",
      SUMMARY_SENTENCES: "5",
      TRANSLATE_FORMALITY: "formal",
      TRANSLATE_PROFANITY: "yes",
      TERMINOLOGY_NAMES: "news",
      MAX_INPUT_BYTES: "1000",
      LOG_PREVIEW_CHARS: "0",
    });
    // Act
    const env = settingsToEnv(SETTINGS, config);
    // Assess
    expect(env.SUMMARY_LENGTH).toBe("sentences:5");
    expect(env.TARGET_LANGUAGES).toBe("es,pt-BR");
    expect(parseConfig(env)).toEqual(config);
  });
});

describe("a setting added to the table", () => {
  it("should reach the parsed config and the environment the stack writes", () => {
    // Act
    const config = parseSettings(TABLE_WITH_FAKE, { RESULTS_BUCKET: "r", FAKE_RETRIES: "9" });
    const env = settingsToEnv(TABLE_WITH_FAKE, config);
    // Assess
    expect((config as WithFake).fakeRetries).toBe(9);
    expect(env.FAKE_RETRIES).toBe("9");
  });

  it("should reach the CDK context reader, with its default and its validation", () => {
    // Act
    const set = settingsFromContext(
      (key) => (key === "fakeRetries" ? 4 : undefined),
      TABLE_WITH_FAKE,
    );
    const unset = settingsFromContext(() => undefined, TABLE_WITH_FAKE);
    // Assess
    expect((set as WithFake).fakeRetries).toBe(4);
    expect((unset as WithFake).fakeRetries).toBe(7);
    expect(defaultContext(TABLE_WITH_FAKE).fakeRetries).toBe("7");
    expect(() =>
      settingsFromContext((key) => (key === "fakeRetries" ? 11 : undefined), TABLE_WITH_FAKE),
    ).toThrow(/^FAKE_RETRIES must be an integer from 1 to 10, got "11"/);
  });

  it("should reach the README's table", () => {
    expect(renderSettingsTable(TABLE_WITH_FAKE)).toContain(
      "| `fakeRetries` | `FAKE_RETRIES` | `7` | retries of a stage that does not exist |",
    );
    expect(renderSettingsTable(SETTINGS)).not.toContain("fakeRetries");
  });
});
