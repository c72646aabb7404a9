import { readFileSync } from "node:fs";
import path from "node:path";
import { manifestVersionOf, renderManifest } from "../../src/admin/manifest";
import { validateManifestXml } from "../support/xml-schema";
import { parseXml } from "./support/parse-xml";

const template = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("validates against Microsoft's XSD offline", async () => {
    expect(await validateManifestXml(template)).toMatch(/validates/);
  });

  it("asks for Mailbox 1.5, a pinnable task pane on the read surface, and the 16–128 px icons", () => {
    expect(template).toContain('<Set Name="Mailbox" MinVersion="1.5"/>');
    expect(template).toContain('<ExtensionPoint xsi:type="MessageReadCommandSurface">');
    expect(template).toContain("<SupportsPinning>true</SupportsPinning>");
    expect(template).toContain('<bt:String id="TaskpaneButton.Label" DefaultValue="Jira">');
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

const MANIFEST_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BASIC_TYPES_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const LOCALES = ["de-DE", "fr-FR"] as const;
/**
 * The regional variants Outlook may report: the pane speaks German or French for them
 * (src/i18n/locale.ts), and an Override matches its Locale only, so each gets the same strings.
 */
const VARIANTS: Record<(typeof LOCALES)[number], string[]> = {
  "de-DE": ["de-AT", "de-CH"],
  "fr-FR": ["fr-CA", "fr-BE", "fr-CH"],
};
const ALL_LOCALES = [...LOCALES, ...Object.values(VARIANTS).flat()];

/** Every string Outlook shows: DisplayName, Description, and each resource string by its id. */
function localizableStrings(xml: string): Element[] {
  const document = parseXml(xml);
  const top = ["DisplayName", "Description"].map((name) => {
    const element = document.getElementsByTagNameNS(MANIFEST_NS, name)[0];
    if (!element) throw new Error(`manifest.xml has no <${name}>`);
    return element;
  });
  return [...top, ...Array.from(document.getElementsByTagNameNS(BASIC_TYPES_NS, "String"))];
}

/** The Override of `element` for `locale`, or undefined. */
function overrideValue(element: Element, locale: string): string | undefined {
  const override = Array.from(element.childNodes).find(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).localName === "Override" &&
      (node as Element).getAttribute("Locale") === locale
  );
  return override?.getAttribute("Value") ?? undefined;
}

/** The name of a localizable string in messages: its tag, or its resource id. */
function nameOf(element: Element): string {
  return element.getAttribute("id") ?? element.localName;
}

describe("manifest.xml in German and French", () => {
  const strings = localizableStrings(template);

  it("finds the strings Outlook shows (display name, description, group, button, supertip)", () => {
    expect(strings.map(nameOf)).toEqual([
      "DisplayName",
      "Description",
      "GroupLabel",
      "TaskpaneButton.Label",
      "TaskpaneButton.Tooltip",
    ]);
  });

  it.each(ALL_LOCALES)("gives every one of them an Override for %s", (locale) => {
    const missing = strings.filter((element) => !overrideValue(element, locale)?.trim());
    expect(missing.map(nameOf)).toEqual([]);
  });

  it("translates the sentences, and keeps the names Jira for Outlook and Jira as they are", () => {
    const byName = new Map(strings.map((element) => [nameOf(element), element]));
    const value = (name: string, locale: string) => overrideValue(byName.get(name)!, locale);
    expect(value("Description", "de-DE")).toBe(
      "Erstellen Sie auf Ihrem Jira Server oder Data Center aus einer E-Mail einen Vorgang, oder fügen Sie die E-Mail einem Vorgang als Kommentar hinzu."
    );
    expect(value("TaskpaneButton.Tooltip", "de-DE")).toBe(
      "Erstellen Sie aus dieser E-Mail einen Jira-Vorgang, oder fügen Sie sie einem vorhandenen Vorgang hinzu."
    );
    expect(value("Description", "fr-FR")).toBe(
      "Créez une demande Jira à partir d'un e-mail, ou ajoutez l'e-mail à une demande sous forme de commentaire, sur votre Jira Server ou Data Center."
    );
    expect(value("TaskpaneButton.Tooltip", "fr-FR")).toBe(
      "Créez une demande Jira à partir de cet e-mail, ou ajoutez-le à une demande existante."
    );
    for (const locale of LOCALES) {
      expect(value("DisplayName", locale)).toBe("Jira for Outlook");
      expect(value("GroupLabel", locale)).toBe("Jira for Outlook");
      expect(value("TaskpaneButton.Label", locale)).toBe("Jira");
    }
  });

  it.each(LOCALES)("gives the regional variants of %s the same strings", (locale) => {
    for (const variant of VARIANTS[locale]) {
      expect(strings.map((element) => overrideValue(element, variant))).toEqual(
        strings.map((element) => overrideValue(element, locale))
      );
    }
  });

  it("keeps the Overrides in the manifest rendered for a deployment", async () => {
    const xml = renderManifest(template, { addinUrl: "https://addin.contoso.com" });
    const rendered = localizableStrings(xml);
    for (const locale of ALL_LOCALES) {
      expect(rendered.map((element) => overrideValue(element, locale))).toEqual(
        strings.map((element) => overrideValue(element, locale))
      );
    }
    expect(await validateManifestXml(xml)).toMatch(/validates/);
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
