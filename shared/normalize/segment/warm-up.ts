/**
 * Type feedback for the segmenter's rare paths, gathered once, before the first text is segmented. The optimizing compiler builds the scan
 * from the feedback the interpreter gathered, and code for a path never taken yet (a spaced ellipsis, an
 * inline list, a German dotted ordinal) is a bail-out: the first article with such a mark throws the
 * optimized scan away, and it is compiled again, which costs more than segmenting dozens of articles. Moving
 * a rare path into a function of its own does not avoid that: a call never made is a bail-out as well.
 * Segmenting these few lines first takes each such path once, so the scan is compiled once; a process that
 * segments only a few articles pays for it without the gain. The output is not used: segmentSentences is pure.
 */
export const WARM_UP: [string, string | undefined][] = [
  ["He waited. . . . The practice went on. . . . And then . . . nothing. . . .", "en"],
  ["Items: 1. First point 2. Second point 3. Third one. a) one b) two c) three", "en"],
  ["• 9. The first item • 10. The second item ⁃ 4. Call Ann", "en"],
  [
    '"Stop!" he said. (See p. 5.) Then Mr. Smith left at 5 a.m. Mr. Jones came at 6 P.M. Then.',
    "en",
  ],
  ["She works at Yahoo! in the U.S. Army. It is 3.5 km. The end.The next one? — said he.", "en"],
  ["the u.s. has it. i waited... then it ended? no! 'we will ' go . ' figures show", "en"],
  ["Am 12. Juni kam er. Nr. 5 ist „gut.“ Dann z. B. XII. Pluku. Das ist 2. Bundesliga.", "de"],
  ["« C'est fini. » Il part. « Stop ! », a-t-il dit. Admón. es bueno. ¿Vienes? —preguntó.", "fr"],
  ["「３．２９％。」と言った。摔跤吧！爸爸。ሰላም። አለህ፧መልካም", "ja"],
  ["قال، ثم، ذهب. هل أنت؟ نعم۔ Πού είσαι; Կարող ես։", undefined],
  ["He left. 12. It rained. (An unclosed bracket. Then more. (Two (three. four) five.) Six.", "en"],
  ["First paragraph [...] ends.\n\nSecond (it is. long) one! Line\nbreak. Кв. 234 здесь.", "ru"],
];
