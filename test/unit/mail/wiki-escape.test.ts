import {
  escapeWikiInline,
  escapeWikiText,
  LINE_CONTEXT,
  UNKNOWN_CONTEXT,
} from "../../../src/mail/wiki-escape";
import {
  afterBackslashEscapes,
  decodeCharacterReferences,
  jiraEffectsIn,
} from "./support/jira-phrases";

describe("escapeWikiText on a whole line", () => {
  it.each([
    // Plain text that can't become markup stays readable
    ["Hello world", "Hello world"],
    ["Thanks!", "Thanks!"],
    ["C++ and C#", "C++ and C#"],
    ["2024-06-01 and snake_case_name", "2024-06-01 and snake_case_name"],
    ["a - b + c ^ d ~ e", "a - b + c ^ d ~ e"],
    ["x*y and 3*4", "x*y and 3*4"],
    // Phrase effects: every delimiter that could open one is escaped
    ["*bold*", "\\*bold*"],
    ["a _em_ b", "a \\_em_ b"],
    ["a -del- b", "a \\-del- b"],
    ["a +ins+ b", "a \\+ins+ b"],
    ["a ^sup^ b", "a \\^sup^ b"],
    ["a ~sub~ b", "a \\~sub~ b"],
    ["(*x*)", "(\\*x*)"],
    ["a ??cite?? b", "a \\??cite?? b"],
    ["What?? No.", "What?? No."],
    // Doubled delimiters: escaping only the second would leave the first followed by "\\", a
    // non-space, so it would open ("_\\_init__" is Jira's "<em>_init</em>_"): the run goes whole.
    ["__init__", "\\_\\_init__"],
    ["call __init__() now", "call \\_\\_init_\\_() now"],
    ["**x**", "\\*\\*x**"],
    ["a --x-- b", "a \\-\\-x-- b"],
    ["--x--", "\\-\\-x--"],
    ["++x++", "\\+\\+x++"],
    ["^^x^^", "\\^\\^x^^"],
    ["~~x~~", "\\~\\~x~~"],
    ["!!x!!", "\\!\\!x!!"],
    ["***x***", "\\*\\*\\*x***"],
    ["snake__case__name", "snake_\\_case_\\_name"],
    ["a ????x???? b", "a \\?\\?\\??x???? b"],
    ["a???b???c", "a?\\??b?\\??c"],
    ["What??? No.", "What??? No."],
    ["a -- b ** c", "a -- b ** c"],
    // A no-break space is no space to Jira's phrase patterns (Java's \\s is ASCII).
    ["*\u00A0x*", "\\*\u00A0x*"],
    // Images and links, macros, tables, mentions
    ["!image.png!", "\\!image.png!"],
    ["see !http://tracker.example/p.gif!", "see \\!http://tracker.example/p.gif!"],
    ["[evil|javascript:alert(1)]", "\\[evil\\|javascript:alert(1)\\]"],
    ["[~admin]", "\\[\\~admin\\]"],
    ["{color:red}x{color}", "\\{color:red\\}x\\{color\\}"],
    ["{{mono}}", "\\{\\{mono\\}\\}"],
    ["{html}<script>{html}", "\\{html\\}<script>\\{html\\}"],
    ["a | b", "a \\| b"],
    ["||head||", "\\|\\|head\\|\\|"],
    // Line starts: lists, headings, quotes, rules
    ["* item", "\\* item"],
    ["# item", "\\# item"],
    ["- item", "\\- item"],
    ["** nested", "\\** nested"],
    ["#* mixed", "\\#* mixed"],
    ["  * indented", "  \\* indented"],
    ["h1. Heading", "h1&#46; Heading"],
    ["H3. Heading", "H3&#46; Heading"],
    ["bq. quote", "bq&#46; quote"],
    ["h1.5 is a version", "h1.5 is a version"],
    ["----", "\\----"],
    ["------------", "\\------------"],
    ["-- ", "\\-- "],
    ["#4711 is the order", "#4711 is the order"],
    // Backslashes, entities, emoticons
    ["C:\\Users\\me", "C:\\Users\\me"],
    ["\\\\server\\share", "&#92;\\server\\share"],
    // The backslash is "&#92;" for Jira: its ";" doesn't stop the "*" from opening, so it is escaped
    // (this case was "a\\*b" → "a&#92;*b" before, which Jira renders as "a\\" and bold "b").
    ["a\\*b*", "a&#92;\\*b*"],
    ["end\\", "end\\"],
    ["AT&T &amp; &copy; &#169;", "AT&T &amp;amp; &amp;copy; &amp;#169;"],
    ["yes (y) no (n) info (i) (on) (flag)", "yes \\(y) no \\(n) info \\(i) \\(on) \\(flag)"],
    ["(see below)", "(see below)"],
  ])("%j → %j", (text, expected) => {
    expect(escapeWikiText(text, LINE_CONTEXT)).toBe(expected);
  });
});

describe("escapeWikiText with neighbours", () => {
  it("escapes a delimiter at the end when what follows is unknown (other markup may come)", () => {
    expect(escapeWikiText("Hi !", UNKNOWN_CONTEXT)).toBe("Hi \\!");
    expect(escapeWikiText("Hi !", { before: "\n", after: "\n" })).toBe("Hi !");
    expect(escapeWikiText("end\\", UNKNOWN_CONTEXT)).toBe("end&#92;");
  });

  it("treats the start as a line start when the neighbour is unknown", () => {
    expect(escapeWikiText("# x", UNKNOWN_CONTEXT)).toBe("\\# x");
    expect(escapeWikiText("# x", { before: "a", after: null })).toBe("# x");
  });

  it("looks at the character before the text for an opener", () => {
    expect(escapeWikiText("*x", { before: "a", after: "\n" })).toBe("*x");
    expect(escapeWikiText("*x", { before: " ", after: "\n" })).toBe("\\*x");
  });

  it("escapes a run that goes on in the next text, whose first delimiter may be escaped", () => {
    expect(escapeWikiText(" _", { before: "\n", after: "_" })).toBe(" \\_");
    expect(escapeWikiText("_init__", { before: "_", after: "\n" })).toBe("\\_init__");
    expect(escapeWikiText("a?", { before: "\n", after: "?" })).toBe("a?");
    expect(escapeWikiText("?x", { before: "?", after: "\n" })).toBe("\\?x");
  });

  it("treats each line of a multi-line text separately", () => {
    expect(escapeWikiText("a\n* b\nh2. c", LINE_CONTEXT)).toBe("a\n\\* b\nh2&#46; c");
  });
});

describe("escapeWikiInline", () => {
  it("puts the value on one line before escaping, so it can't start a line of markup", () => {
    expect(escapeWikiInline("Evil\nh1. Big\r\n* list")).toBe("Evil h1. Big * list");
    expect(escapeWikiInline("[evil|javascript:alert(1)]")).toBe("\\[evil\\|javascript:alert(1)\\]");
    expect(escapeWikiInline("  *x*  ")).toBe("\\*x*");
  });
});

/** Every string of up to `maxLength` characters from `alphabet`. */
function* allStrings(alphabet: readonly string[], maxLength: number): Generator<string> {
  let current = [""];
  for (let length = 1; length <= maxLength; length += 1) {
    const next: string[] = [];
    for (const prefix of current) for (const char of alphabet) next.push(prefix + char);
    yield* next;
    current = next;
  }
}

/** The delimiters, a letter, a space and a backslash: every way two delimiters can meet. */
const TRICKY = ["_", "*", "?", "-", "!", "\\", "a", " "];

describe("escaped text against Jira's own patterns (test/unit/mail/support/jira-phrases.ts)", () => {
  it("the model sees what the old escaping let through", () => {
    expect(jiraEffectsIn("_\\_init__")).toEqual(["emphasis _: &#95;init"]);
    expect(jiraEffectsIn("a&#92;*b*")).toEqual(["strong *: b"]);
    expect(jiraEffectsIn("??\\??x????")).toEqual(["citation ??: &#63;?x"]);
    expect(jiraEffectsIn("\\_\\_init__")).toEqual([]);
  });

  it("no string of up to 5 tricky characters opens an effect, and each reads as it was", () => {
    const failures: string[] = [];
    for (const text of allStrings(TRICKY, 5)) {
      const escaped = escapeWikiText(text, LINE_CONTEXT);
      const effects = jiraEffectsIn(escaped);
      const shown = decodeCharacterReferences(afterBackslashEscapes(escaped));
      if (effects.length > 0 || shown !== text) {
        failures.push(`${JSON.stringify(text)} → ${JSON.stringify(escaped)}: ${effects.join()}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("nor when the text is split in two, each part escaped knowing its neighbours", () => {
    // As escape-text-nodes.ts escapes "<b>a _</b>_init" text node by text node.
    const failures: string[] = [];
    for (const text of allStrings(TRICKY, 5)) {
      for (let cut = 1; cut < text.length; cut += 1) {
        const left = text.slice(0, cut);
        const right = text.slice(cut);
        const escaped =
          escapeWikiText(left, { before: "\n", after: right[0] as string }) +
          escapeWikiText(right, { before: left[left.length - 1] as string, after: "\n" });
        const effects = jiraEffectsIn(escaped);
        if (effects.length > 0) {
          failures.push(
            `${JSON.stringify([left, right])} → ${JSON.stringify(escaped)}: ${effects.join()}`
          );
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
