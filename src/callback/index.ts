/**
 * The OAuth callback page, opened inside the Office dialog. It has two jobs:
 *
 * 1. `callback.html?authorize=<request token>`: the pane opens the dialog here, because Office
 *    requires the dialog's first page to be on the add-in's own HTTPS origin
 *    (learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins); the page then
 *    sends the window on to Jira's authorize page. The destination is built from the runtime
 *    configuration beside this page, never from the query: only the token comes from there, so
 *    the page can't be used as an open redirect.
 * 2. Jira redirects back here after Allow/Deny (`?oauth_token=…&oauth_verifier=…`), and the page
 *    passes the outcome to the task pane with `messageParent`.
 *
 * This bundle stays small: the runtime-config loader and the authorize URL, not the Jira client.
 */
import { loadRuntimeConfig, RUNTIME_CONFIG_FILE } from "../config/runtime-config";
import { readAuthorizationCallback } from "../oauth/authorization-callback";
import type { AuthorizationStartFailed } from "../oauth/authorization-callback";
import { jiraAuthorizeUrl } from "../oauth/authorize-url";
import { redactSecrets } from "../oauth/redact";
import { sendToOpeningPane } from "../office/dialog-child";

const status = document.getElementById("status");

function show(text: string): void {
  if (status) {
    status.textContent = text;
  }
}

function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** Step 1: on to Jira's authorize page for the request token the pane obtained. */
async function openJirasPage(requestToken: string): Promise<void> {
  show("Opening Jira's sign-in page…");
  try {
    if (requestToken === "") {
      throw new Error("The sign-in window was opened without a request token.");
    }
    const config = await loadRuntimeConfig({
      url: new URL(RUNTIME_CONFIG_FILE, window.location.href).href,
    });
    // replace(): the callback page stays out of the window's history, so Back doesn't re-run it.
    window.location.replace(jiraAuthorizeUrl(config.jiraBaseUrl, requestToken));
  } catch (error) {
    const message = `Could not open Jira's sign-in page: ${describe(error)}`;
    show(`${message} Close this window and try again.`);
    const failure: AuthorizationStartFailed = { kind: "jira-authorization-start-failed", message };
    await sendToOpeningPane(JSON.stringify(failure)).catch(() => {
      // The text above already tells the user; there is nobody else to tell.
    });
  }
}

/** Step 2: Jira sent the window back; hand the outcome to the pane. */
async function returnToPane(): Promise<void> {
  const callback = readAuthorizationCallback(window.location.search);
  try {
    await sendToOpeningPane(JSON.stringify(callback));
    show(
      callback.oauthVerifier
        ? "Jira approved access. Returning to Outlook to finish signing in…"
        : "Access to Jira was not approved. You can close this window."
    );
  } catch (error) {
    show(
      `Could not pass the sign-in back to Outlook: ${describe(error)}. Close this window and sign in again.`
    );
  }
}

const requestToken = new URLSearchParams(window.location.search).get("authorize");
void (requestToken === null ? returnToPane() : openJirasPage(requestToken));
