/**
 * Every way an admin can hand over the wrong key ends in a ConfigError whose code tells the cases
 * apart and whose message says what to do; with WebCrypto and with jsrsasign alike.
 */
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { ConfigError } from "../../../src/config/config-error";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import { makeRsaKeyPair } from "./reference-oauth1";

const keys = makeRsaKeyPair(1024);
const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });

function pemBlock(label: string, base64: string): string {
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)?.join("\n")}\n-----END ${label}-----\n`;
}

const badKeys: Array<[string, string, string, RegExp]> = [
  [
    "an empty string",
    "  \n",
    "private_key_missing",
    /No private key was given.*BEGIN PRIVATE KEY/s,
  ],
  [
    "text that is not PEM",
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
    "private_key_malformed",
    /not in PEM format/,
  ],
  [
    "a public key (SPKI)",
    keys.publicPem,
    "private_key_public_only",
    /only a public key.*PUBLIC KEY.*PRIVATE key/s,
  ],
  [
    "a PKCS#1 public key",
    createPublicKey(rsa.privateKey).export({ type: "pkcs1", format: "pem" }).toString(),
    "private_key_public_only",
    /RSA PUBLIC KEY/,
  ],
  [
    "a certificate",
    pemBlock("CERTIFICATE", "MIIBszCCAVmgAwIBAgIUQ2Vy"),
    "private_key_public_only",
    /CERTIFICATE/,
  ],
  [
    "an encrypted PKCS#8 key",
    rsa.privateKey
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" })
      .toString(),
    "private_key_encrypted",
    /encrypted with a passphrase.*openssl pkey/s,
  ],
  [
    "an encrypted PKCS#1 key (Proc-Type: 4,ENCRYPTED)",
    rsa.privateKey
      .export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" })
      .toString(),
    "private_key_encrypted",
    /encrypted/,
  ],
  [
    "an EC key in PKCS#8",
    ec.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    "private_key_not_rsa",
    /not an RSA key.*RSA-SHA1/s,
  ],
  [
    "an EC key in SEC1",
    ec.privateKey.export({ type: "sec1", format: "pem" }).toString(),
    "private_key_not_rsa",
    /EC PRIVATE KEY.*RSA-SHA1/s,
  ],
  [
    "an OpenSSH key",
    pemBlock("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
    "private_key_malformed",
    /OpenSSH format.*ssh-keygen/s,
  ],
  [
    "a key with a damaged base64 body",
    keys.pkcs8.replace(/\n[A-Za-z0-9+/]{10}/, "\n!!!!!!!!!!"),
    "private_key_malformed",
    /not valid base64/,
  ],
  [
    "a key with a line missing",
    keys.pkcs8
      .split("\n")
      .filter((_line, index) => index !== 3)
      .join("\n"),
    "private_key_malformed",
    /could not be read|not valid base64/,
  ],
  [
    "a PKCS#8 block holding garbage DER",
    pemBlock("PRIVATE KEY", Buffer.from(`0\x82${"x".repeat(100)}`, "latin1").toString("base64")),
    "private_key_malformed",
    /not a PKCS#8 key/,
  ],
];

describe.each([
  ["WebCrypto", undefined],
  ["jsrsasign", null],
])("bad private keys with %s", (_engine, subtle) => {
  it.each(badKeys.map(([label, pem, code, message]) => [label, code, pem, message] as const))(
    "%s → ConfigError %s",
    async (_label, code, pem, message) => {
      const error = await createOAuthSigner({
        consumerKey: "ck",
        privateKeyPem: pem,
        subtle,
      }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ name: "ConfigError", code });
      expect((error as Error).message).toMatch(message);
    }
  );
});

describe("private key files with several blocks", () => {
  it("uses the private key even when a certificate comes first", async () => {
    const pem = pemBlock("CERTIFICATE", "MIIBszCCAVmgAwIBAgIUQ2Vy") + keys.pkcs1;

    const signer = await createOAuthSigner({ consumerKey: "ck", privateKeyPem: pem });

    expect(signer.consumerKey).toBe("ck");
  });
});
