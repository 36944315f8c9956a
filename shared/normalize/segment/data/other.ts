import type { LanguageData } from "./types";

/** Greek asks with ";" (and U+037E); the raised dot "·" is a pause, not an end. */
export const el: LanguageData = {
  titles: "κ κα δρ καθ",
  beforeNumber: "αρ σελ τηλ",
  abbreviations: "π.χ κ.λπ κλπ βλ εκ δισ χλμ π.χ μ.χ",
  starters:
    "ο η το οι τα ένας μια ένα αυτός αυτή αυτό αλλά και ή στο στη στον στην σε με για από όταν αν",
  terminals: ";",
};

/** Armenian ends sentences with "։", often typed as ":"; its "." is a pause inside the sentence. */
export const hy: LanguageData = { terminals: ":", periodEnds: false };

/**
 * Arabic punctuation as pySBD's rules read it (the public Golden Rules follow them): ":" and the Arabic comma
 * end a sentence; a comma inside an enumeration ("X، Y، Z") does not, see `isEnumerationComma`.
 */
export const ar: LanguageData = { terminals: ":،" };

export const fa: LanguageData = { terminals: ":" };

export const tr: LanguageData = {
  titles: "dr prof doç av",
  beforeNumber: "no s tel",
  abbreviations: "vb vs örn bkz yy oca şub nis haz tem ağu eyl eki kas ara",
  starters: "bu şu o bunlar onlar biz ben sen siz ama ve ile için gibi çünkü eğer ancak",
  dottedOrdinals: true,
};

export const hu: LanguageData = {
  titles: "dr prof id ifj özv",
  beforeNumber: "sz old tel",
  abbreviations: "stb pl kb ill ún vö jan febr márc ápr máj jún júl aug szept okt nov dec",
  starters:
    "a az egy ez azok ő ők mi én te ti de és vagy hogy ha amikor akkor már itt ott ma tegnap",
  dottedOrdinals: true,
};
