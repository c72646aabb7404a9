/**
 * Composition root of the task pane: waits for Office, builds the Outlook adapters and the Jira
 * session and hands them to the UI. The only place where concrete adapters meet components.
 */
// First: its requests start before the modules below are evaluated.
import { RUNTIME_CONFIG_URL, takeEarlyConfig } from "./early-requests";
import { createRoot } from "react-dom/client";
import { loadRuntimeConfig } from "../config/runtime-config";
import { createXhrUploader } from "../jira/xhr-uploader";
import { createOfficeTheme } from "../office/office-theme";
import { createOutlookMailbox } from "../office/outlook-mailbox";
import { waitForOffice } from "../office/office-host";
import { createRoamingSettingsStorage } from "../office/roaming-settings-storage";
import { createOfficeSignInDialog } from "../office/sign-in-dialog";
import { createItemEmailLinks } from "../office/item-email-links";
import { createOutlookMailContent } from "../office/mail-content";
import { createJiraSession } from "../session/jira-session";
import { createJiraMetadataCache } from "../jira/jira-metadata-cache";
import { activateLanguage, currentLocale, t } from "../i18n/translate";
import { App } from "../ui/App";
import { createJiraMetadata, forgetMetadataOnSignOut, ownerOfSession } from "../ui/jira-metadata";
import { JiraMetadataContext } from "../ui/use-jira-metadata";
import { loadFluentThemes } from "../ui/fluent-theme";
import { NotInOutlook } from "../ui/NotInOutlook";
import { problemText } from "../ui/problem-text";
import { createLocalStorageDrafts } from "./local-storage-drafts";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element.");
  const root = createRoot(container);
  const host = await waitForOffice();
  // Before the first render: every string, React or not, reads the active language. The page's
  // lang is the language shown (a Japanese Office gets English text, read by an English voice).
  await activateLanguage(host.displayLanguage);
  document.documentElement.lang = currentLocale();
  if (!host.inOutlook) {
    root.render(<NotInOutlook />);
    return;
  }
  // One roaming settings object for the session's token and the UI's small memories: each save
  // writes Office's whole in-memory copy, so two copies would overwrite each other's changes.
  const settings = createRoamingSettingsStorage();
  // The consumer key names the cache of Jira's lists along with the Jira and the user.
  let consumerKey: string | undefined;
  // URLs relative to this page, so the production pane (/taskpane.html) and the preview's
  // (/preview/taskpane.html) each find the configuration (early-requests.ts) and the callback
  // page beside them.
  const session = createJiraSession({
    loadConfig: async () => {
      // The early fetch serves the first start; a later one (Try again) fetches afresh.
      const config = await (takeEarlyConfig() ?? loadRuntimeConfig({ url: RUNTIME_CONFIG_URL }));
      consumerKey = config.consumerKey;
      return config;
    },
    settings,
    dialog: createOfficeSignInDialog(),
    callbackUrl: new URL("callback.html", location.href).href,
    addinOrigin: location.origin,
    uploader: createXhrUploader(),
  });
  const storage = localStorageOrNull();
  // Projects, create meta and attachment settings, kept between page loads per Jira + user.
  const metadata = createJiraMetadata(session, {
    cache: createJiraMetadataCache(storage),
    owner: () => ownerOfSession(session.getState(), consumerKey),
  });
  forgetMetadataOnSignOut(session, metadata, () => consumerKey);
  // A pane opening in a dark or high-contrast Office gets that theme's chunk first: no flash of light.
  const theme = createOfficeTheme();
  const themeReady =
    theme.current() === "light" ? undefined : loadFluentThemes().catch(() => undefined);
  // The session first, and a moment for it: with the configuration already here and a stored
  // token it is signed in within a few milliseconds, and the pane's first render is the connected
  // pane instead of "Connecting…" drawn and then replaced (every render of the whole pane costs on
  // a slow CPU; docs/performance.md). A slow configuration shows "Connecting…" after the wait.
  await Promise.race([session.start(), delay(FIRST_RENDER_WAIT_MS)]);
  await themeReady;
  root.render(
    <JiraMetadataContext value={metadata}>
      <App
        mailbox={createOutlookMailbox()}
        theme={theme}
        locale={host.displayLanguage}
        session={session}
        drafts={createLocalStorageDrafts(storage)}
        mailContent={createOutlookMailContent()}
        emailLinks={createItemEmailLinks()}
        settings={settings}
        linkIconUrl={addinIconUrl()}
      />
    </JiraMetadataContext>
  );
}

/** How long the first render waits for the session to start (see start()). */
const FIRST_RENDER_WAIT_MS = 150;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pane's localStorage; null where the browser refuses it (storage disabled: SecurityError). */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn(
      "localStorage is not available; drafts and Jira's lists are kept only while the pane is open.",
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
  // Nothing rendered yet: show the failure in the page rather than leave a blank pane (in English
  // when it failed before the language was activated).
  document.body.textContent = t("app.startFailed", { problem: problemText(error) });
  console.error(error);
});
