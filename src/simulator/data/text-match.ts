/**
 * A small stand-in for Jira's Lucene text search (JQL `~`, the issue picker): words are split on
 * anything that is not a letter or digit, compared case-insensitively after light English
 * stemming ("drops" finds "drop"), `word*` matches a prefix, and a quoted phrase inside the value
 * must appear as consecutive words. All terms must match, as in Jira's `summary ~ "vpn hour"`.
 */

/** Lower-case words of `text`. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A crude English stemmer: enough that plural and -ing / -ed forms meet their stem. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (/([b-df-hj-kmnp-rtv-xz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

type Term =
  | { kind: "word"; stem: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "phrase"; stems: string[] };

/** Parses a `~` value into terms: `"exact phrase"`, `prefix*`, plain words. */
export function parseTextQuery(query: string): Term[] {
  const terms: Term[] = [];
  const phrase = /"([^"]*)"/g;
  for (const match of query.matchAll(phrase)) {
    const phraseWords = words(match[1] ?? "");
    if (phraseWords.length > 0) terms.push({ kind: "phrase", stems: phraseWords.map(stem) });
  }
  for (const token of query.replace(phrase, " ").split(/\s+/)) {
    if (token.endsWith("*") && words(token).length === 1) {
      terms.push({ kind: "prefix", prefix: words(token)[0] ?? "" });
    } else {
      for (const word of words(token)) terms.push({ kind: "word", stem: stem(word) });
    }
  }
  return terms;
}

function termMatches(term: Term, textWords: string[], stems: string[]): boolean {
  switch (term.kind) {
    case "word":
      return stems.includes(term.stem);
    case "prefix":
      return textWords.some((word) => word.startsWith(term.prefix));
    case "phrase":
      return stems.some((_, start) => term.stems.every((s, i) => stems[start + i] === s));
  }
}

/** Whether every term of `query` occurs in one of `texts` (terms may match in different texts). */
export function matchesText(query: string, texts: readonly string[]): boolean {
  const terms = parseTextQuery(query);
  if (terms.length === 0) {
    return false;
  }
  const perText = texts.map((text) => {
    const textWords = words(text);
    return { textWords, stems: textWords.map(stem) };
  });
  return terms.every((term) =>
    perText.some(({ textWords, stems }) => termMatches(term, textWords, stems))
  );
}
