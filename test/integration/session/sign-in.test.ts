/**
 * The pane's session against the real simulator on 127.0.0.1: the whole OAuth 1.0a dance through a
 * dialog that behaves like Office's (the callback page URL in, Jira's authorize page approved over
 * HTTP, the callback page's message out), the token in roaming settings, the end of a connection
 * and the work resuming after a new sign-in, and Jira's clock ten minutes off either way.
 */
import { tokenSettingName } from "../../../src/session/token-store";
import {
  CONSUMER_KEY,
  createMemorySettings,
  setUpSessionSimulator,
  stateReached,
} from "../../unit/session/session-fakes";

const { startSimulator, startPane } = setUpSessionSimulator();

describe("signing in to Jira from the pane", () => {
  it("signs in as Jane Doe through Jira's authorize page and keeps the token in the mailbox", async () => {
    const sim = await startSimulator();
    const pane = await startPane(sim);
    expect(pane.session.getState()).toEqual({
      status: "signed_out",
      jiraBaseUrl: sim.settings.baseUrl,
    });

    await pane.session.signIn();
    expect(pane.session.getState()).toEqual({
      status: "signed_in",
      jiraBaseUrl: sim.settings.baseUrl,
      account: {
        name: "jane",
        key: "jane",
        displayName: "Jane Doe",
        emailAddress: "jane.doe@example.com",
      },
    });
    const entry = pane.settings.persisted[tokenSettingName(sim.settings.baseUrl, CONSUMER_KEY)];
    expect(entry).toMatchObject({
      formatVersion: 1,
      token: expect.any(String),
      secret: expect.any(String),
      user: { name: "jane", displayName: "Jane Doe" },
      obtainedAt: expect.any(String),
    });
    // Jira's default lifetime: five years.
    const { obtainedAt, expiresAt } = entry as { obtainedAt: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.parse(obtainedAt)).toBeGreaterThan(4 * 365 * 86_400_000);

    // Another pane on the same mailbox (a reload, another Outlook) is signed in without asking.
    const reloaded = await startPane(sim, {
      settings: createMemorySettings(pane.settings.persisted),
    });
    expect(reloaded.session.getState()).toMatchObject({
      status: "signed_in",
      account: { displayName: "Jane Doe" },
    });
    expect(reloaded.requests).toEqual([]);
    await expect(reloaded.session.withJira((jira) => jira.myself())).resolves.toMatchObject({
      displayName: "Jane Doe",
    });
  });

  it("after Deny on Jira's page: signed out with permission_denied, nothing stored", async () => {
    const sim = await startSimulator();
    const pane = await startPane(sim, { choice: { deny: true } });
    await pane.session.signIn();
    expect(pane.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "permission_denied",
        message: expect.stringMatching(/You chose Deny on Jira's page/),
      },
    });
    expect(pane.settings.persisted).toEqual({});
    expect(pane.requests).not.toContain("POST /plugins/servlet/oauth/access-token");
  });

  it.each([
    ["ahead", 600],
    ["behind", -600],
  ])("signs in and works while Jira's clock is 10 minutes %s", async (_label, skew) => {
    const sim = await startSimulator();
    sim.control.updateSettings({ clockSkewSeconds: skew });
    const pane = await startPane(sim);
    await pane.session.signIn();
    expect(pane.session.getState()).toMatchObject({
      status: "signed_in",
      account: { displayName: "Jane Doe" },
    });
    await expect(pane.session.withJira((jira) => jira.projects())).resolves.not.toHaveLength(0);
    // One refusal, on the first request; the signer's offset carried every later one.
    expect(pane.requests.filter((request) => request.endsWith("/request-token"))).toHaveLength(2);
  });
});

describe("when Jira revokes the token mid-work", () => {
  it("ends the session, keeps the operation waiting, and completes it after a new sign-in", async () => {
    const sim = await startSimulator();
    const pane = await startPane(sim);
    await pane.session.signIn();
    const firstToken = (
      pane.settings.persisted[tokenSettingName(sim.settings.baseUrl, CONSUMER_KEY)] as {
        token: string;
      }
    ).token;

    expect(sim.control.revokeAllTokens()).toBe(1);
    const work = pane.session.withJira((jira) => jira.myself());
    const ended = await stateReached(pane.session, (state) => state.status === "ended");
    expect(ended).toMatchObject({
      status: "ended",
      account: { displayName: "Jane Doe" },
      notice: { code: "connection_ended", title: "Your Jira connection ended" },
      waitingOperations: 1,
    });

    await pane.session.signIn();
    await expect(work).resolves.toMatchObject({ name: "jane", displayName: "Jane Doe" });
    expect(pane.session.getState()).toMatchObject({ status: "signed_in" });
    const secondToken = (
      pane.settings.persisted[tokenSettingName(sim.settings.baseUrl, CONSUMER_KEY)] as {
        token: string;
      }
    ).token;
    expect(secondToken).not.toBe(firstToken);
  });
});
