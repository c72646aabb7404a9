/**
 * The Outlook stand-in: loaded INSTEAD of Microsoft's office.js by /preview/taskpane.html and
 * /preview/callback.html (dev builds only). It defines `window.Office` synchronously, before the add-in
 * bundle runs, implementing the subset of Office.js the add-in uses with Office.js semantics
 * (asynchronous callbacks, AsyncResult, requirement sets, events).
 *
 * Never import this from production code: it lives under src/preview/ and is its own webpack entry.
 */
import { DEFAULT_DISPLAY_LANGUAGE, officeThemeColors } from "../host-model";
import { browserStorage } from "../storage";
import { defaultSchedule } from "./async-result";
import type { Schedule } from "./async-result";
import { createUi } from "./dialog";
import type { DialogEnvironment, PopupLike } from "./dialog";
import {
  AsyncResultStatus,
  CoercionType,
  EventType,
  HostType,
  MailboxEnums,
  PlatformType,
} from "./enums";
import { findPreviewHost } from "./host-binding";
import { htmlToTextWithDomParser } from "./html-to-text";
import { createMailbox } from "./mailbox";
import { createRequirements } from "./requirements";
import { createRoamingSettings } from "./roaming-settings";

const schedule: Schedule = defaultSchedule;
const storage = browserStorage();
const { host, isDialog } = findPreviewHost(window);

if (!host && !isDialog) {
  console.warn(
    "Outlook preview stand-in: no preview host found on window.parent; Office.context.mailbox.item is null. " +
      "Open /preview.html to run the task pane inside the Outlook preview."
  );
}

// Like an Outlook client, the stand-in's requirement sets are fixed for the life of the page:
// the preview page reloads the pane when the emulated client changes.
const mode = host?.getSnapshot().mailboxMode ?? "modern";
// Office fixes the display language per session too: the preview page reloads the pane (and a
// dialog opened later reads the same host) when it changes.
const displayLanguage = host?.getSnapshot().displayLanguage ?? DEFAULT_DISPLAY_LANGUAGE;
const mailboxBinding = createMailbox({
  host,
  mode,
  schedule,
  storage,
  htmlToText: htmlToTextWithDomParser,
  // DOMParser documents are inert: the pane's EWS requests are only read, never run.
  parseXml: (text) => new DOMParser().parseFromString(text, "application/xml"),
  isDialog,
});
window.addEventListener("pagehide", () => mailboxBinding.dispose());

const dialogEnvironment: DialogEnvironment = {
  origin: window.location.origin,
  openWindow: (url, features) => window.open(url, "_blank", features) as PopupLike | null,
  get opener() {
    return (window.opener as Window | null) ?? null;
  },
  listenForMessages(listener) {
    const handleMessage = (event: MessageEvent) => listener(event);
    window.addEventListener("message", handleMessage);
    return () => window.removeEventListener("message", handleMessage);
  },
  setInterval: (task, milliseconds) => window.setInterval(task, milliseconds),
  clearInterval: (handle) => window.clearInterval(handle as number),
  get screenSize() {
    return { width: window.screen.availWidth, height: window.screen.availHeight };
  },
};

const info = { host: HostType.Outlook, platform: PlatformType.OfficeOnline } as const;

const office = {
  AsyncResultStatus,
  CoercionType,
  EventType,
  HostType,
  MailboxEnums,
  PlatformType,
  /** Legacy entry point: Office calls it once, before `onReady` resolves. */
  initialize: undefined as ((reason: string) => void) | undefined,
  onReady(callback?: (readyInfo: typeof info) => void): Promise<typeof info> {
    return ready.then(() => {
      callback?.({ ...info });
      return { ...info };
    });
  },
  context: {
    host: HostType.Outlook,
    platform: PlatformType.OfficeOnline,
    displayLanguage,
    contentLanguage: displayLanguage,
    diagnostics: {
      host: HostType.Outlook,
      platform: PlatformType.OfficeOnline,
      version: "16.0.0.0-preview",
    },
    /** Read on each access: the preview's theme switch changes it while the pane runs. */
    get officeTheme() {
      return officeThemeColors(host?.getSnapshot().theme ?? "light");
    },
    requirements: createRequirements(mode),
    roamingSettings: createRoamingSettings({ storage, schedule }),
    ui: createUi(dialogEnvironment, schedule),
    mailbox: mailboxBinding.mailbox,
  },
};

// Office initializes after the page's DOM is ready, then calls Office.initialize and resolves onReady.
const ready = new Promise<void>((resolve) => {
  const start = () =>
    schedule(() => {
      office.initialize?.("inserted");
      resolve();
    });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
});

(window as unknown as { Office: typeof office }).Office = office;
