/**
 * Labels typed into the labels editor: a label ends at Enter, a comma or a blank (Jira's labels
 * can't contain spaces), so pasted "vpn, outage urgent" becomes three labels.
 */

const SEPARATORS = /[\s,]+/;

/** The labels finished in `text` and the unfinished rest after the last separator. */
export function splitLabelInput(text: string): { labels: string[]; rest: string } {
  const parts = text.split(SEPARATORS);
  const rest = parts.pop() ?? "";
  return { labels: parts.filter(Boolean), rest };
}

/** `labels` with `added` appended, each label once, in the order first given. */
export function withLabels(labels: readonly string[], added: readonly string[]): string[] {
  const result = [...labels];
  for (const label of added) {
    if (label !== "" && !result.includes(label)) result.push(label);
  }
  return result;
}
