/**
 * The checks every OAuth 1.0a request to Jira passes, in the order the simulator applies them:
 * parameters present → version → signature method → consumer → timestamp → nonce → signature.
 * The nonce is recorded only after the signature verified, so unsigned garbage can't burn nonces.
 * Tokens are checked afterwards by the caller (request-token, access-token or a Jira route).
 */
import { verify } from "node:crypto";
import type { Request } from "express";
import type { SimulatorClock, SimulatorSettings } from "../simulator-contract";
import type { ConsumerRegistry, RegisteredConsumer } from "./consumer-registry";
import { rawFormBody } from "./form-body";
import type { NonceStore } from "./nonce-store";
import { OAuthProblem } from "./oauth-problem";
import { MalformedOAuthRequest, collectRequestParameters } from "./request-parameters";
import type { OAuthRequestParts, RequestParameter } from "./request-parameters";
import { baseStringUri, signatureBaseString } from "./signature-base-string";
import { oauthPercentEncode } from "./percent-encoding";

/** How far `oauth_timestamp` may be from the simulator clock, either way: Jira's 5 minutes. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** The only signature method Jira's application links accept. */
export const RSA_SHA1 = "RSA-SHA1";

/** The protocol parameters every signed request carries (RFC 5849 §3.1). */
const ALWAYS_REQUIRED = [
  "oauth_consumer_key",
  "oauth_signature_method",
  "oauth_signature",
  "oauth_timestamp",
  "oauth_nonce",
] as const;

/** What the checks need. */
export interface OAuthVerifierContext {
  settings: SimulatorSettings;
  clock: SimulatorClock;
  consumers: ConsumerRegistry;
  nonces: NonceStore;
}

/** A request whose signature verified. */
export interface VerifiedOAuthRequest {
  consumer: RegisteredConsumer;
  /** The `oauth_*` parameters by name (each appears once). */
  oauth: ReadonlyMap<string, string>;
  /** `oauth_token`: undefined or "" when the request carries none (2-legged, request-token). */
  token: string | undefined;
}

/** The OAuth-carrying parts of an Express request (the form body must have been read by formBodyParser). */
export function requestParts(req: Request): OAuthRequestParts {
  const queryStart = req.originalUrl.indexOf("?");
  return {
    authorization: req.get("authorization"),
    rawQuery: queryStart === -1 ? "" : req.originalUrl.slice(queryStart + 1),
    formBody: rawFormBody(req),
  };
}

/** The path of the request line as received (with the context path), for the base string URI. */
export function receivedPath(req: Request): string {
  let target = req.originalUrl;
  if (/^https?:\/\//i.test(target)) {
    // absolute-form request target (RFC 9112 §3.2.2), as sent to proxies: keep only its path.
    target = target.replace(/^https?:\/\/[^/?#]*/i, "");
  }
  const queryStart = target.indexOf("?");
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/** Collects the request's parameters; a malformed request is `parameter_rejected`. */
export function readParameters(parts: OAuthRequestParts): RequestParameter[] {
  try {
    return collectRequestParameters(parts);
  } catch (error) {
    if (error instanceof MalformedOAuthRequest) {
      throw new OAuthProblem("parameter_rejected", {}, error.message);
    }
    throw error;
  }
}

/**
 * Runs the checks over a request's parameters and returns what verified, or throws
 * {@link OAuthProblem}. `required` adds endpoint parameters (e.g. `oauth_callback`).
 */
export function verifyOAuthRequest(
  context: OAuthVerifierContext,
  request: { method: string; path: string; parameters: RequestParameter[] },
  required: readonly string[] = []
): VerifiedOAuthRequest {
  const oauth = protocolParameters(request.parameters);

  const absent = [...ALWAYS_REQUIRED, ...required].filter((name) => !oauth.has(name));
  if (absent.length > 0) {
    // net.oauth's requireParameters reports the names percent-encoded and joined with "&".
    throw new OAuthProblem(
      "parameter_absent",
      { oauth_parameters_absent: absent.map(oauthPercentEncode).join("&") },
      `Missing OAuth parameter(s): ${absent.join(", ")}.`
    );
  }
  const value = (name: string): string => oauth.get(name) ?? "";

  const version = oauth.get("oauth_version");
  if (version !== undefined && version !== "1.0") {
    throw new OAuthProblem(
      "version_rejected",
      { oauth_acceptable_versions: "1.0-1.0" },
      `oauth_version must be 1.0, not "${version}".`
    );
  }
  if (value("oauth_signature_method") !== RSA_SHA1) {
    throw new OAuthProblem(
      "signature_method_rejected",
      {},
      `Only ${RSA_SHA1} is accepted, not "${value("oauth_signature_method")}".`
    );
  }
  const consumer = context.consumers.get(value("oauth_consumer_key"));
  if (!consumer) {
    throw new OAuthProblem(
      "consumer_key_unknown",
      {},
      `No application link has the consumer key "${value("oauth_consumer_key")}".`
    );
  }

  const timestampText = value("oauth_timestamp");
  if (!/^\d{1,15}$/.test(timestampText)) {
    throw new OAuthProblem(
      "parameter_rejected",
      { oauth_parameters_rejected: "oauth_timestamp" },
      "oauth_timestamp must be whole seconds since 1970."
    );
  }
  const timestamp = Number(timestampText);
  const now = context.clock();
  // Rounded like net.oauth's SimpleOAuthValidator: (now ± window + 500 ms) / 1000.
  const min = Math.floor((now - TIMESTAMP_WINDOW_SECONDS * 1000 + 500) / 1000);
  const max = Math.floor((now + TIMESTAMP_WINDOW_SECONDS * 1000 + 500) / 1000);
  if (timestamp < min || timestamp > max) {
    throw new OAuthProblem(
      "timestamp_refused",
      { oauth_acceptable_timestamps: `${min}-${max}` },
      `oauth_timestamp ${timestamp} is more than ${TIMESTAMP_WINDOW_SECONDS} s away from Jira's clock (${Math.floor(now / 1000)}).`
    );
  }

  const nonce = value("oauth_nonce");
  if (context.nonces.has(consumer.consumerKey, nonce)) {
    throw new OAuthProblem("nonce_used", {}, `oauth_nonce "${nonce}" was already used.`);
  }

  const baseString = signatureBaseString(
    request.method,
    baseStringUri(context.settings.baseUrl, request.path),
    request.parameters.filter((parameter) => parameter.name !== "oauth_signature")
  );
  if (!verifyRsaSha1(baseString, value("oauth_signature"), consumer)) {
    // Like net.oauth, report the base string Jira expected: comparing it with the client's own
    // is the quickest way to find a wrong URL, port or encoding.
    throw new OAuthProblem(
      "signature_invalid",
      { oauth_signature_base_string: baseString },
      "The signature does not verify with the application link's public key."
    );
  }
  context.nonces.record(consumer.consumerKey, nonce, timestamp);

  return { consumer, oauth, token: oauth.get("oauth_token") };
}

/** RSASSA-PKCS1-v1_5 with SHA-1 over the UTF-8 base string (RFC 5849 §3.4.3.2). */
function verifyRsaSha1(
  baseString: string,
  signatureBase64: string,
  consumer: RegisteredConsumer
): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) {
    return false;
  }
  try {
    return verify(
      "sha1",
      Buffer.from(baseString, "utf8"),
      consumer.publicKey,
      Buffer.from(signatureBase64, "base64")
    );
  } catch {
    return false;
  }
}

/**
 * The `oauth_*` parameters by name. RFC 5849 §3.5 lets protocol parameters travel in exactly one
 * place, so one sent twice (in two places, or twice in one) is `parameter_rejected`.
 */
function protocolParameters(parameters: RequestParameter[]): Map<string, string> {
  const oauth = new Map<string, string>();
  for (const { name, value } of parameters) {
    if (!name.startsWith("oauth_")) {
      continue;
    }
    if (oauth.has(name)) {
      throw new OAuthProblem(
        "parameter_rejected",
        { oauth_parameters_rejected: oauthPercentEncode(name) },
        `${name} is sent more than once.`
      );
    }
    oauth.set(name, value);
  }
  return oauth;
}
