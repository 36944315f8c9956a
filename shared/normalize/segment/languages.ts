import { bg, kk, ru, uk } from "./data/cyrillic";
import { en, international } from "./data/en";
import { de, nl } from "./data/germanic";
import { da, fi, nb, sv } from "./data/nordic";
import { ar, el, fa, hu, hy, tr } from "./data/other";
import { ca, es, fr, it, pt, ro } from "./data/romance";
import { cs, hr, pl, sk, sl } from "./data/slavic";
import type { LanguageData } from "./data/types";

/** One language's data as the scanner reads it: sets for O(1) look-ups, built once per language. */
export interface LanguageRules {
  titles: ReadonlySet<string>;
  beforeNumber: ReadonlySet<string>;
  abbreviations: ReadonlySet<string>;
  starters: ReadonlySet<string>;
  capitalizedStarters: ReadonlySet<string>;
  months: ReadonlySet<string>;
  dottedOrdinals: boolean;
  /** Code units that end a sentence before a space in this language only. */
  terminals: ReadonlySet<number>;
  periodEnds: boolean;
  /** Arabic: "،" ends a sentence except inside an enumeration. */
  commaEnds: boolean;
}

const DATA: Record<string, LanguageData> = {
  en,
  de,
  nl,
  da,
  nb,
  no: nb,
  nn: nb,
  sv,
  fi,
  es,
  fr,
  it,
  pt,
  ca,
  gl: es,
  ro,
  sk,
  cs,
  pl,
  sl,
  hr,
  bs: hr,
  sr: hr,
  ru,
  uk,
  be: ru,
  bg,
  mk: bg,
  kk,
  el,
  hy,
  ar,
  fa,
  tr,
  hu,
};

/**
 * With no language stated, the lists of the languages most news arrives in, together: the segmenter then
 * behaves as it did before it knew languages.
 */
const UNKNOWN: LanguageData[] = [international, en, fr, es, de];

function words(list: string | undefined): string[] {
  return list ? list.trim().split(/\s+/u) : [];
}

function build(sources: LanguageData[], own: LanguageData): LanguageRules {
  const set = (pick: (d: LanguageData) => string | undefined) =>
    new Set(sources.flatMap((d) => words(pick(d))));
  const terminals = new Set([...(own.terminals ?? "")].map((c) => c.charCodeAt(0)));
  return {
    titles: set((d) => d.titles),
    beforeNumber: set((d) => d.beforeNumber),
    abbreviations: set((d) => d.abbreviations),
    starters: set((d) => d.starters),
    capitalizedStarters: set((d) => d.capitalizedStarters),
    months: set((d) => d.months),
    dottedOrdinals: own.dottedOrdinals === true,
    terminals,
    periodEnds: own.periodEnds !== false,
    commaEnds: terminals.has(0x060c),
  };
}

const cache = new Map<string, LanguageRules>();

/** The rules for a BCP 47 code ("de", "de-CH", "pt-BR"); English's for a language without data of its own. */
export function rulesFor(lang: string | undefined): LanguageRules {
  // Called once per paragraph, mostly with the same code.
  if (lang === lastLang && lastRules) return lastRules;
  lastRules = lookUp(lang);
  lastLang = lang;
  return lastRules;
}

let lastLang: string | undefined;
let lastRules: LanguageRules | undefined;

function lookUp(lang: string | undefined): LanguageRules {
  const base = lang ? (lang.toLowerCase().split(/[-_]/u)[0] ?? "") : "";
  const cached = cache.get(base);
  if (cached) return cached;
  const data = DATA[base];
  // Every language extends the international base; a language without data of its own gets English.
  const rules = data
    ? build([international, data], data)
    : build(base ? [international, en] : UNKNOWN, en);
  cache.set(base, rules);
  return rules;
}
