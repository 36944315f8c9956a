/**
 * The lazy files of the Lambda packages (infra/aws/bundling.ts): each lazy package is the package whole,
 * stood in for by functions that behave as its own, and each stage ships the lazy files its bundle reaches.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildLambdaPackage,
  LAZY_DATA,
  LAZY_PACKAGES,
  LambdaPackageBuild,
} from "../../infra/aws/bundling";
import { expectedPackageFiles, filesUnder } from "./bundle-files";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "tests/output/lazy-modules");
const require = createRequire(import.meta.url);
type Snowball = {
  algorithms: () => string[];
  newStemmer: (algorithm: string) => { stem: (word: string) => string };
};
const snowball = require("snowball-stemmers") as Snowball;

/** Words from several scripts and morphologies: every algorithm sees every word, most change none. */
const WORDS = [
  ...["running", "generously", "dockworkers", "agreement", "nationalization", "skies", "happily"],
  ...["huelgas", "estibadores", "descargaron", "rapidamente", "nacionalización", "trabajadores"],
  ...["grèves", "déchargement", "rapidement", "syndicats", "travaillaient", "européennes"],
  ...["Hafenarbeiter", "wöchentlichen", "Gewerkschaften", "entladen", "begrenzen", "größeren"],
  ...["забастовки", "докеров", "разгрузку", "профсоюзы", "ограничивает", "недельной"],
  ...["lavoratori", "scioperi", "trabalhadores", "greves", "arbetare", "strejkerna", "työntekijät"],
  ...["işçiler", "grevler", "munkások", "sztrájkok", "pracovníci", "stávky", "delavci", "greve"],
  ...["العمال", "الإضراب", "աշխատողներ", "langileak", "treballadors", "வேலைநிறுத்தம்", "oibrithe"],
];

describe("lazy Snowball stemmers", () => {
  let lazy: Snowball;

  beforeAll(async () => {
    // Prepare: a module importing snowball-stemmers as the summarizer does, built as a package.
    const entry = join(OUT, "snowball-entry.ts");
    mkdirSync(OUT, { recursive: true });
    writeFileSync(entry, 'import snowball from "snowball-stemmers";\nexport default snowball;\n');
    const built = await buildLambdaPackage({ entry, outDir: join(OUT, "snowball") });
    lazy = ((await import(pathToFileURL(built.bundleFile).href)) as { default: Snowball }).default;
  }, 60_000);

  it.each(snowball.algorithms())(
    "should stem as snowball-stemmers does with %s, loaded from lazy/",
    (algorithm) => {
      // Prepare
      const full = snowball.newStemmer(algorithm);
      const loaded = lazy.newStemmer(algorithm);
      // Act
      const stems = WORDS.map((word) => loaded.stem(word.toLowerCase()));
      // Assess
      expect(stems).toEqual(WORDS.map((word) => full.stem(word.toLowerCase())));
      expect(lazy.algorithms()).toEqual(snowball.algorithms());
    },
  );

  it("should refuse an algorithm it does not know, as the package does", () => {
    // Assess
    expect(() => lazy.newStemmer("klingon")).toThrow();
    expect(() => snowball.newStemmer("klingon")).toThrow();
  });
});

describe("lazy data", () => {
  it("should read as the same JSON, key by key", async () => {
    // Prepare: a module importing the JSON as the summarizer does, built as a package.
    const entry = join(OUT, "data-entry.ts");
    mkdirSync(OUT, { recursive: true });
    const specifier = Object.keys(LAZY_DATA)[0] as string;
    writeFileSync(entry, `import data from "${specifier}";\nexport default data;\n`);
    const built = await buildLambdaPackage({ entry, outDir: join(OUT, "data") });
    const expected = require(specifier) as Record<string, unknown>;
    // Act
    const { default: lazy } = (await import(pathToFileURL(built.bundleFile).href)) as {
      default: Record<string, unknown>;
    };
    // Assess
    expect(Object.keys(lazy)).toEqual(Object.keys(expected));
    for (const key of Object.keys(expected)) {
      expect(Object.hasOwn(lazy, key)).toBe(true);
      expect(lazy[key], key).toEqual(expected[key]);
    }
    expect(Object.hasOwn(lazy, "xx")).toBe(false);
  }, 60_000);
});

describe("stand-ins of the lazy packages", () => {
  it.each(LAZY_PACKAGES.flatMap((pkg) => Object.entries(pkg.exports)))(
    "should stand in for %s exports that are functions of the real package",
    (specifier, names) => {
      // Act
      const real = require(specifier) as Record<string, unknown>;
      // Assess: a stand-in forwards calls, so it can only stand for functions and classes.
      for (const name of names) expect(typeof real[name], `${specifier} ${name}`).toBe("function");
    },
  );
});

describe("the stack's local bundling", () => {
  it("should build a package into an asset folder whatever characters its path holds", () => {
    // Prepare: a folder name a shell would split, expand or unquote.
    const outDir = join(OUT, "hook", "cdk.out 'asset' $HOME `x`");
    rmSync(join(OUT, "hook"), { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    // Act
    const bundled = new LambdaPackageBuild("normalize").tryBundle(outDir);
    // Assess: done locally, never handed to Docker.
    expect(bundled).toBe(true);
    expect(filesUnder(outDir)).toEqual(expectedPackageFiles("normalize"));
  }, 120_000);
});
