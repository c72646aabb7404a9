/**
 * The RSA-SHA1 signer: known answers with a fixed clock, nonce and key; signatures verified with
 * node:crypto as Jira verifies them; WebCrypto and jsrsasign byte-identical; PKCS#1 and PKCS#8;
 * fresh nonces; the clock offset.
 */
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import { encodeRfc3986 } from "../../../src/oauth/rfc3986";
import {
  makeRsaKeyPair,
  nodeRsaSha1,
  nodeVerifyRsaSha1,
  parseAuthorizationHeader,
  referenceBaseString,
} from "./reference-oauth1";

const keys = makeRsaKeyPair();
const FIXED_NOW = 1_700_000_000_123;
const FIXED_NONCE = "d3b07384d113edec49eaa6238ad5ff00";
const JIRA = "https://jira.example.com/jira";
const TOKEN = { token: "acc3ssT0ken", secret: "s3cret" };

function fixedSigner(options: { privateKeyPem?: string; subtle?: SubtleCrypto | null } = {}) {
  return createOAuthSigner({
    consumerKey: "jira-for-outlook",
    privateKeyPem: options.privateKeyPem ?? keys.pkcs8,
    subtle: options.subtle,
    now: () => FIXED_NOW,
    nonce: () => FIXED_NONCE,
  });
}

describe("createOAuthSigner", () => {
  it("produces the exact Authorization header for a fixed key, clock and nonce", async () => {
    const signer = await fixedSigner();
    const url = `${JIRA}/rest/api/2/myself`;

    const header = await signer.authorizationHeader({ method: "GET", url, token: TOKEN });

    const protocol = {
      oauth_consumer_key: "jira-for-outlook",
      oauth_nonce: FIXED_NONCE,
      oauth_signature_method: "RSA-SHA1",
      oauth_timestamp: "1700000000",
      oauth_token: "acc3ssT0ken",
      oauth_version: "1.0",
    };
    const signature = nodeRsaSha1(keys.pkcs8, referenceBaseString("GET", url, protocol));
    expect(header).toBe(
      'OAuth oauth_consumer_key="jira-for-outlook", ' +
        `oauth_nonce="${FIXED_NONCE}", ` +
        `oauth_signature="${encodeRfc3986(signature)}", ` +
        'oauth_signature_method="RSA-SHA1", ' +
        'oauth_timestamp="1700000000", ' +
        'oauth_token="acc3ssT0ken", ' +
        'oauth_version="1.0"'
    );
  });

  it("signs so that node:crypto verifies the signature with the public key (as Jira does)", async () => {
    const signer = await createOAuthSigner({ consumerKey: "ck", privateKeyPem: keys.pkcs8 });
    const url = `${JIRA}/rest/api/2/search?jql=${encodeRfc3986('project = "SUP" AND text ~ "a+b=c"')}&maxResults=10`;

    const header = await signer.authorizationHeader({ method: "GET", url, token: TOKEN });

    const { oauth_signature: signature, ...protocol } = parseAuthorizationHeader(header);
    expect(
      nodeVerifyRsaSha1(keys.publicPem, referenceBaseString("GET", url, protocol), signature)
    ).toBe(true);
  });

  it("gives byte-identical signatures with WebCrypto and with jsrsasign (subtle: null)", async () => {
    const webCrypto = await fixedSigner();
    const jsrsasign = await fixedSigner({ subtle: null });
    const request = { method: "POST", url: `${JIRA}/rest/api/2/issue`, token: TOKEN };

    expect(webCrypto.signatureEngine).toBe("webcrypto");
    expect(jsrsasign.signatureEngine).toBe("jsrsasign");
    expect(await jsrsasign.authorizationHeader(request)).toBe(
      await webCrypto.authorizationHeader(request)
    );
  });

  it.each([
    ["PKCS#8 with WebCrypto", keys.pkcs8, undefined],
    ["PKCS#1 with WebCrypto", keys.pkcs1, undefined],
    ["PKCS#8 with jsrsasign", keys.pkcs8, null],
    ["PKCS#1 with jsrsasign", keys.pkcs1, null],
  ])("reads a %s key and signs like node:crypto", async (_label, pem, subtle) => {
    const signer = await fixedSigner({ privateKeyPem: pem, subtle });
    const url = `${JIRA}/rest/api/2/serverInfo`;

    const header = await signer.authorizationHeader({ method: "GET", url, token: TOKEN });

    const { oauth_signature: signature, ...protocol } = parseAuthorizationHeader(header);
    expect(signature).toBe(nodeRsaSha1(keys.pkcs8, referenceBaseString("GET", url, protocol)));
  });

  it("accepts a PEM with CRLF line ends, literal \\n escapes and surrounding text", async () => {
    const escaped = `key:\r\n${keys.pkcs8.replace(/\n/g, "\\n")}  trailing`;

    const signer = await fixedSigner({ privateKeyPem: escaped });

    const header = await signer.authorizationHeader({ method: "GET", url: `${JIRA}/x` });
    expect(parseAuthorizationHeader(header).oauth_signature).toHaveLength(344);
  });

  it("puts oauth_callback (request token) and oauth_verifier (access token) in the header and the signature", async () => {
    const signer = await fixedSigner();
    const callback = "https://addin.example.com/callback.html?state=a b";
    const requestTokenUrl = `${JIRA}/plugins/servlet/oauth/request-token`;

    const header = await signer.authorizationHeader({
      method: "POST",
      url: requestTokenUrl,
      oauthParams: { oauth_callback: callback },
    });
    const parsed = parseAuthorizationHeader(header);
    expect(parsed.oauth_callback).toBe(callback);
    expect(parsed).not.toHaveProperty("oauth_token");
    expect(header).toContain(
      'oauth_callback="https%3A%2F%2Faddin.example.com%2Fcallback.html%3Fstate%3Da%20b"'
    );
    const { oauth_signature: signature, ...protocol } = parsed;
    expect(
      nodeVerifyRsaSha1(
        keys.publicPem,
        referenceBaseString("POST", requestTokenUrl, protocol),
        signature
      )
    ).toBe(true);

    const accessHeader = await signer.authorizationHeader({
      method: "POST",
      url: `${JIRA}/plugins/servlet/oauth/access-token`,
      token: { token: "reqtok", secret: "" },
      oauthParams: { oauth_verifier: "v3rif1er" },
    });
    expect(parseAuthorizationHeader(accessHeader)).toMatchObject({
      oauth_token: "reqtok",
      oauth_verifier: "v3rif1er",
    });
  });

  it("signs form parameters but never puts them in the header", async () => {
    const signer = await fixedSigner();
    const url = `${JIRA}/plugins/servlet/x`;

    const header = await signer.authorizationHeader({
      method: "POST",
      url,
      form: { a: "1 2", b: "=" },
    });

    const { oauth_signature: signature, ...protocol } = parseAuthorizationHeader(header);
    expect(protocol).not.toHaveProperty("a");
    expect(
      nodeVerifyRsaSha1(
        keys.publicPem,
        referenceBaseString("POST", url, protocol, "a=1+2&b=%3D"),
        signature
      )
    ).toBe(true);
  });

  it("omits oauth_token when the token is empty (Jira would treat it as 2-legged anyway)", async () => {
    const signer = await fixedSigner();

    const header = await signer.authorizationHeader({
      method: "GET",
      url: `${JIRA}/x`,
      token: { token: "", secret: "" },
    });

    expect(header).not.toContain("oauth_token");
  });

  it("uses a fresh 128-bit random nonce for every request by default", async () => {
    const signer = await createOAuthSigner({ consumerKey: "ck", privateKeyPem: keys.pkcs8 });
    const request = { method: "GET", url: `${JIRA}/rest/api/2/myself`, token: TOKEN };

    const nonces = await Promise.all(
      Array.from(
        { length: 20 },
        async () => parseAuthorizationHeader(await signer.authorizationHeader(request)).oauth_nonce
      )
    );

    expect(new Set(nonces).size).toBe(20);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("applies the clock offset to oauth_timestamp, rounded to whole seconds", async () => {
    const signer = await fixedSigner();
    const request = { method: "GET", url: `${JIRA}/x`, token: TOKEN };
    expect(signer.getClockOffsetSeconds()).toBe(0);

    signer.setClockOffsetSeconds(-420.4);

    expect(signer.getClockOffsetSeconds()).toBe(-420);
    expect(
      parseAuthorizationHeader(await signer.authorizationHeader(request)).oauth_timestamp
    ).toBe(String(1_700_000_000 - 420));
    expect(() => signer.setClockOffsetSeconds(Number.NaN)).toThrow(RangeError);
  });

  it("takes the timestamp from the injected clock for every request", async () => {
    let now = FIXED_NOW;
    const signer = await createOAuthSigner({
      consumerKey: "ck",
      privateKeyPem: keys.pkcs8,
      now: () => now,
    });
    const request = { method: "GET", url: `${JIRA}/x` };

    const first = parseAuthorizationHeader(
      await signer.authorizationHeader(request)
    ).oauth_timestamp;
    now += 61_000;
    const second = parseAuthorizationHeader(
      await signer.authorizationHeader(request)
    ).oauth_timestamp;

    expect(Number(second) - Number(first)).toBe(61);
  });

  it("keeps jsrsasign out of the PKCS#8 + WebCrypto path (it is loaded lazily, only when needed)", async () => {
    let header: string | undefined;
    let loadError: unknown;
    await jest.isolateModulesAsync(async () => {
      jest.doMock("jsrsasign", () => {
        throw new Error("jsrsasign was loaded");
      });
      const { createOAuthSigner: isolatedCreate } = await import("../../../src/oauth/oauth-signer");
      const signer = await isolatedCreate({ consumerKey: "ck", privateKeyPem: keys.pkcs8 });
      header = await signer.authorizationHeader({ method: "GET", url: `${JIRA}/x` });
      try {
        await isolatedCreate({ consumerKey: "ck", privateKeyPem: keys.pkcs1 });
      } catch (error) {
        loadError = error;
      }
    });
    jest.dontMock("jsrsasign");

    expect(header).toMatch(/^OAuth /);
    // The PKCS#1 key does need it: proof the mock was in place.
    expect(String(loadError)).toContain("jsrsasign was loaded");
  });
});
