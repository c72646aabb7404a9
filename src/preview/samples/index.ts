/**
 * The built-in sample emails, as real RFC 5322 files (imported as text by webpack's `asset/source`).
 * Each exercises something the add-in must handle; tests parse the same files from disk.
 */
import plainText from "./01-plain-text.eml";
import outlookHtml from "./02-outlook-html.eml";
import attachments from "./03-attachments.eml";
import nonAscii from "./04-non-ascii.eml";
import rightToLeft from "./05-right-to-left.eml";
import replySup2 from "./06-reply-sup-2.eml";

export interface SampleEml {
  /** Stable id (persisted as the preview's selection). */
  readonly id: string;
  readonly source: string;
}

export const SAMPLES: readonly SampleEml[] = [
  { id: "plain-text", source: plainText },
  { id: "outlook-html", source: outlookHtml },
  { id: "attachments", source: attachments },
  { id: "non-ascii", source: nonAscii },
  { id: "right-to-left", source: rightToLeft },
  { id: "reply-sup-2", source: replySup2 },
];
