/**
 * The add-in's signer and Jira client in a real browser: WebCrypto signs (no jsrsasign), requests
 * go to the add-in's own origin and through its relay to the built-in simulator, the user clicks
 * Allow on Jira's real authorize page, and an upload through XMLHttpRequest reports progress.
 * The code is the same src/oauth + src/jira the pane bundles, built here with webpack.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import webpack from "webpack";
import { localKeyPaths } from "../../src/server/local-jira-simulator";
import { launchBrowser } from "./browser";
import type { BrowserClientKit } from "./browser-client/entry";
import { readE2eState } from "./e2e-state";

jest.setTimeout(90_000);

const repoRoot = path.resolve(__dirname, "../..");
const { baseUrl, simulatorUrl } = readE2eState();
// The server was started without JIRA_SIMULATOR_DIR: its key pair is the checkout's own.
const privateKeyPem = readFileSync(
  localKeyPaths(path.join(repoRoot, ".local", "simulator")).privateKeyFile,
  "utf8"
);

/** Builds entry.ts into one script (jsrsasign's lazy chunk folded in). */
async function bundleBrowserClient(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "browser-client-"));
  try {
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack({
        mode: "production",
        context: repoRoot,
        entry: "./test/e2e/browser-client/entry.ts",
        output: { path: outDir, filename: "client.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: { transpileOnly: true, compilerOptions: { noEmit: false } },
            },
          ],
        },
        plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
        devtool: false,
      }).run((error, result) => (error || !result ? reject(error) : resolve(result)))
    );
    if (stats.hasErrors()) {
      throw new Error(stats.toString("errors-only"));
    }
    return readFileSync(path.join(outDir, "client.js"), "utf8");
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface PageWindow {
  jiraClientKit: BrowserClientKit;
  jira: ReturnType<BrowserClientKit["createJiraClient"]>;
  accessToken: { token: string; secret: string } | undefined;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const [bundle, launched] = await Promise.all([bundleBrowserClient(), launchBrowser()]);
  browser = launched;
  // bypassCSP: the add-in's CSP rightly refuses the inline test bundle; the code under test
  // is the bundle, not the CSP (which the pane's own tests cover).
  context = await browser.newContext({ ignoreHTTPSErrors: true, bypassCSP: true });
  page = await context.newPage();
  await page.goto(`${baseUrl}/assets/icon.svg`); // any page on the add-in's origin
  await page.evaluate(bundle);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("the Jira client in Chromium, through the relay to the built-in simulator", () => {
  it("signs in with a click on Allow, then reads, creates and uploads with progress", async () => {
    const started = await page.evaluate(
      async ({ simulatorUrl, privateKeyPem }) => {
        const w = window as unknown as PageWindow;
        const kit = w.jiraClientKit;
        const signer = await kit.createOAuthSigner({
          consumerKey: "jira-for-outlook-preview",
          privateKeyPem,
        });
        w.jira = kit.createJiraClient({
          baseUrl: simulatorUrl,
          relayBase: `${location.origin}/jira`,
          signer,
          uploader: kit.createXhrUploader(),
          accessToken: () => w.accessToken,
        });
        const requestToken = await w.jira.getRequestToken(`${location.origin}/callback.html`);
        return {
          engine: signer.signatureEngine,
          requestToken,
          authorizeUrl: w.jira.authorizeUrl(requestToken),
        };
      },
      { simulatorUrl, privateKeyPem }
    );
    expect(started.engine).toBe("webcrypto");
    expect(started.authorizeUrl).toBe(
      `${simulatorUrl}/plugins/servlet/oauth/authorize?oauth_token=${encodeURIComponent(started.requestToken.token)}`
    );

    // The user's part, in a real browser window: Jira's page, the Allow button, the redirect.
    const popup = await context.newPage();
    await popup.goto(started.authorizeUrl);
    await popup.getByRole("button", { name: "Allow" }).click();
    await popup.waitForURL(/\/callback\.html\?/);
    const redirect = new URL(popup.url());
    await popup.close();
    expect(redirect.origin).toBe(baseUrl);
    expect(redirect.searchParams.get("oauth_token")).toBe(started.requestToken.token);
    const verifier = redirect.searchParams.get("oauth_verifier") ?? "";
    expect(verifier).not.toBe("");

    // A slow uplink (4 MB/s, as on a laptop's Wi-Fi to a remote Jira), so the upload takes long
    // enough for Chromium's progress events (about one per 50 ms) to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 4 * 1024 * 1024,
    });
    const result = await page.evaluate(
      async ({ requestToken, verifier }) => {
        const w = window as unknown as PageWindow;
        w.accessToken = await w.jira.getAccessToken(requestToken, verifier);
        const me = await w.jira.myself();
        const found = await w.jira.search({ jql: 'project = SUP AND text ~ "VPN"' });
        const created = await w.jira.createIssue({
          project: { key: "SUP" },
          issuetype: { name: "Task" },
          summary: "Created from Chromium",
        });
        const progress: number[] = [];
        const size = 3 * 1024 * 1024;
        const [attachment] = await w.jira.addAttachment(
          created.key,
          { name: "big.log", type: "text/plain", data: new Blob([new Uint8Array(size).fill(97)]) },
          (loaded) => progress.push(loaded)
        );
        return {
          me: me.displayName,
          found: found.issues.map((issue) => issue.key),
          created: created.key,
          attachment: { filename: attachment?.filename, size: attachment?.size },
          progress,
          size,
        };
      },
      { requestToken: started.requestToken, verifier }
    );

    expect(result.me).toBe("Jane Doe");
    expect(result.found).toContain("SUP-2");
    expect(result.created).toMatch(/^SUP-\d+$/);
    expect(result.attachment).toEqual({ filename: "big.log", size: result.size });
    // XMLHttpRequest's upload events: more than a start and an end, never going backwards.
    expect(result.progress.length).toBeGreaterThan(2);
    expect(result.progress).toEqual([...result.progress].sort((a, b) => a - b));
    expect(result.progress.at(-1)).toBeGreaterThanOrEqual(result.size);
  });
});
