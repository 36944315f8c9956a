/**
 * The languages a detection may choose among (language.ts narrows short texts to them). Its own module so the
 * caller can name a subset without reaching into the detection, and the detection reads it as eld would.
 */

/** Languages to choose among, as eld.setLanguageSubset takes them; resolved against eld's on first use. */
export class LanguageSubset {
  #allowed: Uint8Array | false | undefined;
  constructor(readonly codes: readonly string[]) {}

  /** 1 for each allowed language id; false where eld would keep no subset (none of the codes is eld's). */
  allowed(languageCodes: readonly string[]): Uint8Array | false {
    if (this.#allowed === undefined) {
      const allowed = new Uint8Array(languageCodes.length);
      let any = false;
      for (const code of this.codes) {
        const id = languageCodes.indexOf(code);
        if (id >= 0) allowed[id] = 1;
        any ||= id >= 0;
      }
      this.#allowed = any ? allowed : false;
    }
    return this.#allowed;
  }
}
