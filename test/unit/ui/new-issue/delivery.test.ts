/**
 * The delivery as data: the planned steps, a step's change, what a reload makes of stored steps,
 * and what screen readers are told as it goes.
 */
import {
  deliveryStepLabel,
  failedSteps,
  hasUnfinishedSteps,
  parseStoredDelivery,
  planDelivery,
  withStep,
} from "../../../../src/ui/new-issue/delivery";
import type { Delivery } from "../../../../src/ui/new-issue/delivery";
import { parseStoredEntry, storedValueOf } from "../../../../src/ui/new-issue/stored-entry";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import { submissionAnnouncement } from "../../../../src/ui/new-issue/new-issue-submission";

const plan = {
  startedAt: 1796374800000,
  jiraBaseUrl: "https://jira.example.com",
  projectKey: "SUP",
  issueTypeId: "3",
  summary: "Printer jams",
  uploads: [
    { source: { kind: "attachment" as const, attachmentId: "att-1" }, fileName: "log.txt" },
    { source: { kind: "email" as const }, fileName: "Printer jams.eml" },
  ],
  remoteLink: true,
};
const issue = {
  id: "10001",
  key: "SUP-12",
  self: "https://jira.example.com/rest/api/2/issue/10001",
  recovered: false,
};

describe("planDelivery", () => {
  it("plans the create, one upload per file, the link to the email and the email's own link", () => {
    const delivery = planDelivery(plan);
    const steps = delivery.steps.map((step) => [
      step.id,
      step.kind,
      deliveryStepLabel(step),
      step.status,
    ]);
    expect(steps).toEqual([
      ["create", "create", "Create the issue", "pending"],
      ["upload:1", "upload", "Upload log.txt", "pending"],
      ["upload:2", "upload", "Attach the email as Printer jams.eml", "pending"],
      ["remote-link", "remote-link", "Link the issue to this email", "pending"],
      ["email-link", "email-link", "Show the issue on this email in Outlook", "pending"],
    ]);
    expect(
      planDelivery({ ...plan, uploads: [], remoteLink: false }).steps.map((s) => s.kind)
    ).toEqual(["create", "email-link"]);
  });

  it("clears a step's old problem when it runs again, and its progress when it ends", () => {
    let delivery = withStep(planDelivery(plan), "upload:1", {
      status: "failed",
      problem: { message: "No connection" },
    });
    expect(failedSteps(delivery).map((step) => step.id)).toEqual(["upload:1"]);
    delivery = withStep(delivery, "upload:1", {
      status: "running",
      progress: { loaded: 5, total: 10 },
    });
    expect(delivery.steps[1]).not.toHaveProperty("problem");
    delivery = withStep(delivery, "upload:1", { status: "done" });
    expect(delivery.steps[1]).not.toHaveProperty("progress");
    expect(hasUnfinishedSteps(delivery)).toBe(true);
  });
});

describe("a stored delivery read back after a reload", () => {
  function stored(delivery: Delivery) {
    return JSON.parse(JSON.stringify(storedValueOf(initialDraftFor({ subject: "s" }), delivery)));
  }

  it("shows what succeeded; what ran when the pane closed failed, uploads to be looked for first", () => {
    let delivery: Delivery = { ...planDelivery(plan), issue };
    delivery = withStep(delivery, "create", { status: "done" });
    delivery = withStep(delivery, "upload:1", {
      status: "running",
      progress: { loaded: 1, total: 2 },
    });
    delivery = withStep(delivery, "remote-link", { status: "done" });
    const entry = parseStoredEntry(stored(delivery));
    expect(entry?.delivery?.issue).toEqual(issue);
    expect(entry?.delivery?.steps.map((step) => [step.id, step.status, step.uncertain])).toEqual([
      ["create", "done", undefined],
      ["upload:1", "failed", true],
      ["upload:2", "failed", undefined],
      ["remote-link", "done", undefined],
      ["email-link", "failed", undefined],
    ]);
    expect(entry?.delivery?.steps[1]?.problem?.code).toBe("interrupted");
  });

  it("names its steps in the pane's language, whatever a pane in another language stored", () => {
    const value = stored(withStep({ ...planDelivery(plan), issue }, "create", { status: "done" }));
    // As an earlier version stored it, from a German Office: labels written into the steps.
    value.delivery.steps[0].label = "Vorgang erstellen";
    value.delivery.steps[1].label = "log.txt hochladen";
    const steps = parseStoredEntry(value)?.delivery?.steps ?? [];
    expect(steps.slice(0, 2).map((step) => deliveryStepLabel(step))).toEqual([
      "Create the issue",
      "Upload log.txt",
    ]);
  });

  it("turns a create cut off by the pane closing into an uncertain attempt of the draft", () => {
    const delivery = withStep(planDelivery(plan), "create", { status: "running" });
    const entry = parseStoredEntry(stored(delivery));
    expect(entry?.delivery).toBeUndefined();
    expect(entry?.draft).toMatchObject({
      previousAttemptUncertain: true,
      uncertainSince: plan.startedAt,
    });
  });

  it.each([
    null,
    5,
    { steps: "x" },
    { ...planDelivery(plan), startedAt: "now" },
    // Planted: the "Created SUP-12" link is built on the Jira base URL.
    { ...planDelivery(plan), issue, jiraBaseUrl: "javascript:alert(document.domain)//" },
    { ...planDelivery(plan), issue, jiraBaseUrl: "data:text/html,<script>alert(1)</script>" },
  ])("ignores a stored delivery that isn't one (%p)", (value) => {
    expect(parseStoredDelivery(value)).toBeNull();
  });
});

describe("submissionAnnouncement", () => {
  it("says what runs, then which issue was created and how far the other steps are", () => {
    const planned = planDelivery(plan);
    let created = { ...withStep(planned, "create", { status: "done" }), issue };
    expect(submissionAnnouncement({ status: "idle" })).toBe("");
    expect(submissionAnnouncement({ status: "failed", error: new Error("x") })).toBe("");
    expect(submissionAnnouncement({ status: "reading", delivery: planned })).toBe(
      "Reading the email's files…"
    );
    expect(submissionAnnouncement({ status: "creating", delivery: planned })).toBe(
      "Creating the issue in Jira…"
    );
    created = { ...withStep(created, "upload:1", { status: "done" }), issue };
    expect(submissionAnnouncement({ status: "delivering", delivery: created })).toBe(
      "Issue SUP-12 created. 1 of 4 more steps done."
    );
    created = { ...withStep(created, "upload:2", { status: "failed" }), issue };
    created = { ...withStep(created, "remote-link", { status: "failed" }), issue };
    created = { ...withStep(created, "email-link", { status: "done" }), issue };
    expect(submissionAnnouncement({ status: "delivered", delivery: created })).toBe(
      "Issue SUP-12 created. 2 steps failed."
    );
  });
});
