/**
 * The OAuth callback page, opened inside the Office dialog: Jira redirects here after the user
 * chose Allow or Deny, and this page passes the outcome to the task pane.
 */
import { readAuthorizationCallback } from "../oauth/authorization-callback";
import { sendToOpeningPane } from "../office/dialog-child";

const status = document.getElementById("status");
const callback = readAuthorizationCallback(window.location.search);

sendToOpeningPane(JSON.stringify(callback))
  .then(() => {
    if (status) {
      status.textContent = callback.oauthVerifier
        ? "Jira approved access. Returning to Outlook to finish signing in…"
        : "Access to Jira was not approved. You can close this window.";
    }
  })
  .catch((error: unknown) => {
    if (status) {
      status.textContent = `Could not pass the sign-in back to Outlook: ${error instanceof Error ? error.message : String(error)}. Close this window and sign in again.`;
    }
  });
