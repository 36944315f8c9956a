import { TRANSLATE_TEXT_MAX_BYTES } from "../../../shared/limits";
import { codePoints, utf8Bytes } from "../../../shared/translate/bytes";
import { planLineTransport } from "../../../shared/translate/transport";

export interface TransportCost {
  transport: string;
  charactersSent: number;
  ratio: number;
  requests: number;
}

/** Greedy packing of already-encoded segments under the byte limit: the request count of a transport. */
function requestsFor(segments: string[], separator: string): number {
  let requests = 0;
  let bytes = 0;
  for (const segment of segments) {
    const size = utf8Bytes(segment);
    if (requests > 0 && bytes + utf8Bytes(separator) + size <= TRANSLATE_TEXT_MAX_BYTES) {
      bytes += utf8Bytes(separator) + size;
    } else {
      requests++;
      bytes = size;
    }
  }
  return requests;
}

/**
 * What each way of sending the sentences would bill (every character sent) and how many requests it needs,
 * for the same sentences. Only line-per-sentence is implemented; the others are encoded here to be measured.
 */
export function transportCosts(texts: readonly string[]): TransportCost[] {
  const translatable = texts.reduce((n, t) => n + codePoints(t), 0);
  const plan = planLineTransport(texts, "es", TRANSLATE_TEXT_MAX_BYTES);
  const lines = {
    transport: "line per sentence (chosen)",
    charactersSent: plan.chunks.reduce((n, c) => n + c.characters, 0),
    requests: plan.chunks.length,
  };
  const spans = texts.map((t, i) => `<span id="s${i}">${t}</span>`);
  const numbered = texts.map((t, i) => `[${i}] ${t}`);
  const costs = [
    lines,
    {
      transport: 'markup <span id="sN">…</span>',
      charactersSent: spans.reduce((n, s) => n + codePoints(s), 0),
      requests: requestsFor(spans, ""),
    },
    {
      transport: "numbered lines [N] …",
      charactersSent: numbered.reduce((n, s) => n + codePoints(s) + 1, -1),
      requests: requestsFor(numbered, "\n"),
    },
    { transport: "one request per sentence", charactersSent: translatable, requests: texts.length },
  ];
  return costs.map((c) => ({ ...c, ratio: c.charactersSent / translatable }));
}
