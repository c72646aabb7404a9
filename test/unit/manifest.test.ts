import { readFileSync } from "node:fs";
import path from "node:path";
import { manifestVersionOf, renderManifest } from "../../src/admin/manifest";
import { validateManifestXml } from "../support/xml-schema";

const template = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("validates against Microsoft's XSD offline", async () => {
    expect(await validateManifestXml(template)).toMatch(/validates/);
  });

  it("asks for Mailbox 1.5, a pinnable task pane on the read surface, and the 16–128 px icons", () => {
    expect(template).toContain('<Set Name="Mailbox" MinVersion="1.5"/>');
    expect(template).toContain('<ExtensionPoint xsi:type="MessageReadCommandSurface">');
    expect(template).toContain("<SupportsPinning>true</SupportsPinning>");
    expect(template).toContain('<bt:String id="TaskpaneButton.Label" DefaultValue="Jira"/>');
    for (const size of [16, 32, 64, 80, 128]) {
      expect(template).toContain(`assets/icon-${size}.png`);
      expect(
        readFileSync(path.resolve(__dirname, `../../assets/icon-${size}.png`))
          .subarray(1, 4)
          .toString()
      ).toBe("PNG");
    }
  });
});

describe("renderManifest", () => {
  const options = {
    addinUrl: "https://addin.contoso.com/outlook/",
    jiraUrl: "https://jira.contoso.com:8443/jira",
  };

  it("points every URL at the add-in host and puts Jira's origin in AppDomains", async () => {
    const xml = renderManifest(template, options);
    expect(xml).not.toContain("localhost");
    expect(xml).not.toContain("jira.example.com");
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://addin.contoso.com/outlook/taskpane.html"/>'
    );
    expect(xml).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://addin.contoso.com/outlook/taskpane.html"/>'
    );
    expect(xml).toContain("<AppDomain>https://addin.contoso.com</AppDomain>");
    expect(xml).toContain("<AppDomain>https://jira.contoso.com:8443</AppDomain>");
    expect(await validateManifestXml(xml)).toMatch(/validates/);
  });

  it("drops the placeholder Jira domain when no Jira URL is configured, and stays valid", async () => {
    const xml = renderManifest(template, { addinUrl: "https://localhost:3000" });
    expect(xml).not.toContain("jira.example.com");
    expect(await validateManifestXml(xml)).toMatch(/validates/);
  });

  it("sets the version from package.json", () => {
    const xml = renderManifest(template, {
      ...options,
      version: manifestVersionOf("2.3.4-beta.1"),
    });
    expect(xml).toContain("<Version>2.3.4.0</Version>");
  });

  it.each([
    ["http://addin.contoso.com", "must use https"],
    ["addin.contoso.com", "is not an absolute URL"],
    ["https://addin.contoso.com/?x=1", "must not contain a query"],
  ])("refuses ADDIN_URL %s with a message naming the fix", (addinUrl, message) => {
    expect(() => renderManifest(template, { addinUrl })).toThrow(
      expect.objectContaining({
        name: "ConfigError",
        code: "addin_url_invalid",
        message: expect.stringContaining(message),
      })
    );
  });

  it("refuses a Jira URL that is not http(s)", () => {
    expect(() =>
      renderManifest(template, { addinUrl: "https://a.example", jiraUrl: "ftp://jira" })
    ).toThrow(expect.objectContaining({ code: "jira_url_invalid" }));
  });

  it("escapes XML special characters in URLs", async () => {
    const xml = renderManifest(template, { addinUrl: "https://a.example/x&y" });
    expect(xml).toContain("https://a.example/x&amp;y/taskpane.html");
    expect(await validateManifestXml(xml)).toMatch(/validates/);
  });
});
