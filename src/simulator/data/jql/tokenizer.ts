/**
 * JQL tokens. Quoted strings use `"` or `'` with backslash escapes; an unquoted word runs until
 * whitespace or one of JQL's reserved punctuation characters, so `SUP-12`, `-7d` and
 * `currentUser` are single words. Keywords (AND, OR, IN …) are recognised by the parser, not
 * here, because a quoted "AND" is a value.
 */
import { JqlError } from "./jql-error";

export type TokenKind =
  "word" | "string" | "operator" | "and" | "or" | "lparen" | "rparen" | "comma" | "eof";

export interface Token {
  kind: TokenKind;
  /** The value (unescaped for strings) or the operator / punctuation text. */
  text: string;
  /** 0-based character offset in the query. */
  position: number;
}

const OPERATORS = ["!=", "!~", ">=", "<=", "=", "~", ">", "<"];
const RESERVED = new Set([..."\"'=!<>~(),&|"]);
const ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  '"': '"',
  "'": "'",
  "\\": "\\",
  " ": " ",
};

/** Splits `jql` into tokens, ending with an `eof` token. */
export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const char = jql[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const start = i;
    if (char === '"' || char === "'") {
      const [text, end] = readQuoted(jql, i);
      tokens.push({ kind: "string", text, position: start });
      i = end;
      continue;
    }
    const operator = OPERATORS.find((op) => jql.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: "operator", text: operator, position: start });
      i += operator.length;
      continue;
    }
    if (char === "&" || char === "|") {
      const doubled = jql[i + 1] === char;
      tokens.push({
        kind: char === "&" ? "and" : "or",
        text: doubled ? char + char : char,
        position: start,
      });
      i += doubled ? 2 : 1;
      continue;
    }
    const punctuation = { "(": "lparen", ")": "rparen", ",": "comma" } as const;
    if (char in punctuation) {
      tokens.push({
        kind: punctuation[char as keyof typeof punctuation],
        text: char,
        position: start,
      });
      i += 1;
      continue;
    }
    if (char === "!") {
      throw JqlError.syntax(
        `The character '!' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0021' instead.`,
        i
      );
    }
    while (i < jql.length && !/\s/.test(jql[i] as string) && !RESERVED.has(jql[i] as string)) {
      i += 1;
    }
    tokens.push({ kind: "word", text: jql.slice(start, i), position: start });
  }
  tokens.push({ kind: "eof", text: "", position: jql.length });
  return tokens;
}

/** Reads a quoted string starting at `start`; returns its unescaped text and the index after it. */
function readQuoted(jql: string, start: number): [string, number] {
  const quote = jql[start];
  let text = "";
  let i = start + 1;
  while (i < jql.length) {
    const char = jql[i] as string;
    if (char === quote) {
      return [text, i + 1];
    }
    if (char === "\\") {
      const next = jql[i + 1] ?? "";
      if (next === "u" && /^[0-9a-fA-F]{4}$/.test(jql.slice(i + 2, i + 6))) {
        text += String.fromCharCode(parseInt(jql.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        throw JqlError.syntax(
          `The escape sequence '\\${next}' in the string '${jql.slice(start + 1, i)}' is illegal.`,
          i
        );
      }
      text += escaped;
      i += 2;
      continue;
    }
    text += char;
    i += 1;
  }
  throw JqlError.syntax(
    `The quoted string '${jql.slice(start + 1)}' has not been completed.`,
    start
  );
}
