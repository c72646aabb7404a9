/**
 * Why a request got no answer at all, in an admin's words: the host name doesn't resolve, nothing
 * listens, the certificate isn't trusted, the port speaks plain HTTP, a firewall drops the packets.
 * Node's fetch (undici) throws "fetch failed" and keeps the reason's `code` in `cause`.
 */

/** What went wrong and what to do, for one failed request. */
export interface Explanation {
  problem: string;
  fix: string;
}

const UNTRUSTED_CERTIFICATE = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

/** The first `code` (or a TimeoutError's name) along the error's cause chain. */
export function failureCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && candidate.code !== "network_error") {
      return candidate.code;
    }
    if (candidate.name === "TimeoutError") {
      return "TimeoutError";
    }
    current = candidate.cause;
  }
  return undefined;
}

/** The innermost message of the cause chain (undici's reason rather than "fetch failed"). */
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 6; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) {
      break;
    }
    message = cause.message;
    current = cause;
  }
  return message;
}

/**
 * Explains a request to `url` that got no answer. `who` names the server in messages ("Jira",
 * "the add-in host").
 */
export function explainNetworkFailure(error: unknown, url: string, who: string): Explanation {
  const target = new URL(url);
  const host = target.hostname;
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  const code = failureCode(error);
  const reason = code ? `${code}` : innermostMessage(error);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") {
    return {
      problem: `the host name ${host} does not resolve from this computer (DNS: ${reason})`,
      fix: `check the spelling of the URL, or run this on a machine in ${who}'s network (the add-in host must reach ${who} too)`,
    };
  }
  if (code === "ECONNREFUSED") {
    return {
      problem: `nothing accepts connections on ${host} port ${port} (${reason})`,
      fix: `check the port and http/https in the URL, and that ${who} is running`,
    };
  }
  if (
    code === "TimeoutError" ||
    code === "ETIMEDOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "UND_ERR_HEADERS_TIMEOUT"
  ) {
    return {
      problem: `no answer from ${host} port ${port} in time (${reason})`,
      fix:
        "a firewall may drop the traffic, or an outgoing proxy is required (Node's fetch doesn't use the " +
        `system's proxy settings): run this where ${who} is reachable directly`,
    };
  }
  if (code !== undefined && UNTRUSTED_CERTIFICATE.has(code)) {
    return {
      problem: `${who}'s certificate is not trusted here (${reason})`,
      fix:
        who === "Jira"
          ? "if your organisation's own CA issued it, run with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (and give the " +
            "add-in server JIRA_CA_FILE); if the server leaves out its intermediate certificates, fix its chain"
          : "Outlook must trust it too: use a certificate from a CA your users' computers trust, with its " +
            "intermediate certificates; to check an internal CA's certificate here, run with NODE_EXTRA_CA_CERTS=/path/to/ca.pem",
    };
  }
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") {
    return {
      problem: `${who}'s certificate is outside its validity period (${reason})`,
      fix: "renew the certificate (or correct the server's clock)",
    };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return {
      problem: `${who}'s certificate is not issued for ${host} (${reason})`,
      fix: "use the host name the certificate names, or get a certificate for this one",
    };
  }
  if (
    code === "EPROTO" ||
    code === "ERR_SSL_WRONG_VERSION_NUMBER" ||
    /wrong version number|packet length too long/i.test(innermostMessage(error))
  ) {
    return {
      problem: `${host} port ${port} does not speak TLS (${reason})`,
      fix: "use http:// for a plain HTTP port, or the HTTPS port",
    };
  }
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") {
    return {
      problem: `the connection to ${host} port ${port} was cut (${reason})`,
      fix: "check http/https and the port; a firewall or proxy in between may refuse the connection",
    };
  }
  return {
    problem: `no answer from ${host} port ${port} (${reason})`,
    fix: `check that ${who} is reachable from this computer`,
  };
}
