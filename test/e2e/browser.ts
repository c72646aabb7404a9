import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The Chromium the e2e tests drive: CHROME_PATH, else Debian's /usr/bin/chromium, else an
 * installed Chrome or Edge. Never a browser downloaded by a test tool (this machine has no internet).
 */
export function findBrowserExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's chromium (apt-get install chromium) " +
        "or set CHROME_PATH to a Chrome/Edge/Chromium executable. Looked in: " +
        candidates.join(", ")
    );
  }
  return found;
}

/** Headless Chromium with the flags a closed network and a root sandbox need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findBrowserExecutable(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
