/**
 * Article text for the bad-input corpus, generated in code: English news prose from templates (deterministic,
 * enough words for language detection), and a few paragraphs in scripts the pipeline must carry intact.
 */

const SUBJECTS = [
  "The union",
  "The port authority",
  "Dockworkers at the northern terminal",
  "The mayor",
  "Shipping companies",
  "Local traders",
  "A spokesperson for the ministry",
];
const VERBS = [
  "said on Monday that",
  "warned that",
  "confirmed that",
  "argued that",
  "told reporters that",
];
const OBJECTS = [
  "the strike would continue until a fair offer was made",
  "talks with the employers had stalled again",
  "cargo was piling up on the quays and in the warehouses",
  "wages had not kept pace with the price of food and rent",
  "the government should step in before the harbour closes",
];

/** The i-th sentence of the generated English article (never the same sentence twice in a row). */
export function englishSentence(i: number): string {
  const subject = SUBJECTS[i % SUBJECTS.length];
  const verb = VERBS[(i * 3) % VERBS.length];
  const object = OBJECTS[(i * 7 + 1) % OBJECTS.length];
  return `${subject} ${verb} ${object} in week ${i + 1}.`;
}

/** An English article of `paragraphs` paragraphs, `perParagraph` sentences each, blank-line separated. */
export function englishArticle(paragraphs: number, perParagraph = 3): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < perParagraph; s++) sentences.push(englishSentence(p * perParagraph + s));
    out.push(sentences.join(" "));
  }
  return out.join("\n\n");
}

export const ARABIC = [
  "أعلن عمال الميناء إضرابا مفتوحا يوم الاثنين للمطالبة بزيادة الأجور.",
  "وقال ممثل النقابة إن المفاوضات مع الإدارة توقفت منذ أسبوعين.",
  "وتأثرت حركة السفن التجارية في المدينة بشكل كبير.",
  "ويأمل التجار أن ينتهي الإضراب قبل نهاية الشهر.",
].join(" ");

export const HEBREW = [
  "עובדי הנמל פתחו היום בשביתה כללית בדרישה להעלאת שכר.",
  "נציג ההסתדרות אמר כי המשא ומתן עם ההנהלה נתקע לפני שבועיים.",
  "תנועת האוניות בעיר נפגעה באופן משמעותי.",
  "הסוחרים מקווים שהשביתה תסתיים לפני סוף החודש.",
].join(" ");

export const CHINESE =
  "港口工人周一开始无限期罢工，要求提高工资。工会代表说，与管理层的谈判两周前就已经停止。城市的商船运输受到严重影响。商人们希望罢工能在月底前结束。";

export const JAPANESE =
  "港湾労働者は月曜日、賃上げを求めて無期限のストライキに入った。組合の代表は、経営陣との交渉が二週間前から止まっていると述べた。市内の商船の運航は大きな影響を受けている。商人たちは月末までにストライキが終わることを望んでいる。";

export const EMOJI = [
  "The port 🚢 was quiet on Monday 😟 as the workers walked out of the terminal.",
  "Families 👨‍👩‍👧 gathered at the gates with flags 🇪🇸 and hand-painted signs.",
  "Union leaders said the strike 💪🏽 would go on until a deal is reached.",
].join(" ");

export const SPANISH =
  "Los trabajadores del puerto iniciaron el lunes una huelga indefinida para exigir mejores salarios. Los comerciantes esperan que el conflicto termine antes de fin de mes.";

export const FRENCH =
  "Les dockers ont entamé lundi une grève illimitée pour réclamer des hausses de salaire. Les commerçants espèrent que le conflit prendra fin avant la fin du mois.";

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
}

export function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  // swap16 turns little-endian units into big-endian ones in place.
  return Uint8Array.from([0xfe, 0xff, ...le.swap16()]);
}

/** ISO-8859-1 / Windows-1252 bytes of a text that only uses code points below 256. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "latin1"));
}

/** The first bytes of a real file of that type, then filler: enough for any sniffer. */
export function binaryFile(magic: readonly number[], size = 256): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(magic);
  for (let i = magic.length; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

export const MAGIC = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a],
  zip: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00],
} as const;
