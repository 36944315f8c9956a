/**
 * What the segmenter knows about one language. Word lists are space-separated, lower case, without the final
 * period; a dotted abbreviation ("z.b", "bl.a") is matched as written, its inner periods included.
 */
export interface LanguageData {
  /** Before a name: never the end of a sentence ("Dr. Naser", "Skt. Hans", "ul. Marszałkowska"). */
  titles?: string;
  /** Before a number: not the end of a sentence when a digit follows ("Nr. 5", "Кв. 234", "S. 12"). */
  beforeNumber?: string;
  /** Other abbreviations: they end a sentence only before a word in `starters` ("Co. They", "Co. at noon"). */
  abbreviations?: string;
  /** Words that open sentences far more often than they continue a name after an abbreviation. */
  starters?: string;
  /**
   * Openers only when capitalized in cased text ("Did you see…"): in lowercased text they continue a name
   * or an acronym too often ("the u.s. has", "nelson williams jr. during").
   */
  capitalizedStarters?: string;
  /** Month names, full and short: after a dotted ordinal ("12. Juni") never a sentence start. */
  months?: string;
  /** The language writes ordinals as "12." ("am 12. Juni", "på 5. gade", "na 10. pokus", "XII. Pluku"). */
  dottedOrdinals?: boolean;
  /** Marks that end a sentence before a space in this language only: ";" in Greek, ":" in Armenian, "،" in Arabic. */
  terminals?: string;
  /** False where "." is not a sentence end (Armenian ends with "։" or ":", and "." marks a pause). */
  periodEnds?: boolean;
}
