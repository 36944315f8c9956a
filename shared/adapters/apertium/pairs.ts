import { languageRegion, primaryLanguage } from "../../contract/language";

/** ISO 639-1 → the ISO 639-3 codes Apertium names its pairs with ("eng-spa"); older pairs use 639-1 ("fr-es"). */
const ISO3: Readonly<Record<string, string>> = {
  af: "afr",
  an: "arg",
  ar: "ara",
  be: "bel",
  bg: "bul",
  br: "bre",
  bs: "hbs",
  ca: "cat",
  cs: "ces",
  cy: "cym",
  da: "dan",
  de: "deu",
  en: "eng",
  eo: "epo",
  es: "spa",
  eu: "eus",
  fr: "fra",
  ga: "gle",
  gl: "glg",
  hi: "hin",
  hr: "hbs",
  id: "ind",
  is: "isl",
  it: "ita",
  kk: "kaz",
  mk: "mkd",
  ms: "zlm",
  mt: "mlt",
  nb: "nob",
  nl: "nld",
  nn: "nno",
  no: "nor",
  oc: "oci",
  pl: "pol",
  pt: "por",
  ro: "ron",
  ru: "rus",
  sc: "srd",
  sk: "slk",
  sl: "slv",
  sr: "hbs",
  sv: "swe",
  tr: "tur",
  tt: "tat",
  uk: "ukr",
  ur: "urd",
};

/**
 * Debian's package for each pair it ships (either direction), keyed by the two ISO 639-3 codes in sorted
 * order: the package names mix both code styles and both orders (apertium-eng-spa, apertium-fr-es).
 */
const DEBIAN_PACKAGES: Readonly<Record<string, string>> = {
  "afr-nld": "apertium-afr-nld",
  "arg-cat": "apertium-arg-cat",
  "arg-spa": "apertium-spa-arg",
  "ast-spa": "apertium-spa-ast",
  "bel-rus": "apertium-bel-rus",
  "bre-fra": "apertium-br-fr",
  "bul-mkd": "apertium-mkd-bul",
  "cat-eng": "apertium-eng-cat",
  "cat-epo": "apertium-eo-ca",
  "cat-fra": "apertium-fra-cat",
  "cat-ita": "apertium-cat-ita",
  "cat-oci": "apertium-oc-ca",
  "cat-por": "apertium-por-cat",
  "cat-spa": "apertium-spa-cat",
  "cat-srd": "apertium-cat-srd",
  "dan-nor": "apertium-dan-nor",
  "dan-swe": "apertium-swe-dan",
  "eng-epo": "apertium-eo-en",
  "eng-eus": "apertium-eu-en",
  "eng-glg": "apertium-en-gl",
  "eng-hbs": "apertium-hbs-eng",
  "eng-isl": "apertium-isl-eng",
  "eng-mkd": "apertium-mkd-eng",
  "eng-spa": "apertium-eng-spa",
  "epo-fra": "apertium-eo-fr",
  "epo-spa": "apertium-eo-es",
  "eus-spa": "apertium-eu-es",
  "fra-oci": "apertium-oci-fra",
  "fra-spa": "apertium-fr-es",
  "glg-por": "apertium-pt-gl",
  "glg-spa": "apertium-es-gl",
  "hbs-mkd": "apertium-hbs-mkd",
  "hbs-slv": "apertium-hbs-slv",
  "hin-urd": "apertium-urd-hin",
  "ind-zlm": "apertium-ind-zlm",
  "isl-swe": "apertium-isl-swe",
  "ita-spa": "apertium-spa-ita",
  "ita-srd": "apertium-srd-ita",
  "nno-nob": "apertium-nno-nob",
  "nor-swe": "apertium-swe-nor",
  "oci-spa": "apertium-oc-es",
  "pol-szl": "apertium-pol-szl",
  "por-spa": "apertium-es-pt",
  "ron-spa": "apertium-es-ro",
  "rus-ukr": "apertium-rus-ukr",
};

export function iso3(code: string): string {
  const primary = primaryLanguage(code);
  return ISO3[primary] ?? primary;
}

/** Mode names that would translate source → target, most specific first ("spa-eng_US" for en-US). */
export function candidateModes(source: string, target: string): string[] {
  const [s2, t2] = [primaryLanguage(source), primaryLanguage(target)];
  const [s3, t3] = [iso3(source), iso3(target)];
  const region = languageRegion(target);
  const modes = region ? [`${s3}-${t3}_${region}`, `${s2}-${t2}_${region}`] : [];
  modes.push(`${s3}-${t3}`, `${s2}-${t2}`);
  return [...new Set(modes)];
}

/** What to tell the operator to install for a missing pair. */
export function installHint(source: string, target: string): string {
  const [s3, t3] = [iso3(source), iso3(target)];
  const key = [s3, t3].sort().join("-");
  const known = DEBIAN_PACKAGES[key];
  if (known) return `apt-get install ${known}`;
  return `apt-get install apertium-${s3}-${t3} (or apertium-${t3}-${s3}); Debian may not ship this pair: apt-cache search apertium lists those it has`;
}

/** The installed modes, from `apertium -l` (one per line, indented). */
export function parseModeList(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
