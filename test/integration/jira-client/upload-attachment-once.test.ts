/**
 * uploadAttachmentOnce against the real simulator over HTTP: an upload whose answer is lost (a 502
 * after the file was stored, the connection dropped after or before) ends with the file on the
 * issue exactly once; failures that certainly stored nothing pass through unchanged.
 */
import { createHash } from "node:crypto";
import type { AttachmentFile, JiraClient } from "../../../src/jira/create-jira-client";
import {
  AttachmentUploadUncertainError,
  uploadAttachmentOnce,
} from "../../../src/jira/upload-attachment-once";
import { runThreeLeggedDance } from "../../support/reference-oauth-client";
import {
  CONSUMER_KEY,
  consumerKeys,
  rejectionOf,
  setUpSimulatorKit,
  signIn,
} from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

let issueKey = "";
beforeEach(async () => {
  kit.sim.control.clearFaults();
  kit.sleeps.length = 0;
  // A fresh issue per test: its attachments are only the test's.
  const created = await kit.jira.createIssue({
    project: { key: "SUP" },
    issuetype: { id: "3" },
    summary: `Attachments ${expect.getState().currentTestName ?? ""}`.slice(0, 250),
  });
  issueKey = created.key;
});

const CONTENT = "Invoice 2024-117\nAmount: 1.234,56 EUR\n";

function file(name = "invoice.txt", content = CONTENT): AttachmentFile {
  return { name, type: "text/plain", data: new Blob([content], { type: "text/plain" }) };
}

interface StoredAttachment {
  id: string;
  issueKey: string;
  filename: string;
  size: number;
  authorKey: string;
  sha256: string;
}

/** The simulator's own record of the issue's attachments (not through the client under test). */
function storedOn(key: string): StoredAttachment[] {
  const data = kit.sim.control.state().data as { attachments: StoredAttachment[] };
  return data.attachments.filter((attachment) => attachment.issueKey === key);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const UPLOAD_FAULT = () => ({
  method: "POST",
  pathPrefix: `/rest/api/2/issue/${issueKey}/attachments`,
});

/** A client signed in as John Smith (another Jira user). */
async function johnsClient(): Promise<JiraClient> {
  const token = await runThreeLeggedDance(kit.sim, {
    consumerKey: CONSUMER_KEY,
    privateKeyPem: consumerKeys.privateKeyPem,
    as: "john",
  });
  return kit.clientWith(kit.signer, { accessToken: () => ({ token, secret: "" }) });
}

describe("uploadAttachmentOnce", () => {
  it("uploads the file once when nothing goes wrong", async () => {
    const progress: Array<[number, number]> = [];

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });

    expect(outcome).toEqual({
      attachment: expect.objectContaining({
        filename: "invoice.txt",
        size: new Blob([CONTENT]).size,
        author: expect.objectContaining({ name: "jane" }),
      }),
      recovered: false,
    });
    expect(storedOn(issueKey)).toEqual([
      expect.objectContaining({ id: outcome.attachment.id, sha256: sha256(CONTENT) }),
    ]);
    expect(progress.at(-1)).toEqual([new Blob([CONTENT]).size, new Blob([CONTENT]).size]);
  });

  it("a 502 after Jira stored the file: finds it (recovered), and it is there once", async () => {
    kit.sim.control.failNext({ status: 502, when: "after", ...UPLOAD_FAULT() });

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file());

    const stored = storedOn(issueKey);
    expect(stored).toEqual([expect.objectContaining({ sha256: sha256(CONTENT) })]);
    expect(outcome).toMatchObject({ attachment: { id: stored[0]?.id }, recovered: true });
  });

  it("the connection dropped after the file was stored: found, not uploaded again", async () => {
    kit.sim.control.failNext({ drop: true, when: "after", ...UPLOAD_FAULT() });
    const progress: Array<[number, number]> = [];

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });

    expect(storedOn(issueKey)).toHaveLength(1);
    expect(outcome).toMatchObject({ recovered: true });
    // The bar ends full for a file found already uploaded.
    const size = new Blob([CONTENT]).size;
    expect(progress.at(-1)).toEqual([size, size]);
  });

  it("the connection dropped before Jira read the file: upload_uncertain, then a retry uploads it once", async () => {
    kit.sim.control.failNext({ drop: true, ...UPLOAD_FAULT() });

    const error = await rejectionOf(uploadAttachmentOnce(kit.jira, issueKey, file()));

    expect(error).toBeInstanceOf(AttachmentUploadUncertainError);
    expect(error).toMatchObject({
      name: "AttachmentUploadUncertainError",
      code: "upload_uncertain",
      message:
        'Jira did not confirm whether "invoice.txt" was attached, and it isn\'t on the issue yet. ' +
        "Trying again looks for it first, so it won't be attached twice.",
      cause: expect.objectContaining({ name: "JiraNetworkError", code: "network_error" }),
    });
    expect(error.lookupError).toBeUndefined();
    expect(storedOn(issueKey)).toEqual([]);

    const retried = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      previousAttemptUncertain: true,
    });

    expect(retried).toMatchObject({ recovered: false });
    expect(storedOn(issueKey)).toEqual([expect.objectContaining({ sha256: sha256(CONTENT) })]);
  });

  it("a retry after an uncertain upload that did store the file finds it without uploading", async () => {
    await kit.jira.addAttachment(issueKey, file());
    kit.sim.control.failNext({ status: 500, ...UPLOAD_FAULT() });

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      previousAttemptUncertain: true,
    });

    expect(outcome).toMatchObject({ recovered: true });
    expect(storedOn(issueKey)).toHaveLength(1);
    // The upload fault is still pending: nothing was sent.
    expect(kit.sim.control.state().faults).toEqual([
      expect.objectContaining({ status: 500, remaining: 1 }),
    ]);
  });

  it("a file of the same name but another size is not taken for it", async () => {
    await kit.jira.addAttachment(issueKey, file("invoice.txt", "an older, longer version of it"));

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      previousAttemptUncertain: true,
    });

    expect(outcome).toMatchObject({ recovered: false });
    expect(storedOn(issueKey).map((attachment) => attachment.sha256)).toEqual([
      sha256("an older, longer version of it"),
      sha256(CONTENT),
    ]);
  });

  it("the same file added by another user is not taken for it", async () => {
    const john = await johnsClient();
    await john.addAttachment(issueKey, file());

    const outcome = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      previousAttemptUncertain: true,
    });

    expect(outcome).toMatchObject({
      recovered: false,
      attachment: { author: expect.objectContaining({ name: "jane" }) },
    });
    expect(storedOn(issueKey).map((attachment) => attachment.authorKey)).toEqual(["john", "jane"]);
  });

  it("a 413 passes through unchanged, without a look at the issue", async () => {
    kit.sim.control.updateSettings({ uploadLimitBytes: 10 });
    kit.sim.control.failNext({
      status: 503,
      count: 3,
      method: "GET",
      pathPrefix: `/rest/api/2/issue/${issueKey}`,
    });
    try {
      const error = await rejectionOf(uploadAttachmentOnce(kit.jira, issueKey, file()));

      expect(error).toMatchObject({
        name: "JiraHttpError",
        code: "payload_too_large",
        status: 413,
      });
      // The GET fault is untouched: a certain failure doesn't look.
      expect(kit.sim.control.state().faults).toEqual([expect.objectContaining({ remaining: 3 })]);
    } finally {
      kit.sim.control.updateSettings({ uploadLimitBytes: 10_485_760 });
    }
  });

  it("the look failing too after an uncertain upload: upload_uncertain with the lookup's error", async () => {
    kit.sim.control.failNext({ status: 502, when: "after", ...UPLOAD_FAULT() });
    kit.sim.control.failNext({
      status: 503,
      count: 3,
      method: "GET",
      pathPrefix: `/rest/api/2/issue/${issueKey}`,
    });

    const error = await rejectionOf(uploadAttachmentOnce(kit.jira, issueKey, file()));

    expect(error).toMatchObject({
      code: "upload_uncertain",
      message:
        'Jira did not confirm whether "invoice.txt" was attached, and looking for it failed too. ' +
        "Trying again looks for it first, so it won't be attached twice.",
      cause: expect.objectContaining({ code: "http_502" }),
      lookupError: expect.objectContaining({ code: "http_503" }),
    });

    const retried = await uploadAttachmentOnce(kit.jira, issueKey, file(), {
      previousAttemptUncertain: true,
    });

    expect(retried).toMatchObject({ recovered: true });
    expect(storedOn(issueKey)).toHaveLength(1);
  });

  it("the look failing on a retry: upload_uncertain with its error, and no upload", async () => {
    kit.sim.control.failNext({
      status: 504,
      count: 3,
      method: "GET",
      pathPrefix: `/rest/api/2/issue/${issueKey}`,
    });

    const error = await rejectionOf(
      uploadAttachmentOnce(kit.jira, issueKey, file(), { previousAttemptUncertain: true })
    );

    expect(error).toMatchObject({
      code: "upload_uncertain",
      cause: expect.objectContaining({ code: "http_504" }),
      lookupError: expect.objectContaining({ code: "http_504" }),
    });
    expect(storedOn(issueKey)).toEqual([]);
  });

  it("a refused token on the retry's look passes through (the session signs in and runs it again)", async () => {
    kit.sim.control.revokeAllTokens();
    try {
      const error = await rejectionOf(
        uploadAttachmentOnce(kit.jira, issueKey, file(), { previousAttemptUncertain: true })
      );

      expect(error).toMatchObject({ name: "OAuthProblem", code: "token_rejected" });
      expect(storedOn(issueKey)).toEqual([]);
    } finally {
      await signIn(kit);
    }
  });
});
