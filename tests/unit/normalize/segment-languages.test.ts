import { describe, expect, it } from "vitest";
import { split } from "./segment-helpers";

describe("segmentSentences with a language's abbreviations", () => {
  it.each([
    [
      "es",
      "Habló la Lic. Gómez Ruiz. Después se fue.",
      ["Habló la Lic. Gómez Ruiz.", "Después se fue."],
    ],
    [
      "es",
      "Llame a la Admón. de Loterías. Cierra a las seis.",
      ["Llame a la Admón. de Loterías.", "Cierra a las seis."],
    ],
    [
      "de",
      "Das gilt z. B. für Kinder. Erwachsene zahlen.",
      ["Das gilt z. B. für Kinder.", "Erwachsene zahlen."],
    ],
    [
      "de",
      "Er kam ca. 200 Meter weit. Dann hielt er.",
      ["Er kam ca. 200 Meter weit.", "Dann hielt er."],
    ],
    [
      "da",
      "Vi fejrer Skt. Hans i juni. Det er sjovt.",
      ["Vi fejrer Skt. Hans i juni.", "Det er sjovt."],
    ],
    [
      "ru",
      "Он живёт в кв. 12 на втором этаже. Соседи тихие.",
      ["Он живёт в кв. 12 на втором этаже.", "Соседи тихие."],
    ],
    ["nl", "Dat is bijv. een hond. Hij blaft.", ["Dat is bijv. een hond.", "Hij blaft."]],
  ])("should keep a %s abbreviation inside its sentence", (lang, text, expected) => {
    // Act
    const sentences = split(text, lang);

    // Assess
    expect(sentences).toEqual(expected);
  });

  it("should read a short unlisted abbreviation before a number or a lowercase word as no sentence end", () => {
    // Prepare: "Tk." (taka) and "Bhd." are in no list
    const text = "The fine was Tk. 5000 in all. The firm, Alpha Bhd. was fined too.";

    // Act
    const sentences = split(text, "en");

    // Assess
    expect(sentences).toEqual([
      "The fine was Tk. 5000 in all.",
      "The firm, Alpha Bhd. was fined too.",
    ]);
  });

  it("should still end a sentence after a long ordinary word, whatever follows", () => {
    expect(split("Η βροχή σταμάτησε. το απόγευμα ήταν ήσυχο.", "el")).toEqual([
      "Η βροχή σταμάτησε.",
      "το απόγευμα ήταν ήσυχο.",
    ]);
  });

  it("should end a sentence after an abbreviation when a sentence opener of the language follows", () => {
    expect(split("Wir trafen Müller & Co. Die Firma ist alt.", "de")).toEqual([
      "Wir trafen Müller & Co.",
      "Die Firma ist alt.",
    ]);
    expect(split("Han arbejder i U.S.A. Hvor bor du?", "da")).toEqual([
      "Han arbejder i U.S.A.",
      "Hvor bor du?",
    ]);
  });
});

describe("segmentSentences with dotted ordinals", () => {
  it.each([
    [
      "de",
      "Die Wahl findet am 3. Oktober statt. Alle dürfen wählen.",
      ["Die Wahl findet am 3. Oktober statt.", "Alle dürfen wählen."],
    ],
    ["de", "Sie wurde am 21. Tag entlassen.", ["Sie wurde am 21. Tag entlassen."]],
    ["da", "Butikken ligger på 3. sal.", ["Butikken ligger på 3. sal."]],
    ["sk", "Narodil sa 2. januára 1990 v Košiciach.", ["Narodil sa 2. januára 1990 v Košiciach."]],
    ["sk", "Slúžil v IV. Pluku pri Nitre.", ["Slúžil v IV. Pluku pri Nitre."]],
    ["pl", "To był jego 5. start w sezonie.", ["To był jego 5. start w sezonie."]],
  ])("should read a %s ordinal as inside the sentence", (lang, text, expected) => {
    expect(split(text, lang)).toEqual(expected);
  });

  it("should end the sentence after a number when a sentence opener follows", () => {
    expect(split("Das steht im Kapitel 7. Dort ist alles erklärt.", "de")).toEqual([
      "Das steht im Kapitel 7.",
      "Dort ist alles erklärt.",
    ]);
  });

  it("should end the sentence after a number in a language without dotted ordinals", () => {
    expect(split("The score was 21. Fans cheered.", "en")).toEqual([
      "The score was 21.",
      "Fans cheered.",
    ]);
  });
});

describe("segmentSentences with other scripts' marks", () => {
  it("should end Amharic sentences at the Ethiopic full stop and question mark, with no space after them", () => {
    const text = "ዛሬ ዝናብ ዘነበ።ነገ ፀሐይ ትወጣለች።ትመጣለህ፧አዎ።";
    expect(split(text, "am")).toEqual(["ዛሬ ዝናብ ዘነበ።", "ነገ ፀሐይ ትወጣለች።", "ትመጣለህ፧", "አዎ።"]);
  });

  it("should end Amharic sentences at Ethiopic marks even with no language given", () => {
    expect(split("ሰላም ነው።ደህና ነኝ።")).toEqual(["ሰላም ነው።", "ደህና ነኝ።"]);
  });

  it("should end Burmese sentences at the section mark", () => {
    expect(split("မင်္ဂလာပါ။နေကောင်းလား။", "my")).toEqual(["မင်္ဂလာပါ။", "နေကောင်းလား။"]);
  });

  it("should read the Greek question mark ';' as a sentence end in Greek only", () => {
    expect(split("Πού πας; Στο σπίτι.", "el")).toEqual(["Πού πας;", "Στο σπίτι."]);
    expect(split("He came; she left.", "en")).toEqual(["He came; she left."]);
  });

  it("should end Armenian sentences at ':' and not at '.'", () => {
    expect(split("Նա եկավ. հետո գնաց: Մենք մնացինք:", "hy")).toEqual([
      "Նա եկավ. հետո գնաց:",
      "Մենք մնացինք:",
    ]);
  });

  it("should end an Arabic sentence at a comma, except inside an enumeration", () => {
    const text = "اشترى التفاح، الموز، والعنب، ثم عاد إلى البيت";
    expect(split(text, "ar")).toEqual(["اشترى التفاح، الموز، والعنب،", "ثم عاد إلى البيت"]);
  });

  it("should read a full-width period between digits as a decimal point", () => {
    expect(split("税率は１．５％です。来年上がります。", "ja")).toEqual([
      "税率は１．５％です。",
      "来年上がります。",
    ]);
  });

  it("should not end a sentence inside Chinese title brackets or Japanese quotation marks", () => {
    expect(split("他读了《你好！世界》这本书。很好看。", "zh")).toEqual([
      "他读了《你好！世界》这本书。",
      "很好看。",
    ]);
    expect(split("彼は「もう帰る。」と言った。私は残った。", "ja")).toEqual([
      "彼は「もう帰る。」と言った。",
      "私は残った。",
    ]);
  });
});
