/**
 * A reference OAuth 1.0a client for tests, built on the npm `oauth-1.0a` package with a node:crypto
 * RSA-SHA1 `hash_function`: a third-party signer, so neither the simulator's verifier nor the
 * add-in's signer (src/oauth/) ends up checking itself. Runs the whole three-legged dance over HTTP,
 * filling in Jira's authorize form the way a browser would.
 *
 * Known oauth-1.0a pitfalls (../shared/docs/jira-and-office-facts.md): it cuts a raw `=` inside a
 * query value and reads `+` as a plus sign, so give it RFC 3986 encoded queries (`%20`, `%3D`).
 */
import { createSign, generateKeyPairSync } from "node:crypto";
import OAuth from "oauth-1.0a";

/** A simulator (or any Jira): its base URL as a string, or a running simulator. */
export type JiraTarget = string | { url: string; settings: { baseUrl: string } };

/** A consumer's credentials. */
export interface ConsumerCredentials {
  consumerKey: string;
  /** PKCS#8 (or PKCS#1) PEM. */
  privateKeyPem: string;
}

/** Options of {@link signedFetch}. */
export interface SignedFetchOptions extends ConsumerCredentials {
  /** Default GET. */
  method?: string;
  /** Path below Jira's base URL, e.g. `/rest/api/2/myself`; may end in an RFC 3986 encoded query. */
  path: string;
  /** `oauth_token`; "" signs with an empty token (2-legged); undefined sends none. */
  token?: string;
  /** An `application/x-www-form-urlencoded` body; signed. */
  form?: Record<string, string>;
  /** Extra or overriding protocol parameters: `oauth_callback`, `oauth_verifier`, `oauth_version`, `oauth_signature_method`. */
  oauthParams?: Record<string, string>;
  /** Protocol parameters to drop after signing (to provoke parameter_absent). */
  omitOAuthParams?: string[];
  /** Where the protocol parameters travel (RFC 5849 §3.5). Default "header". */
  placement?: "header" | "query" | "body";
  /** Adds `realm="…"` to the Authorization header (servers ignore it). */
  realm?: string;
  /** Seconds; default the real clock. */
  timestamp?: number;
  nonce?: string;
  /** Replaces `oauth_signature` after signing. */
  signature?: string;
  /** Sent as is instead of the body built from `form` (a JSON body, say, with `headers`; or a tampered form). */
  body?: string;
  headers?: Record<string, string>;
  /** The path to send to when it differs from the signed one (e.g. `+` instead of `%20`). */
  sendPath?: string;
}

/** What came back. */
export interface SignedResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** A fresh RSA 2048 consumer key pair: PKCS#8 private, SPKI public, both PEM. */
export function generateConsumerKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Jira's base URL the signature is computed over, and the URL requests are sent to. */
export function targetUrls(target: JiraTarget): { signBase: string; sendBase: string } {
  if (typeof target === "string") {
    const base = target.replace(/\/$/, "");
    return { signBase: base, sendBase: base };
  }
  const contextPath = new URL(target.settings.baseUrl).pathname.replace(/\/$/, "");
  return { signBase: target.settings.baseUrl, sendBase: `${target.url}${contextPath}` };
}

/** The Authorization header (and the other placements' parameters) oauth-1.0a computes for a request. */
export function signRequest(
  target: JiraTarget,
  options: SignedFetchOptions
): { url: string; method: string; oauth: [string, string][]; headerValue: string } {
  const { signBase } = targetUrls(target);
  const method = (options.method ?? "GET").toUpperCase();
  const { oauth_signature_method, oauth_version, ...extraOAuth } = options.oauthParams ?? {};
  const client = new OAuth({
    consumer: { key: options.consumerKey, secret: "" },
    signature_method: oauth_signature_method ?? "RSA-SHA1",
    version: oauth_version ?? "1.0",
    hash_function: (baseString) =>
      createSign("RSA-SHA1").update(baseString).sign(options.privateKeyPem, "base64"),
  });
  if (options.timestamp !== undefined) {
    const timestamp = options.timestamp;
    client.getTimeStamp = () => timestamp;
  }
  if (options.nonce !== undefined) {
    const nonce = options.nonce;
    client.getNonce = () => nonce;
  }
  const url = `${signBase}${options.path}`;
  // oauth-1.0a merges data and the URL's query into its own objects: give it copies.
  const authorized = client.authorize(
    { url, method, data: { ...options.form, ...extraOAuth } },
    options.token === undefined ? undefined : { key: options.token, secret: "" }
  ) as unknown as Record<string, string | number>;
  if (options.signature !== undefined) {
    authorized["oauth_signature"] = options.signature;
  }
  const fromElsewhere = new Set([
    ...Object.keys(options.form ?? {}),
    ...new URLSearchParams(url.split("?")[1] ?? "").keys(),
  ]);
  const omitted = new Set(options.omitOAuthParams ?? []);
  const oauth = Object.entries(authorized)
    .filter(([name]) => name.startsWith("oauth_") && !fromElsewhere.has(name) && !omitted.has(name))
    .map(([name, value]) => [name, String(value)] as [string, string]);
  const headerValue =
    "OAuth " +
    [
      ...(options.realm === undefined ? [] : [`realm="${options.realm}"`]),
      ...oauth.map(
        ([name, value]) => `${client.percentEncode(name)}="${client.percentEncode(value)}"`
      ),
    ].join(", ");
  return { url, method, oauth, headerValue };
}

/** Signs a request with oauth-1.0a and sends it (redirects are not followed). */
export async function signedFetch(
  target: JiraTarget,
  options: SignedFetchOptions
): Promise<SignedResponse> {
  const { sendBase } = targetUrls(target);
  const { method, oauth, headerValue } = signRequest(target, options);
  const placement = options.placement ?? "header";
  const headers: Record<string, string> = { ...options.headers };
  let sendPath = options.sendPath ?? options.path;
  let formPairs: [string, string][] | undefined = options.form
    ? Object.entries(options.form)
    : undefined;
  if (placement === "header") {
    headers["Authorization"] = headerValue;
  } else if (placement === "query") {
    sendPath += (sendPath.includes("?") ? "&" : "?") + encodePairs(oauth);
  } else {
    formPairs = [...(formPairs ?? []), ...oauth];
  }
  let body = options.body;
  if (formPairs) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body ??= encodePairs(formPairs);
  }
  const response = await fetch(`${sendBase}${sendPath}`, {
    method,
    headers,
    redirect: "manual",
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** A form-encoded body as an object (the last of duplicate names wins). */
export function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The parameters of a `WWW-Authenticate: OAuth …` header, percent-decoded, realm included. */
export function parseWwwAuthenticate(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [, name, value] of (header ?? "").matchAll(/([\w-]+)="([^"]*)"/g)) {
    result[name as string] = decodeURIComponent(value as string);
  }
  return result;
}

/** Step 1: a request token. Throws with the response when Jira refuses. */
export async function getRequestToken(
  target: JiraTarget,
  options: ConsumerCredentials & { callback?: string }
): Promise<{ token: string; secret: string }> {
  const response = await signedFetch(target, {
    ...options,
    method: "POST",
    path: "/plugins/servlet/oauth/request-token",
    oauthParams: { oauth_callback: options.callback ?? "oob" },
  });
  if (response.status !== 200) {
    throw new Error(`request-token answered ${response.status}: ${response.body}`);
  }
  const form = parseForm(response.body);
  return { token: form["oauth_token"] ?? "", secret: form["oauth_token_secret"] ?? "" };
}

/** What the browser saw after clicking Allow or Deny. */
export interface AuthorizeOutcome {
  status: number;
  /** The redirect to the callback, when there is one. */
  location?: string;
  /** From the redirect's query, or the oob page's `#oauth-verifier`. */
  verifier?: string;
  html: string;
}

/**
 * Step 2, as a browser: GET the authorize page, read its form (action, hidden fields), then submit
 * it with Allow (or Deny) as the given user (default: whoever the page preselects, Jane Doe).
 */
export async function approveRequestToken(
  target: JiraTarget,
  requestToken: string,
  options: { deny?: boolean; as?: string } = {}
): Promise<AuthorizeOutcome> {
  const { sendBase } = targetUrls(target);
  const pageUrl = `${sendBase}/plugins/servlet/oauth/authorize?oauth_token=${encodeURIComponent(requestToken)}`;
  const page = await fetch(pageUrl);
  const html = await page.text();
  if (page.status !== 200) {
    throw new Error(`the authorize page answered ${page.status}: ${html}`);
  }
  const action = /<form[^>]*\saction="([^"]*)"/i.exec(html)?.[1];
  if (action === undefined) {
    throw new Error(`the authorize page has no form:\n${html}`);
  }
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"/gi
  )) {
    fields.append(unescapeHtml(name as string), unescapeHtml(value as string));
  }
  const selected = /<option value="([^"]*)" selected>/i.exec(html)?.[1];
  fields.append("user", options.as ?? unescapeHtml(selected ?? "jane"));
  if (options.deny) {
    fields.append("deny", "Deny");
  } else {
    fields.append("approve", "Allow");
  }
  const answer = await fetch(new URL(unescapeHtml(action), pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
    redirect: "manual",
  });
  const answerHtml = await answer.text();
  const location = answer.headers.get("location") ?? undefined;
  const verifier = location
    ? (new URL(location).searchParams.get("oauth_verifier") ?? undefined)
    : /id="oauth-verifier">([^<]*)</.exec(answerHtml)?.[1];
  return {
    status: answer.status,
    ...(location === undefined ? {} : { location }),
    ...(verifier === undefined ? {} : { verifier: unescapeHtml(verifier) }),
    html: answerHtml,
  };
}

/** Step 3: the access token for an approved request token. */
export async function getAccessToken(
  target: JiraTarget,
  options: ConsumerCredentials & { requestToken: string; verifier: string }
): Promise<{ token: string; secret: string; response: SignedResponse }> {
  const response = await signedFetch(target, {
    ...options,
    method: "POST",
    path: "/plugins/servlet/oauth/access-token",
    token: options.requestToken,
    oauthParams: { oauth_verifier: options.verifier },
  });
  if (response.status !== 200) {
    throw new Error(`access-token answered ${response.status}: ${response.body}`);
  }
  const form = parseForm(response.body);
  return { token: form["oauth_token"] ?? "", secret: form["oauth_token_secret"] ?? "", response };
}

/** The whole dance (oob), approved by `as` (default Jane Doe); returns the access token. */
export async function runThreeLeggedDance(
  target: JiraTarget,
  options: ConsumerCredentials & { as?: string }
): Promise<string> {
  const requestToken = await getRequestToken(target, options);
  const outcome = await approveRequestToken(
    target,
    requestToken.token,
    options.as === undefined ? {} : { as: options.as }
  );
  if (!outcome.verifier) {
    throw new Error(`no verifier after Allow (${outcome.status}):\n${outcome.html}`);
  }
  const access = await getAccessToken(target, {
    ...options,
    requestToken: requestToken.token,
    verifier: outcome.verifier,
  });
  return access.token;
}

function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join("&");
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  );
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
