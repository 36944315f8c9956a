/**
 * The lazy files of the Lambda assets (infra/aws/lazy-modules.ts): each Snowball stemmer cut out of
 * snowball-stemmers stems as the package does, and each stage ships the lazy files its bundle can reach.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildLambdaAsset,
  LAZY_MODULES_BY_STAGE,
  type LazyModuleName,
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
  "html-stack": "html-stack.cjs",
  "language-detector": "eld/ngrams.txt",
  stemmers: "stemmers/english.cjs",
  stopwords: "stopwords/languages.json",
  "summarizer-weights": "summarizer-weights.json",
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
