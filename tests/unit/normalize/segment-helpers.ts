import { segmentSentences } from "../../../shared/normalize";

/** The sentences of `text` as strings, segmented with the rules of `lang`. */
export function split(text: string, lang?: string): string[] {
  return segmentSentences(text, lang).map((span) => text.slice(span.start, span.end));
}
