// Each HTML construct the converter knows, over a table of cases: HTML in, exact Jira wiki markup out.
import { markupOf } from "./support/convert";

describe("HTML → Jira wiki markup", () => {
  it.each([
    // Headings and paragraphs
    ["h1", "<h1>Title</h1><p>text</p>", "h1. Title\n\ntext"],
    [
      "h2–h6",
      "<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6>",
      "h2. a\n\nh3. b\n\nh4. c\n\nh5. d\n\nh6. e",
    ],
    ["heading with formatting", "<h2><b>Big</b> news</h2>", "h2. *Big* news"],
    ["empty heading", "<h3> </h3><p>x</p>", "x"],
    ["paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"],
    [
      "divs are lines",
      "<div>one</div><div>two</div><div><div>three</div></div>",
      "one\ntwo\nthree",
    ],
    ["empty div line", "<div>one</div><div><br></div><div>two</div>", "one\n\ntwo"],
    // Text effects
    ["bold", "<p>a <b>bold</b> and <strong>strong</strong></p>", "a *bold* and *strong*"],
    ["italic", "<p>a <i>it</i> and <em>em</em></p>", "a _it_ and _em_"],
    ["underline", "<p>a <u>under</u> and <ins>ins</ins></p>", "a +under+ and +ins+"],
    ["strike", "<p>a <s>s</s> <strike>st</strike> <del>del</del></p>", "a -s- -st- -del-"],
    ["superscript", "<p>see note <sup>1</sup></p>", "see note ^1^"],
    ["subscript", "<p>value <sub>n</sub></p>", "value ~n~"],
    ["nested effects", "<p><b><i>both</i></b> done</p>", "*_both_* done"],
    ["inline code", "<p>run <code>npm ci</code> now</p>", "run {{npm ci}} now"],
    ["bold with inner spaces", "<p>a<b> x </b>b</p>", "a *x* b"],
    ["empty bold vanishes", "<p>a<b></b>b</p>", "ab"],
    ["bold around whitespace vanishes", "<p>a<b> </b>b</p>", "a b"],
    ["bold inside a word stays plain", "<p>un<b>believ</b>able</p>", "unbelievable"],
    ["bold across a line break", "<p><b>one<br>two</b></p>", "*one*\n*two*"],
    ["bold holding its own delimiter", "<p><b>5 * 3</b></p>", "5 * 3"],
    ["bold next to punctuation", "<p>(<b>note</b>): done</p>", "(*note*): done"],
    // Links
    [
      "http link",
      '<p><a href="https://example.com/a">docs</a></p>',
      "[docs|https://example.com/a]",
    ],
    [
      "link text equal to the URL",
      '<p><a href="https://example.com/">https://example.com</a></p>',
      "[https://example.com/]",
    ],
    [
      "mailto link",
      '<p><a href="mailto:sam@contoso.example">sam@contoso.example</a></p>',
      "[mailto:sam@contoso.example]",
    ],
    [
      "mailto link with a name",
      '<p><a href="mailto:sam@contoso.example">Sam</a></p>',
      "[Sam|mailto:sam@contoso.example]",
    ],
    [
      "bold link",
      '<p><a href="https://example.com/"><b>Read</b></a></p>',
      "[*Read*|https://example.com/]",
    ],
    [
      "link text with brackets and pipes",
      '<p><a href="https://example.com/">a [b] | c</a></p>',
      "[a (b) / c|https://example.com/]",
    ],
    [
      "URL with brackets and pipes",
      '<p><a href="https://example.com/a[1]|b{c}">x</a></p>',
      "[x|https://example.com/a%5B1%5D%7Cb%7Bc%7D]",
    ],
    ["javascript: link", '<p><a href="javascript:alert(1)">click</a></p>', "click"],
    ["JaVaScRiPt with tab", '<p><a href="  java\tscript:alert(1)">click</a></p>', "click"],
    ["data: link", '<p><a href="data:text/html,&lt;script&gt;">open</a></p>', "open"],
    ["vbscript: link", '<p><a href="vbscript:msgbox(1)">run</a></p>', "run"],
    ["file: link", '<p><a href="file:///C:/secret.txt">file</a></p>', "file"],
    ["relative link", '<p><a href="/reset">reset</a></p>', "reset"],
    [
      "safe links unwrapped",
      '<p><a href="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fstatus.example.com%2Fx%3Fa%3D1&amp;data=05%7C02">status</a></p>',
      "[status|https://status.example.com/x?a=1]",
    ],
    [
      "safe links to javascript:",
      '<p><a href="https://nam02.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)&amp;data=1">x</a></p>',
      "x",
    ],
    [
      "link around nothing visible",
      '<p>a <a href="https://t.example/c"><img src="https://t.example/p.gif" width="1" height="1"></a> b</p>',
      "a b",
    ],
    // Lists
    ["bullet list", "<ul><li>one</li><li>two</li></ul>", "* one\n* two"],
    ["numbered list", "<ol><li>one</li><li>two</li></ol>", "# one\n# two"],
    [
      "nested bullets",
      "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>",
      "* a\n** b\n*** c\n* d",
    ],
    ["nested numbers", "<ol><li>a<ol><li>b</li></ol></li></ol>", "# a\n## b"],
    [
      "mixed nesting",
      "<ol><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ol>",
      "# a\n#* b\n#* c\n# d",
    ],
    ["list directly inside a list", "<ul><li>a</li><ul><li>b</li></ul></ul>", "* a\n** b"],
    ["list item with paragraphs", "<ul><li><p>one</p><p>two</p></li></ul>", "* one \\\\ two"],
    [
      "list item text that looks like a list",
      "<ul><li>* star</li><li># hash</li></ul>",
      "* \\* star\n* \\# hash",
    ],
    [
      "list between paragraphs",
      "<p>before</p><ul><li>x</li></ul><p>after</p>",
      "before\n\n* x\n\nafter",
    ],
    // Tables
    [
      "table with a header row",
      "<table><tr><th>Night</th><th>Result</th></tr><tr><td>Mon</td><td>OK</td></tr></table>",
      "||Night||Result||\n|Mon|OK|",
    ],
    [
      "table without header (Outlook)",
      "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>",
      "|a|b|\n|c|d|",
    ],
    [
      "thead and tbody",
      "<table><thead><tr><th>h</th><th>i</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
      "||h||i||\n|1|2|",
    ],
    ["row mixing th and td", "<table><tr><th>k</th><td>v</td></tr></table>", "|k|v|"],
    [
      "pipes and breaks in cells",
      "<table><tr><td>a|b</td><td>x<br>y</td></tr></table>",
      "|a\\|b|x \\\\ y|",
    ],
    [
      "paragraphs in cells",
      "<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>",
      "|a \\\\ b|c|",
    ],
    ["empty cell", "<table><tr><td></td><td>b</td></tr></table>", "| |b|"],
    [
      "colspan",
      '<table><tr><td>a</td><td>b</td></tr><tr><td colspan="2">c</td></tr></table>',
      "|a|b|\n|c| |",
    ],
    [
      "single-cell layout table",
      "<table><tr><td><p>Hello</p><p>World</p></td></tr></table>",
      "Hello\n\nWorld",
    ],
    ["one-column layout table", "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>", "a\nb"],
    [
      "presentation table",
      '<table role="presentation"><tr><td>left</td><td>right</td></tr></table>',
      "left\nright",
    ],
    [
      "table in a layout table",
      "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>",
      "|a|b|",
    ],
    [
      "table in a data cell",
      "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr></table>",
      "|a b|c|",
    ],
    [
      "list in a cell",
      "<table><tr><td><ul><li>a</li><li>b</li></ul></td><td>c</td></tr></table>",
      "|* a \\\\ * b|c|",
    ],
    // Blocks
    [
      "blockquote",
      "<p>answer</p><blockquote><p>question</p></blockquote>",
      "answer\n\n{quote}\nquestion\n{quote}",
    ],
    [
      "nested blockquote",
      "<blockquote>a<blockquote>b</blockquote>c</blockquote>",
      "{quote}\na\nb\nc\n{quote}",
    ],
    [
      "pre",
      "<pre>line 1\n  *indented* {x}\n</pre>",
      "{noformat}\nline 1\n  *indented* {x}\n{noformat}",
    ],
    ["pre with code", "<pre><code>a &lt; b</code></pre>", "{noformat}\na < b\n{noformat}"],
    ["pre holding {noformat}", "<pre>x {noformat} y</pre>", "x \\{noformat\\} y"],
    ["pre with br", "<pre>a<br>b</pre>", "{noformat}\na\nb\n{noformat}"],
    ["br", "<p>one<br>two<br><br>three</p>", "one\ntwo\n\nthree"],
    ["hr", "<p>a</p><hr><p>b</p>", "a\n\n----\n\nb"],
    // Escaping
    [
      "markup characters in text",
      "<p>*not bold* _not em_ {color:red} [not|link] !not.png!</p>",
      "\\*not bold* \\_not em_ \\{color:red\\} \\[not\\|link\\] \\!not.png!",
    ],
    [
      "line-start markup in text",
      "<p># one</p><p>* two</p><p>- three</p><p>h1. four</p><p>bq. five</p><p>----</p>",
      "\\# one\n\n\\* two\n\n\\- three\n\nh1&#46; four\n\nbq&#46; five\n\n\\----",
    ],
    [
      "ordinary punctuation stays",
      "<p>Hi! C++ 2024-06-01 snake_case a - b 50%</p>",
      "Hi! C++ 2024-06-01 snake_case a - b 50%",
    ],
    ["entities in text", "<p>&lt;script&gt; &amp;copy; AT&amp;T</p>", "<script> &amp;copy; AT&T"],
    ["no-break spaces", "<p>a&nbsp;&nbsp;&nbsp;b</p>", "a b"],
  ])("%s", (_name, html, expected) => {
    expect(markupOf(html)).toBe(expected);
  });
});
