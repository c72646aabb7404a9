/**
 * Composition root of the task pane: waits for Office, builds the Outlook adapters and the Jira
 * session and hands them to the UI. The only place where concrete adapters meet components.
 */
import { createRoot } from "react-dom/client";
import { RUNTIME_CONFIG_FILE, loadRuntimeConfig } from "../config/runtime-config";
import { createXhrUploader } from "../jira/xhr-uploader";
import { createOfficeTheme } from "../office/office-theme";
import { createOutlookMailbox } from "../office/outlook-mailbox";
import { waitForOffice } from "../office/office-host";
import { createRoamingSettingsStorage } from "../office/roaming-settings-storage";
import { createOfficeSignInDialog } from "../office/sign-in-dialog";
import { createItemEmailLinks } from "../office/item-email-links";
import { createOutlookMailContent } from "../office/mail-content";
import { createJiraSession } from "../session/jira-session";
import { App } from "../ui/App";
import { NotInOutlook } from "../ui/NotInOutlook";
import { createLocalStorageDrafts } from "./local-storage-drafts";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element.");
  const root = createRoot(container);
  const host = await waitForOffice();
  if (!host.inOutlook) {
    root.render(<NotInOutlook />);
    return;
  }
  document.documentElement.lang = host.displayLanguage;
  // One roaming settings object for the session's token and the UI's small memories: each save
  // writes Office's whole in-memory copy, so two copies would overwrite each other's changes.
  const settings = createRoamingSettingsStorage();
  // URLs relative to this page, so the production pane (/taskpane.html) and the preview's
  // (/preview/taskpane.html) each find the configuration and the callback page beside them.
  const session = createJiraSession({
    loadConfig: () => loadRuntimeConfig({ url: new URL(RUNTIME_CONFIG_FILE, location.href).href }),
    settings,
    dialog: createOfficeSignInDialog(),
    callbackUrl: new URL("callback.html", location.href).href,
    addinOrigin: location.origin,
    uploader: createXhrUploader(),
  });
  root.render(
    <App
      mailbox={createOutlookMailbox()}
      theme={createOfficeTheme()}
      locale={host.displayLanguage}
      session={session}
      drafts={createLocalStorageDrafts(localStorageOrNull())}
      mailContent={createOutlookMailContent()}
      emailLinks={createItemEmailLinks()}
      settings={settings}
      linkIconUrl={addinIconUrl()}
    />
  );
  void session.start();
}

/** The pane's localStorage; null where the browser refuses it (storage disabled: SecurityError). */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn(
      "localStorage is not available; drafts are kept only while the pane is open.",
      error
    );
    return null;
  }
}

/**
 * The add-in's 16×16 icon as an absolute URL, for the link Jira shows back to the email. The
 * page's favicon is that icon, emitted beside the pages by the build and linked relative to each
 * (the production pane and the preview's, one folder down, both find it); the manifest's
 * assets/icon-16.png beside the page is the fallback.
 */
function addinIconUrl(): string {
  const favicon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  return favicon?.href || new URL("assets/icon-16.png", location.href).href;
}

start().catch((error: unknown) => {
  // Nothing rendered yet: show the failure in the page rather than leave a blank pane.
  const text = error instanceof Error ? error.message : String(error);
  document.body.textContent = `Jira for Outlook could not start: ${text}`;
  console.error(error);
});
