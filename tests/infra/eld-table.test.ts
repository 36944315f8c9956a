/**
 * The CLI and Lambda builds carry eld's n-gram database as its table (scripts/eld-table.mjs): written beside
 * the bundle, read by bundle-shims/eld-table.mjs on the first detection. Built as each build builds it, the
 * table must be eld's database packed, and detection in the bundle must answer as from the sources.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { ELD_TABLE_FILE, LAZY_FOLDER } from "../../infra/aws/bundle-shims/lazy-files.mjs";
import { buildLambdaPackage } from "../../infra/aws/bundling";
import { cliBuildOptions } from "../../scripts/build-cli.mjs";
import { detectLanguage } from "../../shared/normalize/language";
import {
  type EldDatabase,
  isEldTable,
  packEldTable,
} from "../../shared/normalize/language-eld-table.mjs";

const ROOT = join(import.meta.dirname, "../..");
const EVAL = join(ROOT, "../shared/eval");
const OUT = join(ROOT, "tests/output/eld-table");
const LANGUAGE = join(ROOT, "shared/normalize/language.ts");

const { ngramsData } = (await import(
  "../../node_modules/eld/src/ngrams/extrasmall.js" as string
)) as { ngramsData: EldDatabase };

/** shared/normalize/language.ts's detectLanguage as each build bundles it. */
const bundled: Record<"cli" | "lambda", typeof detectLanguage> = {} as never;
const tableOf = (dir: string) => readFileSync(join(dir, LAZY_FOLDER, ELD_TABLE_FILE));
/** The files the CLI build's plugins reported writing beside the bundle. */
const written = new Set<string>();

beforeAll(async () => {
  const lambda = await buildLambdaPackage({ entry: LANGUAGE, outDir: join(OUT, "lambda") });
  const cli = join(OUT, "cli", "language.mjs");
  await build({
    ...cliBuildOptions({ entry: LANGUAGE, outfile: cli, bundleDependencies: true, written }),
    write: true,
  });
  for (const [name, file] of [
    ["lambda", lambda.bundleFile],
    ["cli", cli],
  ] as const) {
    const module = (await import(pathToFileURL(file).href)) as {
      detectLanguage: typeof detectLanguage;
    };
    bundled[name] = module.detectLanguage;
  }
}, 60_000);

/** The identity corpus of every language eld knows, the repo's texts, and dev rows when ../shared is there. */
function texts(): string[] {
  const found: string[] = JSON.parse(
    readFileSync(join(ROOT, "tests/fixtures/language/identity-corpus.json"), "utf8"),
  );
  for (const dir of ["tests/fixtures/samples", "tests/fixtures/normalize"])
    for (const file of readdirSync(join(ROOT, dir)))
      found.push(readFileSync(join(ROOT, dir, file), "utf8").slice(0, 2000));
  if (!existsSync(EVAL)) return found;
  for (const file of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl"))) {
    const rows = readFileSync(join(EVAL, file), "utf8").split("\n").filter(Boolean).slice(0, 60);
    for (const row of rows) {
      const data = JSON.parse(row) as Record<string, unknown>;
      for (const key of ["title", "text", "en", "es"]) {
        const value = data[key];
        if (typeof value === "string") found.push(value);
      }
    }
  }
  return found;
}

describe("eld's table in the CLI and Lambda builds", () => {
  it("should write eld's database packed beside each bundle: as is for the CLIs, brotli-compressed for Lambda", () => {
    // Prepare
    const expected = packEldTable(ngramsData);
    // Act
    const cli = tableOf(join(OUT, "cli"));
    const lambda = tableOf(join(OUT, "lambda"));
    // Assess
    expect(isEldTable(lambda)).toBe(false);
    expect(Buffer.compare(cli, expected)).toBe(0);
    expect(Buffer.compare(brotliDecompressSync(lambda), expected)).toBe(0);
    expect([...written]).toEqual([`${LAZY_FOLDER}/${ELD_TABLE_FILE}`]);
  });

  it("should name the table's file and the build that writes it when the table is missing or damaged", async () => {
    // Prepare: copies of each bundle, without their table or with it cut short
    const table = (build: string) => join(OUT, "damaged", build, LAZY_FOLDER, ELD_TABLE_FILE);
    const copies = {
      missing: "cli",
      "cut short": "cli",
      "cut short, compressed": "lambda",
    } as const;
    for (const [build, from] of Object.entries(copies)) {
      mkdirSync(join(OUT, "damaged", build, LAZY_FOLDER, "eld"), { recursive: true });
      const bundle = from === "cli" ? "language.mjs" : "index.mjs";
      copyFileSync(join(OUT, from, bundle), join(OUT, "damaged", build, "index.mjs"));
      if (existsSync(join(OUT, from, `${bundle}.map`)))
        copyFileSync(
          join(OUT, from, `${bundle}.map`),
          join(OUT, "damaged", build, "index.mjs.map"),
        );
      const bytes = tableOf(join(OUT, from));
      if (build !== "missing") writeFileSync(table(build), bytes.subarray(0, bytes.length / 2));
    }
    // Act
    const errors: Record<string, string> = {};
    for (const build of Object.keys(copies)) {
      const file = join(OUT, "damaged", build, "index.mjs");
      const module = (await import(pathToFileURL(file).href)) as {
        detectLanguage: typeof detectLanguage;
      };
      try {
        module.detectLanguage("A sentence of English, long enough for eld to read its n-grams.");
        errors[build] = "detected";
      } catch (error) {
        errors[build] = (error as Error).message;
      }
    }
    // Assess
    const named = (build: string) =>
      `${table(build)}: eld's n-gram table is missing or damaged; the build writes it (npm run build:cli, or redeploy): `;
    expect(errors.missing).toContain(named("missing"));
    expect(errors.missing).toMatch(/ENOENT/);
    expect(errors["cut short"]).toContain(named("cut short"));
    expect(errors["cut short"]).toMatch(/past the table's/);
    expect(errors["cut short, compressed"]).toContain(named("cut short, compressed"));
  });

  it("should detect languages in both bundles as from source, whole texts, samples and headlines", () => {
    // Prepare
    const all = texts().flatMap((text) => [text, text.slice(0, 300), text.slice(0, 80)]);
    expect(all.length).toBeGreaterThan(300);
    // Act
    const differing = all.filter((text) => {
      const source = detectLanguage(text);
      return ["cli", "lambda"].some(
        (name) => JSON.stringify(bundled[name as "cli"](text)) !== JSON.stringify(source),
      );
    });
    // Assess
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it("should refuse to bundle eld's database or detector, which the table replaces", async () => {
    // Prepare
    const options = cliBuildOptions({
      entry: LANGUAGE,
      outfile: join(OUT, "refused", "eld.mjs"),
      bundleDependencies: true,
    });
    // Act
    const attempt = build({
      ...options,
      entryPoints: undefined,
      stdin: {
        contents: 'export { eld } from "eld/extrasmall";',
        resolveDir: ROOT,
        sourcefile: "eld.mjs",
      },
      logLevel: "silent",
    });
    // Assess
    await expect(attempt).rejects.toThrow(
      /eld\/extrasmall: bundles carry eld's n-gram database as its table/,
    );
  });
});
