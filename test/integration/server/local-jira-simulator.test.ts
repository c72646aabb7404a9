/**
 * The zero-configuration Jira of `npm start`: a consumer key pair generated once into a private
 * folder and reused, and a simulator on 127.0.0.1 that trusts it.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { Server } from "node:net";
import path from "node:path";
import {
  LOCAL_CONSUMER_KEY,
  ensureLocalConsumerKeys,
  localKeyPaths,
  startLocalJiraSimulator,
} from "../../../src/server/local-jira-simulator";
import { makeTempDir, removeDir } from "./server-test-kit";

jest.setTimeout(30_000);

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir("local-sim");
});
afterEach(async () => {
  await removeDir(dir);
});

describe("the local consumer key pair", () => {
  it("is generated on first run as RSA 2048 PKCS#8, readable by the owner only", async () => {
    const keyDir = path.join(dir, ".local", "simulator");

    const keys = await ensureLocalConsumerKeys(keyDir);

    expect(keys.generated).toBe(true);
    expect(keys.consumerKey).toBe(LOCAL_CONSUMER_KEY);
    const privateKeyPem = await readFile(keys.privateKeyFile, "utf8");
    expect(privateKeyPem).toContain("-----BEGIN PRIVATE KEY-----");
    expect(createPrivateKey(privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect((await stat(keys.privateKeyFile)).mode & 0o777).toBe(0o600);
    expect(keys.publicKeyPem).toBe(
      createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" })
    );
    expect(await readFile(localKeyPaths(keyDir).publicKeyFile, "utf8")).toBe(keys.publicKeyPem);
  });

  it("is reused on later runs, and the public half is re-derived from the private one", async () => {
    const first = await ensureLocalConsumerKeys(dir);
    await writeFile(localKeyPaths(dir).publicKeyFile, "tampered");

    const second = await ensureLocalConsumerKeys(dir);

    expect(second.generated).toBe(false);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(await readFile(localKeyPaths(dir).publicKeyFile, "utf8")).toBe(first.publicKeyPem);
  });
});

describe("startLocalJiraSimulator", () => {
  it("serves Jira's serverInfo on 127.0.0.1 and knows the local consumer", async () => {
    const { simulator } = await startLocalJiraSimulator({ keyDir: dir, port: 0 });
    try {
      expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${simulator.url}/rest/api/2/serverInfo`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ baseUrl: simulator.url });
      // An unknown consumer is refused, the local one is not: the key pair is registered.
      const refused = await fetch(`${simulator.url}/plugins/servlet/oauth/request-token`, {
        method: "POST",
        headers: {
          Authorization:
            'OAuth oauth_consumer_key="someone-else", oauth_signature_method="RSA-SHA1", oauth_signature="x", oauth_timestamp="1", oauth_nonce="n", oauth_callback="oob", oauth_version="1.0"',
        },
      });
      expect(refused.status).toBe(401);
      expect(JSON.stringify(simulator.control.state())).toContain(LOCAL_CONSUMER_KEY);
    } finally {
      await simulator.close();
    }
  });

  it("falls back to a free port when the preferred one is taken", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const takenPort = (blocker.address() as { port: number }).port;
    try {
      const { simulator } = await startLocalJiraSimulator({ keyDir: dir, port: takenPort });
      try {
        expect(simulator.url).not.toContain(`:${takenPort}`);
        expect((await fetch(`${simulator.url}/rest/api/2/serverInfo`)).status).toBe(200);
      } finally {
        await simulator.close();
      }
    } finally {
      blocker.close();
    }
  });
});
