/**
 * Bundled by jira-client-in-browser.test.ts: exposes the add-in's real signer, client and XHR
 * uploader to a page, so the test can run them in Chromium exactly as the pane will.
 */
import { createJiraClient } from "../../../src/jira/create-jira-client";
import { createXhrUploader } from "../../../src/jira/xhr-uploader";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";

const kit = { createJiraClient, createOAuthSigner, createXhrUploader };

/** What the page gets on `window.jiraClientKit`. */
export type BrowserClientKit = typeof kit;

(window as unknown as { jiraClientKit: BrowserClientKit }).jiraClientKit = kit;
