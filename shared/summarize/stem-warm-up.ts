/**
 * Words that take porter2's `stem` down every path news text takes it. `stem` is one 10 KB function; V8
 * optimizes it from the type feedback its calls have left so far, and the first word down a suffix path no
 * call had taken yet throws that code away (a deopt) and compiles the whole function again. Stemming these
 * words before any article gives the first compile every path's feedback.
 *
 * Chosen as a greedy cover of the function's code blocks over the vocabulary of the English dev sets, then
 * checked by optimizing `stem` right after these words and stemming every word of the English dev sets and of
 * the newstest English sentences (not used to choose them): none deoptimized it. The words are only stemmed,
 * never stored, so every stem is unchanged.
 */
const WARM_UP_WORDS = [
  "comprehensively slayings additionally liabilities generalizations ridiculousness educational indeed",
  "experimented communicator radicalism accountancy cannings excesses incredibly ecology sky pressly",
  "appendicitis beautifully earrings outing succeed undeterred abnormality absenteeism apparently",
  "competitiveness herrera proceed aggrandizing anonymously arrangement inning accompanied activities",
  "arsenal awfulness doling organizers 00 abstinence abundant acceleration accessibility additional",
  "administrative adorably aimlessly airsickness died dies dying early exceed gently gravitationally",
  "lying only skies skis tying ugly",
]
  .join(" ")
  .split(" ");

/**
 * Runs `stem` over the warm-up words. Twice: V8 starts recording a function's feedback only after its first
 * few calls, so a single pass would lose what the first words teach it.
 */
export function warmUpStemmer(stem: (word: string) => string): void {
  for (let pass = 0; pass < 2; pass++) for (const word of WARM_UP_WORDS) stem(word);
}
