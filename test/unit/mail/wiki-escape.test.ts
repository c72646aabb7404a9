import {
  escapeWikiInline,
  escapeWikiText,
  LINE_CONTEXT,
  UNKNOWN_CONTEXT,
} from "../../../src/mail/wiki-escape";

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
    ["a\\*b", "a&#92;*b"],
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
