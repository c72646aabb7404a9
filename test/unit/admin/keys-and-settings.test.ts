import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import {
  connectionSettings,
  readPrivateKeyFile,
  requiredSetting,
  SETTINGS,
} from "../../../src/admin/admin-settings";
import {
  applicationLinkInstructions,
  newConsumerKey,
  writeApplicationLinkKeys,
} from "../../../src/admin/keys-command";
import { readOneLine } from "../../../src/admin/read-line";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "admin-unit-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeApplicationLinkKeys", () => {
  it("writes a PKCS#8 private key (0600) and its public key, and refuses to replace it without force", async () => {
    const outDir = path.join(dir, "keys");
    const first = await writeApplicationLinkKeys({ outDir, consumerKey: "k1", force: false });

    const privateKeyPem = await readFile(first.privateKeyFile, "utf8");
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await stat(first.privateKeyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(first.publicKeyFile, "utf8")).toBe(first.publicKeyPem);
    expect((await readPrivateKeyFile(first.privateKeyFile)).bits).toBe(2048);

    await expect(
      writeApplicationLinkKeys({ outDir, consumerKey: "k1", force: false })
    ).rejects.toMatchObject({
      code: "private_key_exists",
    });
    expect(await readFile(first.privateKeyFile, "utf8")).toBe(privateKeyPem);

    await writeFile(first.privateKeyFile, "old", { mode: 0o644 });
    const second = await writeApplicationLinkKeys({ outDir, consumerKey: "k1", force: true });
    expect(await readFile(second.privateKeyFile, "utf8")).not.toBe(privateKeyPem);
    expect((await stat(second.privateKeyFile)).mode & 0o777).toBe(0o600);
  });

  it("makes distinct, recognisable consumer keys", () => {
    const a = newConsumerKey();
    expect(a).toMatch(/^jira-for-outlook-[0-9a-f]{8}$/);
    expect(newConsumerKey()).not.toBe(a);
  });
});

describe("applicationLinkInstructions", () => {
  it("names where to go, the three values and the public key, and where the private key is", () => {
    const text = applicationLinkInstructions({
      consumerKey: "jira-for-outlook-1234abcd",
      consumerName: "Jira for Outlook",
      publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
      privateKeyFile: "/keys/jira-private.pem",
      publicKeyFile: "/keys/jira-public.pem",
    });

    expect(text).toContain("Administration › Applications › Application links");
    expect(text).toContain('"Create incoming link"');
    expect(text).toContain("Direct application link");
    expect(text).toContain(
      "Enter the URL https://outlook-addin.example.com (the add-in's URL once you know it"
    );
    expect(text).toContain(
      "  Consumer Key:  jira-for-outlook-1234abcd\n  Consumer Name: Jira for Outlook\n"
    );
    expect(text).toContain("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----");
    expect(text).toContain("Private key:  /keys/jira-private.pem");
    expect(text).toContain("2-legged OAuth");
    expect(text).toContain("expected for an\nincoming-only link");
  });
});

describe("settings", () => {
  it("names the flag and the environment variable of a missing setting", () => {
    expect(() => requiredSetting("  ", SETTINGS.jira)).toThrow(
      expect.objectContaining({
        code: "option_missing",
        message: expect.stringMatching(
          /^Missing --jira <url>: give it, or set JIRA_URL\. It is Jira's base URL/
        ),
      })
    );
    expect(
      connectionSettings({
        jira: "https://jira.example.com/jira/",
        consumerKey: " k ",
        privateKey: "f.pem",
      })
    ).toEqual({
      jiraUrl: "https://jira.example.com/jira",
      consumerKey: "k",
      privateKeyFile: "f.pem",
    });
    expect(() =>
      connectionSettings({ jira: "jira.example.com", consumerKey: "k", privateKey: "f" })
    ).toThrow(
      expect.objectContaining({
        code: "jira_url_invalid",
        message: expect.stringContaining("--jira (JIRA_URL)"),
      })
    );
  });

  it("names the file and the setting when the private key can't be used", async () => {
    const missing = path.join(dir, "missing.pem");
    const publicOnly = path.join(dir, "public.pem");
    const keys = await writeApplicationLinkKeys({ outDir: dir, consumerKey: "k", force: false });
    await writeFile(publicOnly, keys.publicKeyPem);

    await expect(readPrivateKeyFile(missing)).rejects.toMatchObject({
      code: "private_key_unreadable",
      message: expect.stringContaining(
        `--private-key ${missing} (JIRA_PRIVATE_KEY_FILE): cannot be read (ENOENT)`
      ),
    });
    await expect(readPrivateKeyFile(publicOnly)).rejects.toMatchObject({
      code: "private_key_public_only",
      message: expect.stringContaining(
        `--private-key ${publicOnly} (JIRA_PRIVATE_KEY_FILE): The key file holds only a public key`
      ),
    });
  });
});

describe("readOneLine", () => {
  it("reads the first line from a pipe, or what came before its end", async () => {
    const piped = new PassThrough();
    const line = readOneLine(piped);
    piped.write("abc");
    piped.write("-def\r\nsecond line\n");
    await expect(line).resolves.toBe("abc-def");

    const unterminated = new PassThrough();
    const last = readOneLine(unterminated);
    unterminated.end("xyz");
    await expect(last).resolves.toBe("xyz");

    const empty = new PassThrough();
    const nothing = readOneLine(empty);
    empty.end();
    await expect(nothing).resolves.toBeUndefined();
  });
});
