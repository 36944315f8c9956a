/**
 * Site furniture that scrapers carry into article text. Each rule matches a whole block (or a whole line of
 * one), never a phrase inside a sentence, so article prose is not touched.
 */

export interface BoilerplateRule {
  pattern: RegExp;
  /** Shown in `removed[].reason`, e.g. 'footer: "Before You Go"'. */
  label: string;
  /** A footer heading: everything after it, to the end of the article, is footer too. */
  startsFooter?: boolean;
}

const RULES: BoilerplateRule[] = [
  { pattern: /^before you go[.!:]?$/i, label: "footer", startsFooter: true },
  {
    pattern:
      /^(?:related|recommended|more from|more on this|most read|most popular|trending|you may also like|you might also like|read next|what to read next|popular now|latest news)(?: (?:articles?|stories|news|on \S+|now))?:?$/i,
    label: "footer",
    startsFooter: true,
  },
  {
    pattern: /^(?:comments?|\d+ comments?|join the conversation|leave a comment)$/i,
    label: "comments",
    startsFooter: true,
  },
  {
    pattern:
      /^(?:advertisement|advertising|sponsored(?: content)?|ad|paid content|story continues below(?: advertisement)?|continue reading below)$/i,
    label: "advertisement",
  },
  {
    pattern:
      /^(?:share (?:this|the) (?:article|story|page|post)|share on (?:facebook|twitter|x|whatsapp|linkedin)|share|tweet|email|print|copy link|(?:share|follow)(?: us)? on (?:facebook|twitter|x|instagram)(?:,? (?:and|or) (?:facebook|twitter|x|instagram))*)[.!:]?$/i,
    label: "share prompt",
  },
  {
    pattern:
      /^(?:sign up|subscribe|register)\b.{0,120}\b(?:newsletters?|inbox|briefing|alerts|e-?mails?)\b.{0,80}$/i,
    label: "newsletter prompt",
  },
  { pattern: /^(?:subscribe|sign up)(?: now| today| here)?[.!]?$/i, label: "newsletter prompt" },
  {
    pattern: /^(?:get|receive) (?:our|the) [\w\s'’-]{0,40}newsletters?.{0,80}$/i,
    label: "newsletter prompt",
  },
  {
    pattern:
      /^(?:read more|continue reading|see also|also read|read the full (?:story|article))\b.{0,100}$/i,
    label: "read-more link",
  },
  {
    pattern: /^(?:more|watch|watch now|listen|related video|video)(?:[:.…]|\.\.\.)?$/i,
    label: "read-more link",
  },
  { pattern: /^(?:more|watch|listen|video)\s*:\s.{1,100}$/i, label: "read-more link" },
  {
    pattern:
      /^(?:we use cookies|this (?:site|website) uses cookies|by continuing to (?:use|browse)|accept (?:all )?cookies|cookie (?:policy|settings|preferences)).{0,300}$/i,
    label: "cookie notice",
  },
  {
    pattern:
      /^(?:skip to (?:main )?content|back to top|home|menu|search|log ?in|sign in|loading\.*)$/i,
    label: "navigation",
  },
  {
    pattern: /^(?:photo|image|picture|credit|photograph)(?: credit)?\s*:\s*.{1,80}$/i,
    label: "photo credit",
  },
  {
    pattern: /^(?:updated|published|last updated|posted)\b[^.!?]{0,60}\d[^.!?]{0,30}$/i,
    label: "timestamp line",
  },
];

/** Blocks longer than this are prose, whatever their first words. */
const MAX_BOILERPLATE_CHARS = 320;

const DATELINE: BoilerplateRule = { pattern: /(?:)/, label: "timestamp line" };
const DATELINE_MAX_WORDS = 12;
/** A year (1900–2099) standing alone, or a clock time ("9:45", "20h13"). */
const DATE_MARK = /(?<![\p{L}\p{N}])(?:(?:19|20)\d\d|\d{1,2}[:h]\d\d)(?![\p{L}\p{N}])/u;
const TOKEN = /[\p{L}\p{N}]+/gu;
const NUMBER = /^\p{N}+$/u;
const CLOSES_SENTENCE = /[.!?…。！？]["”’»)]*$/u;

/**
 * A date-and-time line ("November 19, 2019 at 9:45 am", "sexta-feira, 22 de outubro de 2010 às 20:13",
 * "19.11.2019, 08:57"), recognised by its shape in any language: short, a year or a clock time, at least a
 * third of its words numbers, and not closed like a sentence unless it holds a clock time.
 */
function isDateline(text: string): boolean {
  // "— Jane Doe (@jane) November 18, 2019" closes a quotation: it is attribution, not a timestamp.
  if (!DATE_MARK.test(text) || /^[—–]/.test(text)) return false;
  const tokens = text.match(TOKEN) ?? [];
  if (tokens.length === 0 || tokens.length > DATELINE_MAX_WORDS) return false;
  const numbers = tokens.filter((token) => NUMBER.test(token)).length;
  if (numbers * 3 < tokens.length) return false;
  return !CLOSES_SENTENCE.test(text) || /\d[:h]\d\d/.test(text);
}

/**
 * Every rule in one regex (each is anchored and case-insensitive, as the rules are): one search tells that no
 * rule matches a line, which is what nearly every line of an article gives, instead of one search per rule.
 */
const ANY_RULE = new RegExp(RULES.map((rule) => `(?:${rule.pattern.source})`).join("|"), "i");

export function matchBoilerplate(text: string): BoilerplateRule | undefined {
  if (text.length > MAX_BOILERPLATE_CHARS) return undefined;
  const candidate = text.trim();
  const rule = ANY_RULE.test(candidate) ? RULES.find((r) => r.pattern.test(candidate)) : undefined;
  return rule ?? (isDateline(candidate) ? DATELINE : undefined);
}
