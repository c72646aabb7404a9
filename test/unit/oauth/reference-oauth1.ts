/**
 * An independent RFC 5849 implementation for tests: the signature base string written straight
 * from §3.4.1 (no oauth-1.0a, no src/oauth code), and RSA-SHA1 with node:crypto. The signer's
 * output is compared with this, so both would have to be wrong the same way for a test to pass.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

/** §3.6: unreserved characters stay, everything else is %XX of its UTF-8 octets (upper-case hex). */
export function rfcEncode(value: string): string {
  return Array.from(Buffer.from(value, "utf8"))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** §3.4.1.3.1: query / form pairs decoded as application/x-www-form-urlencoded. */
export function formPairs(text: string): Array<[string, string]> {
  if (text === "") {
    return [];
  }
  return text
    .split("&")
    .filter((piece) => piece !== "")
    .map((piece) => {
      const at = piece.indexOf("=");
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
      return at === -1
        ? [decode(piece), ""]
        : [decode(piece.slice(0, at)), decode(piece.slice(at + 1))];
    });
}

/** §3.4.1: METHOD & base-uri & normalised parameters. */
export function referenceBaseString(
  method: string,
  url: string,
  protocolParams: Record<string, string>,
  formBody = ""
): string {
  const [withoutQuery, query = ""] = url.split("#")[0].split(/\?(.*)/s);
  const parsed = new URL(withoutQuery);
  const defaultPort = parsed.protocol === "http:" ? "80" : "443";
  const port = parsed.port && parsed.port !== defaultPort ? `:${parsed.port}` : "";
  const baseUri = `${parsed.protocol}//${parsed.hostname.toLowerCase()}${port}${parsed.pathname}`;
  const pairs = [...formPairs(query), ...formPairs(formBody), ...Object.entries(protocolParams)]
    .map(([name, value]) => [rfcEncode(name), rfcEncode(value)])
    .sort(([n1, v1], [n2, v2]) => (n1 < n2 ? -1 : n1 > n2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0));
  const normalised = pairs.map(([name, value]) => `${name}=${value}`).join("&");
  return [method.toUpperCase(), rfcEncode(baseUri), rfcEncode(normalised)].join("&");
}

/** Parses `OAuth a="b", c="d"` into decoded parameters. */
export function parseAuthorizationHeader(header: string): Record<string, string> {
  expect(header.startsWith("OAuth ")).toBe(true);
  const parameters: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) {
    parameters[match[1]] = decodeURIComponent(match[2]);
  }
  return parameters;
}

/** A fresh RSA key pair in the formats the tests need (generated per run: no key is committed). */
export function makeRsaKeyPair(modulusLength = 2048): {
  pkcs8: string;
  pkcs1: string;
  publicPem: string;
} {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength });
  return {
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    pkcs1: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    publicPem: createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString(),
  };
}

/** RSA-SHA1 with node:crypto, base64. */
export function nodeRsaSha1(privateKeyPem: string, text: string): string {
  return sign("sha1", Buffer.from(text, "utf8"), createPrivateKey(privateKeyPem)).toString(
    "base64"
  );
}

/** Verifies an RSA-SHA1 base64 signature with node:crypto, as Jira would with the link's public key. */
export function nodeVerifyRsaSha1(publicKeyPem: string, text: string, signature: string): boolean {
  return verify("sha1", Buffer.from(text, "utf8"), publicKeyPem, Buffer.from(signature, "base64"));
}
