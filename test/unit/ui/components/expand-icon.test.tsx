import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage } from "../../../../src/i18n/translate";
import { ProjectPicker } from "../../../../src/ui/new-issue/components/ProjectPicker";

/** Fluent names a Combobox's open button "Open …" in English; the pane names it in the user's language. */
function pickerHtml(): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ProjectPicker
        projects={[{ id: "1", key: "SUP", name: "Customer Support" }]}
        value=""
        disabled={false}
        onChange={() => undefined}
      />
    </FluentProvider>
  );
}

describe("a Combobox's open button", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("is named after its list in the user's language", async () => {
    expect(pickerHtml()).toContain('aria-label="Open Project"');
    await activateLanguage("de-DE");
    expect(pickerHtml()).toContain('aria-label="Projekt öffnen"');
    await activateLanguage("fr-FR");
    expect(pickerHtml()).toContain('aria-label="Ouvrir Projet"');
  });
});
