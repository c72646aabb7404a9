/**
 * The doctor's checks of the add-in host (with --addin-url): it serves the task pane and a runtime
 * configuration for this Jira and this link, and its relay reaches Jira and passes a signed request
 * through unchanged (a request token through the relay, exactly what the pane's "Sign in" does first).
 */
import { createPublicKey } from "node:crypto";
import { ConfigError } from "../config/config-error";
import { RUNTIME_CONFIG_FILE, parseRuntimeConfig } from "../config/runtime-config";
import type { RuntimeConfig } from "../config/runtime-config";
import { JiraHttpError, OAuthProblem } from "../jira/jira-errors";
import type { ServerInfo } from "../jira/jira-types";
import type { CheckResult } from "./check-result";
import { connectToJira } from "./jira-connection";
import { explainJiraFailure } from "./link-explanations";
import type { LinkContext } from "./link-explanations";
import { explainNetworkFailure } from "./network-failure";
import { createRecordingFetch } from "./recording-fetch";

/** What the add-in host checks need. */
export interface AddinHostContext extends LinkContext {
  /** Normalised https URL of the add-in (no trailing slash). */
  addinUrl: string;
  /** The private key given to the doctor (its public half is compared with the host's). */
  privateKeyPem?: string;
  timeoutMs?: number;
}

/** GET taskpane.html. */
export async function checkTaskPane(context: AddinHostContext): Promise<CheckResult> {
  const name = "add-in page";
  const url = `${context.addinUrl}/taskpane.html`;
  const answer = await getText(url, context.timeoutMs);
  if ("error" in answer) {
    const { problem, fix } = explainNetworkFailure(answer.error, url, "the add-in host");
    return { id: "addin-page", name, status: "fail", detail: problem, fix };
  }
  if (answer.status !== 200) {
    return {
      id: "addin-page",
      name,
      status: "fail",
      detail: `${url} answered ${answer.status}`,
      fix: "host the built dist/ folder there (npm run build), and give --addin-url with any sub-path",
    };
  }
  if (!/text\/html/i.test(answer.contentType)) {
    return {
      id: "addin-page",
      name,
      status: "fail",
      detail: `${url} is served as ${answer.contentType || "no Content-Type"}, not text/html`,
      fix: "serve .html files as text/html",
    };
  }
  return { id: "addin-page", name, status: "ok", detail: `${url} is served` };
}

/** The configuration check's result, and the configuration when it could be read. */
export interface ConfigOutcome {
  result: CheckResult;
  config?: RuntimeConfig;
}

/** GET addin-config.json: valid, for this Jira and consumer key, with the same private key. */
export async function checkServedConfig(context: AddinHostContext): Promise<ConfigOutcome> {
  const name = "add-in configuration";
  const url = `${context.addinUrl}/${RUNTIME_CONFIG_FILE}`;
  const fail = (detail: string, fix: string): ConfigOutcome => ({
    result: { id: "addin-config", name, status: "fail", detail, fix },
  });
  const rerun =
    "write it with the config command (or run npm run serve with JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE)";
  const answer = await getText(url, context.timeoutMs);
  if ("error" in answer) {
    const { problem, fix } = explainNetworkFailure(answer.error, url, "the add-in host");
    return fail(problem, fix);
  }
  if (answer.status === 404) {
    return fail(
      `the add-in host serves no ${RUNTIME_CONFIG_FILE} (404), so the pane doesn't know which Jira to use`,
      rerun
    );
  }
  if (answer.status !== 200) {
    return fail(`${url} answered ${answer.status}`, "check the add-in host's logs");
  }
  let config: RuntimeConfig;
  try {
    config = parseRuntimeConfig(JSON.parse(answer.text) as unknown, url);
  } catch (error) {
    // Never quote the text: it holds the private key.
    const why = error instanceof ConfigError ? error.message : "it is not JSON";
    return fail(`${url} is not a valid configuration: ${why}`, rerun);
  }
  if (config.jiraBaseUrl !== context.jiraUrl) {
    return fail(
      `it is for the Jira at ${config.jiraBaseUrl}, not ${context.jiraUrl}`,
      `${rerun} with --jira ${context.jiraUrl}`
    );
  }
  if (config.consumerKey !== context.consumerKey) {
    return fail(
      `it has consumer key "${config.consumerKey}", not "${context.consumerKey}"`,
      `${rerun} with the link's consumer key`
    );
  }
  if (
    context.privateKeyPem !== undefined &&
    !samePublicKey(config.privateKeyPem, context.privateKeyPem)
  ) {
    return fail(
      `its private key is not the one in ${context.privateKeyFile}`,
      `${rerun} with --private-key ${context.privateKeyFile}`
    );
  }
  const cacheControl = answer.cacheControl;
  const result: CheckResult = /no-store/i.test(cacheControl)
    ? {
        id: "addin-config",
        name,
        status: "ok",
        detail: `${url}: this Jira, this consumer key and private key; relay ${config.relayUrl}`,
      }
    : {
        id: "addin-config",
        name,
        status: "warn",
        detail: `${url} matches, but is served with Cache-Control "${cacheControl || "(none)"}"`,
        fix: 'serve it with "Cache-Control: no-store", so a changed key or Jira reaches the next pane load',
      };
  return { result, config };
}

/** The relay: serverInfo through it, then a signed request token through it. */
export async function checkRelay(
  context: AddinHostContext,
  relayUrl: string,
  direct: { serverInfo?: ServerInfo; consumerAccepted: boolean }
): Promise<CheckResult> {
  const name = "relay";
  const serverInfoUrl = `${relayUrl}/rest/api/2/serverInfo`;
  if (context.privateKeyPem === undefined) {
    return { id: "relay", name, status: "skip", detail: "not checked: no usable private key" };
  }
  const through = {
    jiraUrl: context.jiraUrl,
    sendTo: relayUrl,
    consumerKey: context.consumerKey,
    ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }),
  };
  let serverInfo: ServerInfo;
  try {
    serverInfo = await (await connectToJira(through)).client.serverInfo();
  } catch (error) {
    return { id: "relay", name, status: "fail", ...relayFailure(error, context, serverInfoUrl) };
  }
  const relayedBase = serverInfo.baseUrl?.replace(/\/+$/, "");
  const directBase = direct.serverInfo?.baseUrl?.replace(/\/+$/, "");
  if (directBase !== undefined && relayedBase !== directBase) {
    return {
      id: "relay",
      name,
      status: "fail",
      detail: `${relayUrl} reaches a Jira whose Base URL is ${relayedBase}, not ${directBase}`,
      fix: "point the relay at the same Jira as --jira",
    };
  }
  if (!direct.consumerAccepted) {
    return {
      id: "relay",
      name,
      status: "warn",
      detail: `${serverInfoUrl} reaches Jira; signed requests through it not checked (the consumer key check failed)`,
      fix: "fix the consumer key check first",
    };
  }
  try {
    const signed = await connectToJira({ ...through, privateKeyPem: context.privateKeyPem });
    await signed.client.getRequestToken("oob");
  } catch (error) {
    return { id: "relay", name, status: "fail", ...relayFailure(error, context, relayUrl, true) };
  }
  return {
    id: "relay",
    name,
    status: "ok",
    detail: `${relayUrl} reaches Jira and passes signed requests through unchanged (a request token was issued through it)`,
  };
}

function relayFailure(
  error: unknown,
  context: AddinHostContext,
  url: string,
  signed = false
): { detail: string; fix: string } {
  if (error instanceof JiraHttpError && error.relayError !== undefined) {
    const fix =
      error.code === "relay_not_configured"
        ? "start the add-in server with JIRA_URL set to Jira's base URL"
        : "the add-in host can't reach Jira: check its network, DNS and proxy settings (and JIRA_CA_FILE for a private CA)";
    return { detail: `the relay answered ${error.status} (${error.relayError})`, fix };
  }
  if (
    error instanceof JiraHttpError &&
    (error.status === 404 || error.code === "unexpected_html")
  ) {
    return {
      detail: `no relay to Jira at ${url} (${error.status})`,
      fix: "relay /jira/ on the add-in host to Jira's base URL (docs/deployment.md: our server, nginx or IIS)",
    };
  }
  if (signed && error instanceof OAuthProblem) {
    // The same request was accepted when sent to Jira directly: the relay changed it.
    const what =
      error.code === "parameter_absent"
        ? "drops the Authorization header"
        : "changes the request on the way (Jira saw another URL, query or Authorization header)";
    return {
      detail: `Jira accepted the signed request directly but refused it through the relay (${error.code}): the relay ${what}`,
      fix: "pass the path, query string and Authorization header to Jira unchanged",
    };
  }
  const { problem, fix } = explainJiraFailure(error, context, url);
  return { detail: `through the relay: ${problem}`, fix };
}

interface TextAnswer {
  status: number;
  contentType: string;
  cacheControl: string;
  text: string;
}

async function getText(
  url: string,
  timeoutMs: number | undefined
): Promise<TextAnswer | { error: unknown }> {
  const recording = createRecordingFetch(timeoutMs === undefined ? {} : { timeoutMs });
  try {
    const response = await recording.fetch(url, { redirect: "follow", cache: "no-store" });
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      cacheControl: response.headers.get("cache-control") ?? "",
      text: await response.text(),
    };
  } catch (error) {
    return { error };
  }
}

function samePublicKey(a: string, b: string): boolean {
  try {
    const spki = (pem: string) =>
      createPublicKey(pem).export({ type: "spki", format: "der" }).toString("base64");
    return spki(a) === spki(b);
  } catch {
    return false;
  }
}
