/**
 * Reads the consumer's private key PEM far enough to know what it is, without any crypto library:
 * which PEM block holds the private key, whether it is PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1
 * ("BEGIN RSA PRIVATE KEY"), and every case an admin gets wrong (an encrypted key, the public
 * half, a certificate, an OpenSSH or EC key), each as a {@link ConfigError} saying what to do.
 */
import { ConfigError } from "../config/config-error";

/** A private key PEM block that looks usable. */
export interface PrivateKeyPem {
  /** `pkcs8`: "BEGIN PRIVATE KEY" (WebCrypto imports it as is); `pkcs1`: "BEGIN RSA PRIVATE KEY". */
  format: "pkcs8" | "pkcs1";
  /** The block alone, re-wrapped with `\n` line ends (jsrsasign reads this). */
  pem: string;
  /** The DER bytes of the block. */
  der: Uint8Array;
}

const HOW_TO_MAKE_ONE =
  "Use the unencrypted RSA private key whose public half is on Jira's incoming application link, in PEM " +
  '("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----"), e.g. made with ' +
  "`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jira-private.pem`.";

// rsaEncryption, 1.2.840.113549.1.1.1: the content octets of the OID in a PKCS#8 RSA key, as hex.
const RSA_ENCRYPTION_OID = "2a864886f70d010101";

/**
 * Finds and checks the private key block in `text` (other blocks, e.g. a certificate saved in the
 * same file, are ignored). Tolerates `\r\n` and literal `\n` escapes (keys pasted from JSON or env).
 *
 * @throws {ConfigError} `private_key_missing`, `private_key_malformed`, `private_key_encrypted`,
 *   `private_key_public_only`, `private_key_not_rsa`
 */
export function readPrivateKeyPem(text: string): PrivateKeyPem {
  const normalised = text.replace(/\\r\\n|\\n/g, "\n").replace(/\r\n?/g, "\n");
  if (normalised.trim() === "") {
    throw new ConfigError("private_key_missing", `No private key was given. ${HOW_TO_MAKE_ONE}`);
  }
  const blocks = [
    ...normalised.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----\n?([\s\S]*?)-----END \1-----/g),
  ].map((match) => ({ label: match[1], body: match[2] }));
  if (blocks.length === 0) {
    throw new ConfigError(
      "private_key_malformed",
      `The private key is not in PEM format (no "-----BEGIN … PRIVATE KEY-----" / "-----END …-----" lines found). ${HOW_TO_MAKE_ONE}`
    );
  }
  const labels = blocks.map((block) => block.label);
  const block = blocks.find((candidate) => /(^| )PRIVATE KEY$/.test(candidate.label));
  if (block === undefined) {
    if (labels.some((label) => /PUBLIC KEY|CERTIFICATE/.test(label))) {
      throw new ConfigError(
        "private_key_public_only",
        `The key file holds only a public key or certificate (${labels.join(", ")}): that half goes on Jira's ` +
          `application link. The add-in signs with the matching PRIVATE key. ${HOW_TO_MAKE_ONE}`
      );
    }
    throw new ConfigError(
      "private_key_malformed",
      `The PEM file holds no private key (found: ${labels.join(", ")}). ${HOW_TO_MAKE_ONE}`
    );
  }
  if (block.label === "ENCRYPTED PRIVATE KEY" || /^Proc-Type:\s*4,\s*ENCRYPTED/m.test(block.body)) {
    throw new ConfigError(
      "private_key_encrypted",
      "The private key is encrypted with a passphrase, which the add-in cannot ask for. Save an unencrypted " +
        "copy, e.g. `openssl pkey -in encrypted.pem -out jira-private.pem`, and keep that file readable only " +
        "by the add-in's administrators."
    );
  }
  if (block.label === "OPENSSH PRIVATE KEY") {
    throw new ConfigError(
      "private_key_malformed",
      "The private key is in OpenSSH format, which the add-in cannot read. Convert it to PEM with " +
        "`ssh-keygen -p -m PKCS8 -f <key file>` (this rewrites the file), or make a new one. " +
        HOW_TO_MAKE_ONE
    );
  }
  if (block.label !== "PRIVATE KEY" && block.label !== "RSA PRIVATE KEY") {
    throw new ConfigError(
      "private_key_not_rsa",
      `The private key is a "${block.label}", not RSA: Jira's application links sign with RSA-SHA1 only. ${HOW_TO_MAKE_ONE}`
    );
  }
  const der = decodeBase64Body(block.body);
  if (der.length < 64 || der[0] !== 0x30) {
    throw new ConfigError(
      "private_key_malformed",
      `The private key's PEM body is not a DER-encoded key (truncated or corrupted?). ${HOW_TO_MAKE_ONE}`
    );
  }
  const format = block.label === "PRIVATE KEY" ? "pkcs8" : "pkcs1";
  if (format === "pkcs8") {
    const algorithm = pkcs8AlgorithmOid(der);
    if (algorithm === undefined) {
      throw new ConfigError(
        "private_key_malformed",
        `The private key's PEM body is not a PKCS#8 key (truncated or corrupted?). ${HOW_TO_MAKE_ONE}`
      );
    }
    if (algorithm !== RSA_ENCRYPTION_OID) {
      throw new ConfigError(
        "private_key_not_rsa",
        `The private key is not an RSA key (an EC or other key in PKCS#8): Jira's application links sign with RSA-SHA1 only. ${HOW_TO_MAKE_ONE}`
      );
    }
  }
  const base64 = block.body.replace(/\s+/g, "");
  const lines = base64.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN ${block.label}-----\n${lines.join("\n")}\n-----END ${block.label}-----\n`;
  return { format, pem, der };
}

function decodeBase64Body(body: string): Uint8Array {
  const base64 = body.replace(/\s+/g, "");
  // Headers such as "Proc-Type" have a ':' and are not base64: only plain bodies are accepted here.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new ConfigError(
      "private_key_malformed",
      `The private key's PEM body is not valid base64 (was it edited, or copied with missing lines?). ${HOW_TO_MAKE_ONE}`
    );
  }
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/**
 * The algorithm OID (content octets, hex) of a PKCS#8 PrivateKeyInfo:
 * `SEQUENCE { INTEGER version, SEQUENCE { OBJECT IDENTIFIER algorithm, … }, OCTET STRING key }`.
 * Undefined when the bytes don't have that shape.
 */
function pkcs8AlgorithmOid(der: Uint8Array): string | undefined {
  const outer = readHeader(der, 0, 0x30);
  const version = outer && readHeader(der, outer.contentStart, 0x02);
  const algorithm = version && readHeader(der, version.contentStart + version.length, 0x30);
  const oid = algorithm && readHeader(der, algorithm.contentStart, 0x06);
  if (!oid || oid.contentStart + oid.length > der.length) {
    return undefined;
  }
  return Array.from(der.subarray(oid.contentStart, oid.contentStart + oid.length), (byte) =>
    byte.toString(16).padStart(2, "0")
  ).join("");
}

/** One DER tag-length header at `offset`, if it has the expected tag. */
function readHeader(
  der: Uint8Array,
  offset: number,
  tag: number
): { contentStart: number; length: number } | undefined {
  if (der[offset] !== tag || offset + 1 >= der.length) {
    return undefined;
  }
  const first = der[offset + 1];
  if (first < 0x80) {
    return { contentStart: offset + 2, length: first };
  }
  const octets = first & 0x7f;
  if (octets === 0 || octets > 3 || offset + 2 + octets > der.length) {
    return undefined;
  }
  let length = 0;
  for (let i = 0; i < octets; i++) {
    length = length * 256 + der[offset + 2 + i];
  }
  return { contentStart: offset + 2 + octets, length };
}
