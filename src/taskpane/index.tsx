/**
 * Composition root of the task pane: waits for Office, builds the Outlook adapters and hands
 * them to the UI. The only place where concrete adapters meet components.
 */
import { createRoot } from "react-dom/client";
import { createOfficeTheme } from "../office/office-theme";
import { createOutlookMailbox } from "../office/outlook-mailbox";
import { waitForOffice } from "../office/office-host";
import { App } from "../ui/App";
import { NotInOutlook } from "../ui/NotInOutlook";

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
  root.render(
    <App
      mailbox={createOutlookMailbox()}
      theme={createOfficeTheme()}
      locale={host.displayLanguage}
    />
  );
}

start().catch((error: unknown) => {
  // Nothing rendered yet: show the failure in the page rather than leave a blank pane.
  const text = error instanceof Error ? error.message : String(error);
  document.body.textContent = `Jira for Outlook could not start: ${text}`;
  console.error(error);
});
