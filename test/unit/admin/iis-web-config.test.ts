/**
 * The IIS recipe of docs/deployment.md can't run here (no IIS), so its web.config is checked as a
 * document: well-formed XML, the relay rule, and the same security headers the add-in server and
 * the tested nginx recipe send (src/server/security-headers.ts), so the three stay in step.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { CONTENT_SECURITY_POLICY } from "../../../src/server/security-headers";
import { JSDOM } from "../ui/description-preview/jsdom";

const doc = readFileSync(path.resolve(__dirname, "../../../docs/deployment.md"), "utf8");

function webConfig(): Document {
  const block = /```xml\n(<\?xml[\s\S]*?<configuration>[\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/deployment.md has no ```xml web.config block");
  // An XML parser: a mistyped tag or quote in the document fails here, as IIS would refuse it.
  const { document } = new JSDOM(block, { contentType: "application/xml" }).window;
  if (document.querySelector("parsererror")) {
    throw new Error("the web.config is not well-formed XML");
  }
  return document;
}

/** The customHeaders directly under system.webServer (not a <location>'s). */
function siteHeaders(config: Document): Record<string, string> {
  const headers: Record<string, string> = {};
  const site = [...config.documentElement.children].find(
    (child) => child.tagName === "system.webServer"
  );
  for (const add of site?.querySelectorAll(":scope > httpProtocol > customHeaders > add") ?? []) {
    headers[add.getAttribute("name") ?? ""] = add.getAttribute("value") ?? "";
  }
  return headers;
}

describe("the IIS web.config of docs/deployment.md", () => {
  it("is well-formed and relays /jira/ to Jira", () => {
    const rule = webConfig().querySelector('rule[name="Jira relay"]');
    expect(rule?.querySelector("match")?.getAttribute("url")).toBe("^jira/(.*)");
  });

  it("sends the add-in server's security headers on every response", () => {
    expect(siteHeaders(webConfig())).toEqual({
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
  });
});
