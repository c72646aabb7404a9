/**
 * addin-config.json over real HTTPS: generated from the server's settings (with the relay as an
 * absolute path, so the preview's pages in /preview/ find it too), or an administrator's file from
 * dist/, always with `Cache-Control: no-store`; and the startup check of the consumer's key file.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../../../src/config/config-error";
import {
  RUNTIME_CONFIG_FILE,
  parseRuntimeConfig,
  runtimeConfigDocument,
} from "../../../src/config/runtime-config";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer, AddinServerOptions } from "../../../src/server/create-addin-server";
import { readServedRuntimeConfig } from "../../../src/server/runtime-config-route";
import type { ServedRuntimeConfig } from "../../../src/server/runtime-config-route";
import { generateConsumerKeyPair } from "../../support/reference-oauth-client";
import {
  makeDist,
  makeTempDir,
  makeTestCertificate,
  removeDir,
  request,
  testServerOptions,
} from "./server-test-kit";

jest.setTimeout(30_000);

const { privateKeyPem: PRIVATE_KEY_PEM, publicKeyPem: PUBLIC_KEY_PEM } = generateConsumerKeyPair();
/** A line from the middle of the key: no message may contain it. */
const KEY_LINE = PRIVATE_KEY_PEM.split("\n")[5];

const RUNTIME_CONFIG: ServedRuntimeConfig = {
  jiraBaseUrl: "https://jira.example.com/jira",
  consumerKey: "jira-for-outlook",
  privateKeyPem: PRIVATE_KEY_PEM,
};

/** What an administrator put into dist/ (another Jira, so the tests can tell the sources apart). */
const ADMIN_FILE = `${JSON.stringify(
  runtimeConfigDocument({
    jiraBaseUrl: "https://jira.admin.example.com",
    consumerKey: "from-dist",
    privateKeyPem: PRIVATE_KEY_PEM,
  }),
  null,
  2
)}\n`;

let distDir: string;
let distWithFile: string;
let keyDir: string;
let cert: Awaited<ReturnType<typeof makeTestCertificate>>;
const running: AddinServer[] = [];

async function start(dist: string, options: Partial<AddinServerOptions> = {}): Promise<number> {
  const server = createAddinServer(testServerOptions(dist, cert, options));
  running.push(server);
  return (await server.listen()).port;
}

beforeAll(async () => {
  cert = await makeTestCertificate();
  distDir = await makeDist();
  distWithFile = await makeDist();
  await writeFile(path.join(distWithFile, RUNTIME_CONFIG_FILE), ADMIN_FILE);
  keyDir = await makeTempDir("keys");
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  await Promise.all([distDir, distWithFile, keyDir, cert.dir].map(removeDir));
});

describe("with a runtime configuration given", () => {
  let production: number;
  let preview: number;

  beforeAll(async () => {
    // dist/ has a file too: the configuration the server was started with wins.
    production = await start(distWithFile, { runtimeConfig: RUNTIME_CONFIG });
    preview = await start(distWithFile, {
      preview: true,
      runtimeConfig: { ...RUNTIME_CONFIG, jiraBaseUrl: "https://jira.example.com/jira/" },
    });
  });

  it("serves the document with the relay as an absolute path, never stored", async () => {
    const res = await request(production, cert.cert, "/addin-config.json");

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(res.body)).toEqual(
      runtimeConfigDocument({ ...RUNTIME_CONFIG, relayUrl: "/jira" })
    );
    expect(Object.keys(JSON.parse(res.body) as object)[0]).toBe("formatVersion");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await request(production, cert.cert, "/addin-config.json", { method: "HEAD" });

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toBe("");
  });

  it.each([
    "/addin%2Dconfig.json",
    "/Addin-Config.json",
    "/./addin-config.json",
    "/x/../addin-config.json",
    "/x/%2e%2e/addin-config.json",
    "/preview/../addin-config.json",
    "/preview/%2E%2E/addin%2dconfig.json",
    "/addin-config.json/",
  ])(
    "gives %s the generated document too, never the older file left in dist/",
    async (spelling) => {
      for (const port of [production, preview]) {
        for (const method of ["GET", "HEAD"]) {
          const res = await request(port, cert.cert, spelling, { method });

          expect([spelling, method, res.status, res.headers["cache-control"]]).toEqual([
            spelling,
            method,
            200,
            "no-store",
          ]);
          if (method === "GET") {
            expect((JSON.parse(res.body) as { consumerKey: string }).consumerKey).toBe(
              RUNTIME_CONFIG.consumerKey
            );
          }
        }
      }
    }
  );

  it.each([
    "/preview%2Faddin-config.json",
    "/%70review/addin-config.json",
    "/preview//addin-config.json",
  ])("gives %s the generated document in preview mode, and 404 in production", async (spelling) => {
    const inPreview = await request(preview, cert.cert, spelling);
    const inProduction = await request(production, cert.cert, spelling);

    expect(inPreview.status).toBe(200);
    expect((JSON.parse(inPreview.body) as { consumerKey: string }).consumerKey).toBe(
      RUNTIME_CONFIG.consumerKey
    );
    expect(inProduction.status).toBe(404);
  });

  it("serves it beside the preview's pages only in preview mode", async () => {
    const inPreview = await request(preview, cert.cert, "/preview/addin-config.json");
    const inProduction = await request(production, cert.cert, "/preview/addin-config.json");

    expect(inPreview.status).toBe(200);
    expect(inPreview.headers["cache-control"]).toBe("no-store");
    expect(inProduction.status).toBe(404);
  });

  it("reads, from either place, as the relay on the server's own origin and Jira without trailing slash", async () => {
    const origin = `https://127.0.0.1:${preview}`;
    for (const file of ["/addin-config.json", "/preview/addin-config.json"]) {
      const res = await request(preview, cert.cert, file);

      expect(parseRuntimeConfig(JSON.parse(res.body), `${origin}${file}`)).toEqual({
        formatVersion: 1,
        jiraBaseUrl: "https://jira.example.com/jira",
        consumerKey: "jira-for-outlook",
        privateKeyPem: PRIVATE_KEY_PEM,
        relayUrl: `${origin}/jira`,
      });
    }
  });
});

describe("without a runtime configuration", () => {
  it("serves dist/addin-config.json, never stored, also beside the preview's pages", async () => {
    const production = await start(distWithFile);
    const preview = await start(distWithFile, { preview: true });

    for (const [port, file] of [
      [production, "/addin-config.json"],
      [preview, "/addin-config.json"],
      [preview, "/preview/addin-config.json"],
    ] as const) {
      const res = await request(port, cert.cert, file);

      expect([file, res.status, res.headers["cache-control"]]).toEqual([file, 200, "no-store"]);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.body).toBe(ADMIN_FILE);
    }
    expect((await request(production, cert.cert, "/preview/addin-config.json")).status).toBe(404);
  });

  it("keeps no-store on the file however its path is spelled", async () => {
    const production = await start(distWithFile);

    for (const spelling of ["/addin%2Dconfig.json", "/x/../addin-config.json"]) {
      for (const method of ["GET", "HEAD"]) {
        const res = await request(production, cert.cert, spelling, { method });

        expect([spelling, method, res.status, res.headers["cache-control"]]).toEqual([
          spelling,
          method,
          200,
          "no-store",
        ]);
        expect(res.body).toBe(method === "GET" ? ADMIN_FILE : "");
      }
    }
  });

  it("answers 404 without the file", async () => {
    const production = await start(distDir);
    const preview = await start(distDir, { preview: true });

    for (const [port, file] of [
      [production, "/addin-config.json"],
      [preview, "/addin-config.json"],
      [preview, "/preview/addin-config.json"],
    ] as const) {
      const res = await request(port, cert.cert, file);

      expect([file, res.status, res.body]).toEqual([file, 404, "Not found.\n"]);
    }
  });
});

describe("readServedRuntimeConfig", () => {
  async function keyFile(name: string, content: string): Promise<string> {
    const file = path.join(keyDir, name);
    await writeFile(file, content);
    return file;
  }

  async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
    const error = await promise.then(
      () => new Error("expected a ConfigError"),
      (reason: unknown) => reason
    );
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  it("serves only the private key block of the file", async () => {
    const privateKeyFile = await keyFile(
      "with-public.pem",
      `${PUBLIC_KEY_PEM}\r\n${PRIVATE_KEY_PEM.replace(/\n/g, "\r\n")}`
    );

    await expect(
      readServedRuntimeConfig({
        jiraBaseUrl: "https://jira.example.com",
        consumerKey: "jira-for-outlook",
        privateKeyFile,
      })
    ).resolves.toEqual({
      jiraBaseUrl: "https://jira.example.com",
      consumerKey: "jira-for-outlook",
      privateKeyPem: PRIVATE_KEY_PEM,
    });
  });

  it("names JIRA_PRIVATE_KEY_FILE when the file cannot be read", async () => {
    const privateKeyFile = path.join(keyDir, "missing.pem");

    const error = await rejection(
      readServedRuntimeConfig({
        jiraBaseUrl: "https://jira.example.com",
        consumerKey: "k",
        privateKeyFile,
      })
    );

    expect(error).toMatchObject({
      code: "private_key_unreadable",
      message: expect.stringMatching(
        new RegExp(
          `^JIRA_PRIVATE_KEY_FILE ${escapeRegExp(privateKeyFile)}: cannot be read \\(ENOENT`
        )
      ),
    });
  });

  it("prefixes the key reader's message with the setting and the file", async () => {
    const privateKeyFile = await keyFile("public.pem", PUBLIC_KEY_PEM);

    const error = await rejection(
      readServedRuntimeConfig({
        jiraBaseUrl: "https://jira.example.com",
        consumerKey: "k",
        privateKeyFile,
      })
    );

    expect(error).toMatchObject({
      code: "private_key_public_only",
      message: expect.stringContaining(
        `JIRA_PRIVATE_KEY_FILE ${privateKeyFile}: The key file holds only a public key or certificate`
      ),
    });
  });

  it("never quotes the key when it is damaged", async () => {
    const lines = PRIVATE_KEY_PEM.split("\n");
    const privateKeyFile = await keyFile(
      "damaged.pem",
      [...lines.slice(0, 5), `${KEY_LINE}!`, ...lines.slice(6)].join("\n")
    );

    const error = await rejection(
      readServedRuntimeConfig({
        jiraBaseUrl: "https://jira.example.com",
        consumerKey: "k",
        privateKeyFile,
        settingName: "The built-in simulator's key file",
      })
    );

    expect(error).toMatchObject({
      code: "private_key_malformed",
      message: expect.stringContaining(`The built-in simulator's key file ${privateKeyFile}: `),
    });
    expect(error.message).not.toContain(KEY_LINE);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
