/**
 * A small stand-in for Jira's Lucene text search (JQL `~`, the issue picker): words are split on
 * anything that is not a letter or digit, compared case-insensitively after light English
 * stemming ("drops" finds "drop"), `word*` matches a prefix, and a quoted phrase inside the value
 * must appear as consecutive words. All terms must match, as in Jira's `summary ~ "vpn hour"`.
 * {@link isReadableTextQuery} refuses what Lucene's query parser could not read.
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

// Lucene query syntax that is an error unless escaped with a backslash (or balanced and meaningful,
// which the simulator doesn't search with): grouping, ranges, boosts, fuzziness, field names,
// regular expressions. Jira's list of these characters: "Escaping special characters" in
// confluence.atlassian.com/jirasoftwareserver/search-syntax-for-text-fields-939938747.html.
const LUCENE_SYNTAX = new Set([..."()[]{}^~:/"]);
const PREFIX_OPERATORS = new Set([..."+-!"]);
const BINARY_OPERATORS = new Set(["AND", "OR", "&&", "||"]);

/**
 * Whether Jira's Lucene query parser could read a `~` value: no unescaped grouping, range, boost,
 * fuzzy, field or regex syntax outside a quoted phrase, no `+`/`-`/`!` without a term after it, no
 * trailing `\`, no unclosed phrase, no AND/OR without a term on both sides. Stricter than Lucene
 * where Lucene would accept balanced syntax the simulator doesn't search with: what passes here
 * passes on Jira.
 */
export function isReadableTextQuery(query: string): boolean {
  let inPhrase = false;
  let termStart = true;
  for (let i = 0; i < query.length; i++) {
    const char = query[i] as string;
    if (char === "\\") {
      if (i + 1 >= query.length) return false;
      i += 1;
      termStart = false;
      continue;
    }
    if (char === '"') {
      inPhrase = !inPhrase;
      termStart = !inPhrase;
      continue;
    }
    if (inPhrase) continue;
    if (/\s/.test(char)) {
      termStart = true;
      continue;
    }
    if (LUCENE_SYNTAX.has(char)) return false;
    if (termStart && PREFIX_OPERATORS.has(char)) {
      const next = query[i + 1];
      if (next === undefined || /\s/.test(next) || PREFIX_OPERATORS.has(next)) return false;
      continue;
    }
    termStart = false;
  }
  if (inPhrase) return false;
  const outside = query
    .replace(/"[^"]*"/g, " x ")
    .split(/\s+/)
    .filter((token) => token !== "");
  const first = outside[0] ?? "";
  const last = outside[outside.length - 1] ?? "";
  return !BINARY_OPERATORS.has(first) && !BINARY_OPERATORS.has(last) && last !== "NOT";
}
