import { createPreviewHost, PREVIEW_HOST_PROPERTY } from "../../../src/preview/host-model";
import { findPreviewHost } from "../../../src/preview/office-standin/host-binding";

const host = createPreviewHost({ initial: { item: null, theme: "light", mailboxMode: "modern" } });
const previewPage = { [PREVIEW_HOST_PROPERTY]: host };

describe("findPreviewHost", () => {
  it("finds the host on window.parent from the task pane iframe", () => {
    const pane = { parent: previewPage, opener: null };
    expect(findPreviewHost(pane)).toEqual({ host, isDialog: false });
  });

  it("finds the host through opener.parent from a dialog popup", () => {
    const pane = { parent: previewPage, opener: null };
    const popup = { opener: pane, parent: undefined };
    expect(findPreviewHost(popup)).toEqual({ host, isDialog: true });
  });

  it("runs without a host on a page opened directly, or when the parent is cross-origin", () => {
    const top: { parent?: unknown; opener: null } = { opener: null };
    top.parent = top;
    expect(findPreviewHost(top)).toEqual({ host: null, isDialog: false });
    const crossOrigin = {
      opener: null,
      get parent(): unknown {
        throw new Error("SecurityError");
      },
    };
    expect(findPreviewHost(crossOrigin)).toEqual({ host: null, isDialog: false });
  });

  it("ignores an object that doesn't honour the contract version", () => {
    expect(
      findPreviewHost({
        parent: { [PREVIEW_HOST_PROPERTY]: { contractVersion: 99, getSnapshot: () => null } },
      }).host
    ).toBeNull();
  });
});

describe("createPreviewHost", () => {
  it("notifies subscribers of changes only, and survives a throwing listener", () => {
    const reportError = jest.fn();
    const previewHost = createPreviewHost({
      initial: { item: null, theme: "light", mailboxMode: "modern" },
      reportError,
    });
    const events: string[] = [];
    previewHost.subscribe(() => {
      throw new Error("dead iframe");
    });
    const unsubscribe = previewHost.subscribe((event) => events.push(event.type));
    previewHost.setTheme("light");
    previewHost.setTheme("dark");
    previewHost.setMailboxMode("onPremises15");
    previewHost.setDisplayLanguage("en-US");
    previewHost.setDisplayLanguage("de-DE");
    unsubscribe();
    previewHost.setTheme("light");
    expect(events).toEqual(["themeChanged", "mailboxModeChanged", "displayLanguageChanged"]);
    expect(reportError).toHaveBeenCalledTimes(4); // the throwing listener is still subscribed
    expect(previewHost.getSnapshot()).toEqual({
      item: null,
      theme: "light",
      mailboxMode: "onPremises15",
      displayLanguage: "de-DE",
    });
  });
});
