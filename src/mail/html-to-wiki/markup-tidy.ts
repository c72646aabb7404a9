/**
 * The last pass over generated wiki markup: no leading, trailing or repeated spaces on a line
 * (Jira's HTML ignores them; `{noformat}` blocks keep theirs), at most one blank line in a row, no
 * blank lines at either end. People edit this text in a textarea, where stray spaces and gaps only
 * get in the way; Jira would show extra blank lines as empty paragraphs.
 */

const NOFORMAT_FENCE = "{noformat}";

/** Tidies wiki markup (see the module comment). */
export function tidyWikiMarkup(markup: string): string {
  const kept: string[] = [];
  let preformatted = false;
  for (const line of markup.replace(/\r\n?/g, "\n").split("\n")) {
    const fence = line.trim() === NOFORMAT_FENCE;
    const tidy = preformatted && !fence ? line.trimEnd() : line.trim().replace(/ {2,}/g, " ");
    if (fence) {
      preformatted = !preformatted;
    }
    const previous = kept[kept.length - 1];
    if (tidy === "" && (previous === undefined || previous === "")) {
      continue;
    }
    kept.push(tidy);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") {
    kept.pop();
  }
  return kept.join("\n");
}
