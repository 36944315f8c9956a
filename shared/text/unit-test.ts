/**
 * A one-character class tested by UTF-16 code unit, memoized in a table filled in as units are met: a table
 * read instead of a regex test on a one-character string for every unit. By code unit: each half of a
 * surrogate pair is tested alone, so a class of code points beyond the BMP never matches.
 */
export function codeUnitTest(oneChar: RegExp): (code: number) => boolean {
  /** 0 unknown, 1 in the class, 2 not. */
  const kinds = new Uint8Array(0x10000);
  return (code) => {
    let kind = kinds[code] as number;
    if (kind === 0) {
      kind = oneChar.test(String.fromCharCode(code)) ? 1 : 2;
      kinds[code] = kind;
    }
    return kind === 1;
  };
}
