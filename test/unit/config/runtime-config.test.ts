/**
 * The runtime configuration (addin-config.json): every rule of parseRuntimeConfig with the code and
 * message an administrator sees, relayUrl resolution, the private key kept out of every message,
 * and loadRuntimeConfig over real HTTP on 127.0.0.1.
 */
import { ConfigError } from "../../../src/config/config-error";
import {
  RUNTIME_CONFIG_FILE,
  RUNTIME_CONFIG_FORMAT_VERSION,
  loadRuntimeConfig,
  parseRuntimeConfig,
  runtimeConfigDocument,
} from "../../../src/config/runtime-config";
import { findClosedPort } from "../../integration/server/server-test-kit";
import { startScriptedServer } from "../jira/scripted-server";
import type { ScriptedServer } from "../jira/scripted-server";

/** Not a real key: parseRuntimeConfig only checks the label; the body is the "secret" to look for. */
const KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCsecretbody";
const PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;
const LOADED_FROM = "https://addin.example.com/outlook/addin-config.json";

const VALID = {
  formatVersion: 1,
  jiraBaseUrl: "https://jira.example.com/jira/",
  consumerKey: "jira-for-outlook",
  privateKeyPem: PRIVATE_KEY_PEM,
};

/** The error `run` throws, failing the test when it throws none. */
function caught(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

/** The rejection of `promise`, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a ConfigError");
    },
    (reason: unknown) => reason
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("parseRuntimeConfig", () => {
  it("returns the validated configuration, Jira's URL and the relay without trailing slash", () => {
    expect(parseRuntimeConfig(VALID, LOADED_FROM)).toEqual({
      formatVersion: 1,
      jiraBaseUrl: "https://jira.example.com/jira",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
      relayUrl: "https://addin.example.com/outlook/jira",
    });
  });

  it("ignores unknown keys", () => {
    const config = parseRuntimeConfig(
      { ...VALID, comment: "written by the admin tool", futureOption: { x: 1 } },
      LOADED_FROM
    );

    expect(Object.keys(config).sort()).toEqual(
      ["consumerKey", "formatVersion", "jiraBaseUrl", "privateKeyPem", "relayUrl"].sort()
    );
  });

  it.each([
    ["a relative path beside the file", "relay/", "https://addin.example.com/outlook/relay"],
    ["a relative path with ..", "../jira", "https://addin.example.com/jira"],
    ["an absolute path", "/jira/", "https://addin.example.com/jira"],
    [
      "an absolute URL on the same origin",
      "https://addin.example.com/x/jira//",
      "https://addin.example.com/x/jira",
    ],
  ])("resolves relayUrl given as %s", (_name, relayUrl, expected) => {
    expect(parseRuntimeConfig({ ...VALID, relayUrl }, LOADED_FROM).relayUrl).toBe(expected);
  });

  it("resolves the default relay beside the file, also in the preview's folder", () => {
    expect(
      parseRuntimeConfig(VALID, "https://localhost:3000/preview/addin-config.json").relayUrl
    ).toBe("https://localhost:3000/preview/jira");
  });

  it.each([
    ["another host", "https://evil.example.com/jira", "https://evil.example.com"],
    ["another scheme", "http://addin.example.com/jira", "http://addin.example.com"],
    ["another port", "https://addin.example.com:8443/jira", "https://addin.example.com:8443"],
    ["a protocol-relative URL", "//evil.example.com/jira", "https://evil.example.com"],
  ])("refuses a relayUrl on %s", (_name, relayUrl, origin) => {
    const error = caught(() => parseRuntimeConfig({ ...VALID, relayUrl }, LOADED_FROM));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringContaining(
        `relayUrl in addin-config.json "${relayUrl}" points to ${origin}, but the add-in may only talk to its own origin https://addin.example.com.`
      ),
    });
  });

  it.each([
    ["a number", 42, "must be a non-empty string"],
    ["an empty string", " ", "must be a non-empty string"],
    ["a query", "/jira?x=1", "must not contain a query"],
    ["a fragment", "jira#top", "must not contain a query, fragment"],
    ["credentials", "https://user:pw@addin.example.com/jira", "credentials"],
  ])("refuses a relayUrl that is %s", (_name, relayUrl, reason) => {
    const error = caught(() => parseRuntimeConfig({ ...VALID, relayUrl }, LOADED_FROM));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringMatching(/^relayUrl in addin-config.json .*"\/jira"/),
    });
    expect(error.message).toContain(reason);
  });

  it.each([
    ["null", null, "not null"],
    ["an array", [VALID], "not an array"],
    ["a string", "formatVersion=1", "not a string"],
  ])("rejects a file holding %s", (_name, value, reason) => {
    const error = caught(() => parseRuntimeConfig(value, LOADED_FROM));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: `addin-config.json must hold a JSON object, ${reason}: addin-config.json holds {"formatVersion": 1, "jiraBaseUrl": …, "consumerKey": …, "privateKeyPem": …} (README "Configuration").`,
    });
  });

  it.each([
    ["missing", undefined, "addin-config.json has no formatVersion;"],
    ["2", 2, "addin-config.json has formatVersion 2;"],
    ["a string", "1", "addin-config.json has a formatVersion that is a string;"],
  ])(
    "rejects a formatVersion that is %s, naming the version it reads",
    (_name, formatVersion, found) => {
      const error = caught(() => parseRuntimeConfig({ ...VALID, formatVersion }, LOADED_FROM));

      expect(error).toMatchObject({
        code: "runtime_config_version",
        message: expect.stringContaining(`${found} this add-in reads formatVersion 1 only.`),
      });
      expect(RUNTIME_CONFIG_FORMAT_VERSION).toBe(1);
    }
  );

  it("checks the version before the fields: another format has other fields", () => {
    expect(caught(() => parseRuntimeConfig({ formatVersion: 2, jira: {} }, LOADED_FROM)).code).toBe(
      "runtime_config_version"
    );
  });

  it.each([
    ["missing", undefined, "must be Jira's base URL as a string"],
    ["a number", 8080, "must be Jira's base URL as a string"],
    [
      "relative",
      "jira.example.com",
      'jiraBaseUrl in addin-config.json "jira.example.com" is not an absolute URL',
    ],
    ["ftp", "ftp://jira.example.com", "must be an http or https URL"],
    [
      "with a query",
      "https://jira.example.com/?os_authType=basic",
      "must not contain a query string",
    ],
    ["with credentials", "https://admin:secret@jira.example.com", "must not contain credentials"],
  ])("rejects a jiraBaseUrl that is %s", (_name, jiraBaseUrl, reason) => {
    const error = caught(() => parseRuntimeConfig({ ...VALID, jiraBaseUrl }, LOADED_FROM));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringContaining("jiraBaseUrl in addin-config.json"),
    });
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain("secret");
  });

  it.each([
    ["missing", undefined],
    ["empty", "  "],
    ["a number", 1],
  ])("rejects a consumerKey that is %s", (_name, consumerKey) => {
    expect(caught(() => parseRuntimeConfig({ ...VALID, consumerKey }, LOADED_FROM))).toMatchObject({
      code: "runtime_config_invalid",
      message:
        "consumerKey in addin-config.json must be a non-empty string: the Consumer Key of Jira's incoming application link for this add-in.",
    });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["a public key", `-----BEGIN PUBLIC KEY-----\n${KEY_BODY}\n-----END PUBLIC KEY-----\n`],
    ["a bare base64 body", KEY_BODY],
  ])("rejects a privateKeyPem that is %s, without quoting it", (_name, privateKeyPem) => {
    const error = caught(() => parseRuntimeConfig({ ...VALID, privateKeyPem }, LOADED_FROM));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringContaining(
        "privateKeyPem in addin-config.json must be a non-empty string holding the consumer's unencrypted RSA private key in PEM"
      ),
    });
    expect(error.message).not.toContain(KEY_BODY);
  });

  it.each([
    ["jiraBaseUrl", { jiraBaseUrl: PRIVATE_KEY_PEM }],
    ["relayUrl", { relayUrl: PRIVATE_KEY_PEM }],
    ["consumerKey (with the key missing)", { consumerKey: "", privateKeyPem: PRIVATE_KEY_PEM }],
    ["formatVersion", { formatVersion: PRIVATE_KEY_PEM }],
  ])("never quotes the key, even pasted into %s", (_name, fields) => {
    const error = caught(() => parseRuntimeConfig({ ...VALID, ...fields }, LOADED_FROM));

    expect(error.code).toMatch(/^runtime_config_(invalid|version)$/);
    expect(error.message).not.toContain(KEY_BODY);
    expect(error.message).not.toContain("BEGIN PRIVATE KEY-----\n");
  });
});

describe("runtimeConfigDocument", () => {
  it("writes formatVersion first and leaves out an unset relayUrl", () => {
    const document = runtimeConfigDocument({
      jiraBaseUrl: "https://jira.example.com",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
    });

    expect(Object.keys(document)).toEqual([
      "formatVersion",
      "jiraBaseUrl",
      "consumerKey",
      "privateKeyPem",
    ]);
    expect(document.formatVersion).toBe(1);
  });

  it("reads back through parseRuntimeConfig unchanged", () => {
    const document = runtimeConfigDocument({
      jiraBaseUrl: "https://jira.example.com",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
      relayUrl: "/jira",
    });

    expect(
      parseRuntimeConfig(
        JSON.parse(JSON.stringify(document)),
        "https://localhost:3000/preview/addin-config.json"
      )
    ).toEqual({
      formatVersion: 1,
      jiraBaseUrl: "https://jira.example.com",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
      relayUrl: "https://localhost:3000/jira",
    });
  });
});

describe("loadRuntimeConfig over HTTP", () => {
  let server: ScriptedServer;
  let url: string;

  beforeEach(async () => {
    server = await startScriptedServer();
    url = `${server.url}/outlook/${RUNTIME_CONFIG_FILE}`;
  });

  afterEach(async () => {
    await server.close();
  });

  it("fetches the file uncached, with same-origin credentials, and validates it", async () => {
    server.queue({ status: 200, body: { ...VALID, relayUrl: "/relay" } });

    await expect(loadRuntimeConfig({ url })).resolves.toEqual({
      formatVersion: 1,
      jiraBaseUrl: "https://jira.example.com/jira",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
      relayUrl: `${server.url}/relay`,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/outlook/addin-config.json",
      headers: expect.objectContaining({ accept: "application/json" }),
    });
  });

  it("passes cache, credentials and Accept to an injected fetch", async () => {
    server.queue({ status: 200, body: VALID });
    const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      calls.push([input, init]);
      return fetch(input, init);
    };

    const config = await loadRuntimeConfig({ url, fetch: recordingFetch });

    expect(config.relayUrl).toBe(`${server.url}/outlook/jira`);
    expect(calls).toEqual([
      [
        url,
        { cache: "no-store", credentials: "same-origin", headers: { Accept: "application/json" } },
      ],
    ]);
  });

  it("says where to put the file on 404", async () => {
    server.queue({ status: 404, body: "Not found.\n" });

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_missing",
      message: `The add-in host serves no addin-config.json at ${url} (404 Not Found), so the add-in does not know which Jira to use. The administrator must place addin-config.json beside taskpane.html; README "Configuration" explains its fields.`,
    });
  });

  it("reports another error status as unreachable, with the status", async () => {
    server.queue({ status: 500, body: "Internal server error.\n" });

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_unreachable",
      message: expect.stringContaining(
        `The add-in host answered 500 Internal Server Error for ${url}.`
      ),
    });
  });

  it("recognises an HTML fallback page as not JSON", async () => {
    server.queue({
      status: 200,
      headers: { "Content-Type": "text/html" },
      body: "<!doctype html><title>Task pane</title>",
    });

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringContaining(`${url} is not JSON: it is an HTML page`),
    });
  });

  it("never quotes a broken file, which may hold the key", async () => {
    // A trailing comma right after the key: V8's parser message would quote the text around it.
    const broken = `{"formatVersion": 1, "privateKeyPem": ${JSON.stringify(PRIVATE_KEY_PEM)},}`;
    server.queue({ status: 200, headers: { "Content-Type": "application/json" }, body: broken });

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_invalid",
      message: expect.stringContaining(
        `${url} is not JSON: the administrator should check addin-config.json`
      ),
    });
    expect(error.message).not.toContain(KEY_BODY);
    expect(error.cause).toBeUndefined();
  });

  it("passes a served file's mistakes on from parseRuntimeConfig", async () => {
    server.queue({ status: 200, body: { ...VALID, formatVersion: 2 } });

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_version",
      message: expect.stringContaining("this add-in reads formatVersion 1 only"),
    });
  });

  it("reports a refused connection as unreachable", async () => {
    const closedUrl = `http://127.0.0.1:${await findClosedPort()}/${RUNTIME_CONFIG_FILE}`;

    const error = await rejection(loadRuntimeConfig({ url: closedUrl }));

    expect(error).toMatchObject({
      code: "runtime_config_unreachable",
      message: expect.stringContaining(
        `The add-in's configuration ${closedUrl} could not be loaded (fetch failed).`
      ),
    });
  });

  it("reports a connection dropped without an answer as unreachable", async () => {
    server.queue("destroy");

    const error = await rejection(loadRuntimeConfig({ url }));

    expect(error).toMatchObject({
      code: "runtime_config_unreachable",
      message: expect.stringContaining(`The add-in's configuration ${url} could not be loaded`),
    });
  });
});
