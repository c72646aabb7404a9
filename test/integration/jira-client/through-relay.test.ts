/**
 * The whole path the pane will use: the add-in's client signs over Jira's URL and sends to the
 * add-in server's `/jira` relay over HTTPS, which forwards to the simulator. Proves the signature
 * survives the relay (query bytes, Authorization header, multipart bodies) and that the relay's
 * own failures reach the caller as coded errors.
 */
import { Agent } from "undici";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer } from "../../../src/server/create-addin-server";
import { JiraHttpError } from "../../../src/jira/jira-errors";
import {
  makeDist,
  makeTestCertificate,
  removeDir,
  testServerOptions,
} from "../server/server-test-kit";
import { rejectionOf, signIn, startSimulatorKit } from "./jira-client-kit";
import type { SimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

let kit: SimulatorKit;
let addin: AddinServer;
let cleanup: () => Promise<void>;
let simulatorStopped = false;

beforeAll(async () => {
  const dist = await makeDist();
  const cert = await makeTestCertificate();
  // Node's global fetch can't be told to trust one CA per call; undici (what it is built on) can.
  const trustingTestCa = new Agent({ connect: { ca: cert.cert } });
  const fetchTrustingTestCa: typeof fetch = (input, init) =>
    fetch(input, { ...init, dispatcher: trustingTestCa } as RequestInit);

  kit = await startSimulatorKit({ client: { fetch: fetchTrustingTestCa } });
  addin = createAddinServer(testServerOptions(dist, cert, { jiraUrl: kit.sim.url }));
  const address = await addin.listen();
  // The same client as the kit's, but sending to the relay instead of straight to the simulator.
  kit.jira = kit.clientWith(kit.signer, { relayBase: `${address.url}/jira` });
  cleanup = async () => {
    await addin.close();
    if (!simulatorStopped) {
      await kit.close();
    }
    await trustingTestCa.close();
    await removeDir(dist);
    await removeDir(cert.dir);
  };
});

afterAll(async () => {
  await cleanup?.();
});

describe("the Jira client through the add-in's relay", () => {
  it("signs in three-legged and reads who the user is", async () => {
    await signIn(kit);

    expect(await kit.jira.myself()).toMatchObject({ displayName: "Jane Doe" });
  });

  it("keeps the signature valid for a JQL query with =, + and quotes", async () => {
    const result = await kit.jira.search({
      jql: 'project = "SUP" AND text ~ "VPN" ORDER BY key ASC',
      fields: ["summary"],
    });

    expect(result.issues.map((issue) => issue.key)).toContain("SUP-2");
  });

  it("creates an issue with a JSON body and uploads a multipart attachment with progress", async () => {
    const created = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { name: "Task" },
      summary: "Through the relay",
    });
    const progress: Array<[number, number]> = [];

    const [attachment] = await kit.jira.addAttachment(
      created.key,
      { name: "notes.txt", type: "text/plain", data: new Blob(["relayed bytes"]) },
      (loaded, total) => progress.push([loaded, total])
    );

    expect(attachment).toMatchObject({ filename: "notes.txt", size: 13 });
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expect((await kit.jira.getIssue(created.key)).fields.summary).toBe("Through the relay");
  });

  it("reports an unreachable Jira as jira_unreachable after retrying the GET", async () => {
    const sleepsBefore = kit.sleeps.length;
    await kit.sim.close();
    simulatorStopped = true;

    const error = await rejectionOf(kit.jira.serverInfo());

    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({ code: "jira_unreachable", status: 502 });
    expect(kit.sleeps.length - sleepsBefore).toBe(2); // 3 attempts in all
  });
});
