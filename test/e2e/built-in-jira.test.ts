/**
 * `npm start` without JIRA_URL: the add-in server started the built-in Jira simulator and its
 * relay reaches it, so a page on the add-in's origin talks to "Jira" same-origin, as the pane will.
 */
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";

jest.setTimeout(60_000);

const { baseUrl, simulatorUrl } = readE2eState();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the built-in Jira behind the relay", () => {
  it("answers Jira's serverInfo on the add-in's origin under /jira", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/preview.html`);

      const answer = await page.evaluate(async () => {
        const response = await fetch("/jira/rest/api/2/serverInfo");
        return { status: response.status, body: (await response.json()) as unknown };
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        baseUrl: simulatorUrl,
        deploymentType: "Server",
        versionNumbers: [expect.any(Number), expect.any(Number), expect.any(Number)],
      });
    } finally {
      await context.close();
    }
  });
});
