/**
 * The lazy files of the Lambda assets (infra/aws/lazy-modules.ts): each Snowball stemmer cut out of
 * snowball-stemmers stems as the package does, and each stage ships the lazy files its bundle can reach.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ELD_NGRAMS_FILE,
  HTML_STACK_FILE,
  STOPWORD_LANGUAGES_FILE,
  SUMMARIZER_TREES_FILE,
  stemmerFile,
} from "../../infra/aws/bundle-shims/lazy-file-names.mjs";
import {
  buildLambdaAsset,
  LAZY_MODULES_BY_STAGE,
  type LazyModuleName,
  lazyModulesCommands,
  singleStemmerSource,
} from "../../infra/aws/lazy-modules";
import { ROUTES } from "../../shared/pipeline/routing";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "tests/output/lazy-modules");
const require = createRequire(import.meta.url);
const snowball = require("snowball-stemmers") as {
  algorithms: () => string[];
  newStemmer: (algorithm: string) => { stem: (word: string) => string };
};
const SNOWBALL_SOURCE = readFileSync(require.resolve("snowball-stemmers"), "utf8");

/** Evaluates a CommonJS source as Node would, without writing it to disk. */
function evaluate(source: string): typeof snowball {
  const module = { exports: {} as typeof snowball };
  new Function("exports", "module", "require", source)(module.exports, module, require);
  return module.exports;
}

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
  it.each(snowball.algorithms())(
    "should stem as snowball-stemmers does with %s alone",
    (algorithm) => {
      // Prepare
      const alone = evaluate(singleStemmerSource(SNOWBALL_SOURCE, algorithm));
      const full = snowball.newStemmer(algorithm);
      const cut = alone.newStemmer(algorithm);
      // Act
      const stems = WORDS.map((word) => cut.stem(word.toLowerCase()));
      // Assess
      expect(stems).toEqual(WORDS.map((word) => full.stem(word.toLowerCase())));
      expect(alone.algorithms()).toEqual(snowball.algorithms());
    },
  );

  it("should hold one stemmer class only, a fraction of the package", () => {
    // Act
    const english = singleStemmerSource(SNOWBALL_SOURCE, "english");
    // Assess
    expect(english).toContain("englishStemmer");
    expect(english).not.toContain("frenchStemmer");
    expect(english.length).toBeLessThan(SNOWBALL_SOURCE.length / 8);
  });

  it("should refuse an algorithm it cannot find rather than ship an empty stemmer", () => {
    // Assess
    expect(() => singleStemmerSource(SNOWBALL_SOURCE, "klingon")).toThrow(/no class for "klingon"/);
  });
});

/** The shim through which a bundle reaches each lazy module (infra/aws/bundling.ts BUNDLE_ALIASES). */
const SHIMS: Record<LazyModuleName, string[]> = {
  "html-stack": ["linkedom.mjs", "readability.mjs"],
  "language-detector": ["eld-extrasmall.mjs"],
  stemmers: ["snowball-stemmers.mjs"],
  stopwords: ["stopwords.mjs"],
  "summarizer-weights": ["summarizer-weights.mjs"],
};

/** The file each lazy module writes (one of them, for modules of many files). */
const FILES: Record<LazyModuleName, string> = {
  "html-stack": HTML_STACK_FILE,
  "language-detector": ELD_NGRAMS_FILE,
  stemmers: stemmerFile("english"),
  stopwords: STOPWORD_LANGUAGES_FILE,
  "summarizer-weights": SUMMARIZER_TREES_FILE,
};

describe("lazy files of each stage", () => {
  it.each(ROUTES.map((route) => route.stage))(
    "should ship with %s exactly the lazy files its bundle can reach",
    async (stage) => {
      // Act
      const outDir = join(OUT, stage);
      const { metafile } = await buildLambdaAsset({
        stage,
        entry: join(ROOT, "functions", stage, "handler.ts"),
        outDir,
        projectRoot: ROOT,
      });
      // Assess
      const inputs = Object.keys(metafile.inputs);
      const reached = (Object.keys(SHIMS) as LazyModuleName[]).filter((name) =>
        SHIMS[name].some((shim) => inputs.includes(`infra/aws/bundle-shims/${shim}`)),
      );
      expect([...LAZY_MODULES_BY_STAGE[stage]].sort()).toEqual(reached.sort());
      for (const name of reached)
        expect(existsSync(join(outDir, "lazy", FILES[name])), name).toBe(true);
    },
    60_000,
  );
});

describe("the stack's afterBundling hook", () => {
  it("should write lazy/ into an asset folder whatever characters its path holds", () => {
    // Prepare: a folder name a shell would split, expand or unquote.
    const outDir = join(OUT, "hook", "cdk.out 'asset' $HOME `x`");
    rmSync(join(OUT, "hook"), { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "index.mjs"), "export {};\n");
    // Act
    for (const command of lazyModulesCommands("normalize", outDir)) {
      execFileSync("bash", ["-c", command], { cwd: OUT, stdio: "pipe" });
    }
    // Assess
    expect(existsSync(join(outDir, "lazy", FILES["html-stack"]))).toBe(true);
    expect(existsSync(join(outDir, "lazy", FILES["language-detector"]))).toBe(true);
  }, 60_000);

  it("should refuse a folder with no index.mjs rather than ship a function without lazy/", () => {
    // Prepare
    const outDir = join(OUT, "hook-empty");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const [command] = lazyModulesCommands("normalize", outDir);
    // Act + Assess
    expect(() => execFileSync("bash", ["-c", command as string], { stdio: "pipe" })).toThrow(
      /no index\.mjs/,
    );
  }, 60_000);

  it("should stop Docker bundling with a message, and add nothing for a stage with no lazy files", () => {
    // Act
    const docker = lazyModulesCommands("summarize", "/asset-output").join("\n");
    // Assess
    expect(docker).toMatch(/npm ci and bundle locally/);
    expect(docker).toMatch(/exit 1/);
    expect(lazyModulesCommands("translate", "/tmp/anything")).toEqual([]);
  });
});

describe("lazy summarizer weights", () => {
  it("should decode to exactly the trees and fields of weights.json", async () => {
    // Prepare
    const built = await buildLambdaAsset({
      stage: "summarize",
      entry: join(ROOT, "infra/aws/bundle-shims/summarizer-weights.mjs"),
      outDir: join(OUT, "weights"),
      projectRoot: ROOT,
    });
    const expected = JSON.parse(readFileSync(join(ROOT, "shared/summarize/weights.json"), "utf8"));
    // Act
    const { default: shipped } = (await import(pathToFileURL(built.bundleFile).href)) as {
      default: { trees: { f: ArrayLike<number>; v: ArrayLike<number> }[] };
    };
    const trees = shipped.trees.map((tree) => ({ f: Array.from(tree.f), v: Array.from(tree.v) }));
    // Assess: Object.is on every value, so that even -0 and the last bit of a double count.
    expect({ ...shipped, trees }).toStrictEqual(expected);
  }, 60_000);
});
