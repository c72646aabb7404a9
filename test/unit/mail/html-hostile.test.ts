// Hostile HTML: nothing from the email runs, loads, or turns into Jira markup.
import { markupOf } from "./support/convert";

describe("hostile HTML", () => {
  it.each([
    ["script", "<p>a</p><script>alert('x')</script><p>b</p>", "a\n\nb"],
    ["onerror attribute", '<p>a<img src="x" onerror="alert(1)" alt="x">b</p>', "ab"],
    ["onclick and style", '<p onclick="alert(1)" style="color:red">text</p>', "text"],
    ["base href", '<base href="https://evil.example/"><p><a href="/login">login</a></p>', "login"],
    [
      "form controls",
      '<form action="https://evil.example/steal"><label>Password</label><input name="pw" value="secret"><select><option>opt</option></select><textarea>ta</textarea><button>Send</button></form>',
      "Password",
    ],
    [
      "svg with script",
      '<p>a</p><svg><script>alert(1)</script><text>svg text</text><a href="https://x.example">l</a></svg><p>b</p>',
      "a\n\nb",
    ],
    [
      "iframe, object, embed",
      '<iframe src="https://evil.example">f</iframe><object data="x.swf">o</object><embed src="x.swf"><p>ok</p>',
      "ok",
    ],
    [
      "style and link",
      '<style>p{background:url(https://t.example/bg)}</style><link rel="stylesheet" href="https://t.example/s.css"><p>ok</p>',
      "ok",
    ],
    [
      "meta refresh",
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>ok</p>',
      "ok",
    ],
    [
      "hidden preheader",
      '<span style="display:none">hidden preheader</span><div style="mso-hide:all">mso hidden</div><p hidden>gone</p><p>shown</p>',
      "shown",
    ],
    [
      "noscript and template",
      "<noscript>ns</noscript><template><p>tpl</p></template><p>ok</p>",
      "ok",
    ],
    [
      "Jira macros in text",
      "<p>{html}&lt;script&gt;alert(1)&lt;/script&gt;{html}</p>",
      "\\{html\\}<script>alert(1)</script>\\{html\\}",
    ],
    [
      "Jira link in text",
      "<p>[click|javascript:alert(1)]</p>",
      "\\[click\\|javascript:alert(1)\\]",
    ],
    [
      "Jira image in text",
      "<p>!https://tracker.example/pixel.gif!</p>",
      "\\!https://tracker.example/pixel.gif!",
    ],
    [
      "comments and conditional comments",
      "<!--[if mso]><p>mso only</p><![endif]--><p>ok<!-- secret --></p>",
      "ok",
    ],
    ["list sentinels in text", "<ul><li>a\u0001b\u0002c</li></ul>", "* abc"],
  ])("%s", (_name, html, expected) => {
    expect(markupOf(html)).toBe(expected);
  });
});
