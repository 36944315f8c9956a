import type { BlockType, RemovedItem, SourceFormat } from "../../contract/article";

/** A block as a format reader found it: raw text (may hold line breaks) and, when the markup says, its type. */
export interface RawBlock {
  text: string;
  type?: BlockType;
  /** A table cell (or inside a table): a word there ("Comment") is a column, not a footer heading. */
  inTable?: boolean;
}

/** What every format reader returns; the structure step then types the blocks it left untyped. */
export interface ParsedDocument {
  format: SourceFormat;
  /** A title the format states explicitly (JSON `title`, HTML `<title>`/`<h1>`, Markdown `# `). */
  title: string | null;
  blocks: RawBlock[];
  /** Markup the reader stripped and wants listed (navigation, scripts, code blocks…). */
  removed: RemovedItem[];
  /** A language the input itself declares (JSON `language`). */
  language?: string;
}
