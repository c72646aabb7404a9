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
 * The page speaks Office's display language, as the pane does (the dialog belongs to the same
 * Office session). This bundle stays small: the runtime-config loader, the authorize URL and the
 * page's own strings, not the Jira client.
 */
import { loadRuntimeConfig, RUNTIME_CONFIG_FILE } from "../config/runtime-config";
import { activateLanguage, t } from "../i18n/translate";
import { readAuthorizationCallback } from "../oauth/authorization-callback";
import type { AuthorizationStartFailed } from "../oauth/authorization-callback";
import { jiraAuthorizeUrl } from "../oauth/authorize-url";
import { redactSecrets } from "../oauth/redact";
import { sendToOpeningPane } from "../office/dialog-child";
import { officeDisplayLanguage } from "../office/display-language";
import { problemText } from "../ui/problem-text";

const status = document.getElementById("status");

function show(text: string): void {
  if (status) {
    status.textContent = text;
  }
}

function describe(error: unknown): string {
  return redactSecrets(problemText(error));
}

/**
 * Switches the page to Office's display language before it says anything: the strings, the
 * page's `lang` (for screen readers' pronunciation) and its title. English when the language
 * can't be told: the sign-in must go on whatever the language.
 */
async function activatePageLanguage(): Promise<void> {
  try {
    document.documentElement.lang = await activateLanguage(await officeDisplayLanguage());
  } catch (error) {
    console.warn("Office's display language could not be read; the page stays in English.", error);
  }
  document.title = t("callback.pageTitle");
}

const pageLanguage = activatePageLanguage();

/** Step 1: on to Jira's authorize page for the request token the pane obtained. */
async function openJirasPage(requestToken: string): Promise<void> {
  await pageLanguage;
  show(t("callback.openingJira"));
  try {
    if (requestToken === "") {
      throw new Error(t("callback.noRequestToken"));
    }
    const config = await loadRuntimeConfig({
      url: new URL(RUNTIME_CONFIG_FILE, window.location.href).href,
    });
    // replace(): the callback page stays out of the window's history, so Back doesn't re-run it.
    window.location.replace(jiraAuthorizeUrl(config.jiraBaseUrl, requestToken));
  } catch (error) {
    const message = t("callback.openFailed", { problem: describe(error) });
    show(`${message} ${t("callback.closeAndRetry")}`);
    const failure: AuthorizationStartFailed = { kind: "jira-authorization-start-failed", message };
    await sendToOpeningPane(JSON.stringify(failure)).catch(() => {
      // The text above already tells the user; there is nobody else to tell.
    });
  }
}

/** Step 2: Jira sent the window back; hand the outcome to the pane. */
async function returnToPane(): Promise<void> {
  const callback = readAuthorizationCallback(window.location.search);
  await pageLanguage;
  show(t("callback.finishing"));
  try {
    await sendToOpeningPane(JSON.stringify(callback));
    show(callback.oauthVerifier ? t("callback.approved") : t("callback.notApproved"));
  } catch (error) {
    show(t("callback.handBackFailed", { problem: describe(error) }));
  }
}

const requestToken = new URLSearchParams(window.location.search).get("authorize");
void (requestToken === null ? returnToPane() : openJirasPage(requestToken));
