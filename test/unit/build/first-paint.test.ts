/**
 * What counts as the pane's first paint (bench/first-paint.ts), read from a small built folder
 * written here: the files taskpane.html loads by itself, office.js apart, import() chunks apart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { gzipSize, pageAssets, readFirstPaint } from "../../../bench/first-paint";

let outDir: string;

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
  writeFileSync(path.join(outDir, file), content);
}

beforeEach(() => {
  outDir = mkdtempSync(path.join(tmpdir(), "first-paint-unit-"));
});
afterEach(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe("pageAssets", () => {
  it("lists script sources and style sheets in page order, not icons or inline scripts", () => {
    const html =
      "<!doctype html><html><head><script src=office-js/office.js></script>" +
      '<link rel=icon href=icon-16.png><link rel="preload stylesheet" href=a.css>' +
      "<script>inline()</script><script defer src=taskpane.1234abcd.js></script></head></html>";
    expect(pageAssets(html)).toEqual({
      scripts: ["office-js/office.js", "taskpane.1234abcd.js"],
      styles: ["a.css"],
    });
  });
});

describe("readFirstPaint", () => {
  beforeEach(() => {
    write(
      "taskpane.html",
      "<script src=office-js/office.js></script><link rel=stylesheet href=taskpane.1111aaaa.css>" +
        "<script defer src=taskpane.2222bbbb.js></script>"
    );
    write("callback.html", "<script defer src=callback.3333cccc.js></script>");
    write("preview/taskpane.html", "<script defer src=../office-standin.4444dddd.js></script>");
    write("office-js/office.js", "var Office = {};".repeat(50));
    write("taskpane.2222bbbb.js", "console.log('pane');".repeat(200));
    write("taskpane.1111aaaa.css", "body{margin:0}");
    write("callback.3333cccc.js", "console.log('callback');");
    write("office-standin.4444dddd.js", "console.log('stand-in');");
    write("email-converter.5555eeee.js", "console.log('lazy');".repeat(10));
    write("taskpane.2222bbbb.js.LICENSE.txt", "MIT");
  });

  it("counts the pane's own scripts and styles, office.js apart", () => {
    const firstPaint = readFirstPaint(outDir);
    expect(firstPaint.js.map((file) => file.file)).toEqual(["taskpane.2222bbbb.js"]);
    expect(firstPaint.css.map((file) => file.file)).toEqual(["taskpane.1111aaaa.css"]);
    expect(firstPaint.officeJs).toEqual({
      file: "office-js/office.js",
      bytes: 800,
      gzipBytes: gzipSize("var Office = {};".repeat(50)),
    });
    expect(firstPaint.gzipJsBytes).toBe(gzipSize("console.log('pane');".repeat(200)));
    expect(firstPaint.gzipCssBytes).toBe(gzipSize("body{margin:0}"));
    // The budget counts both.
    expect(firstPaint.gzipBytes).toBe(firstPaint.gzipJsBytes + firstPaint.gzipCssBytes);
  });

  it("lists as lazy only the chunks no page loads by itself", () => {
    expect(readFirstPaint(outDir).lazy.map((file) => file.file)).toEqual([
      "email-converter.5555eeee.js",
    ]);
  });

  it("says what to do when the folder holds no build", () => {
    rmSync(path.join(outDir, "taskpane.html"));
    expect(() => readFirstPaint(outDir)).toThrow(/taskpane\.html is missing: build the add-in/);
  });

  it("refuses a page that loads the pane's code from elsewhere", () => {
    write("taskpane.html", "<script src=https://cdn.example/taskpane.js></script>");
    expect(() => readFirstPaint(outDir)).toThrow(
      /loads https:\/\/cdn\.example\/taskpane\.js from elsewhere/
    );
  });
});

describe("gzipSize", () => {
  it("is the length of a level-9 gzip of the content", () => {
    const text = "abc".repeat(1000);
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).length);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });
});
