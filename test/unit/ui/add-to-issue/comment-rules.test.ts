/**
 * The "Add to issue" rules as plain data: file names made unique against the issue's attachments
 * and the comment's references following them, the planned steps and what a reload makes of them,
 * the comment's permalink, what screen readers hear, what "Add comment" checks and sends, and the
 * "already added" warning.
 */
import {
  alreadyAddedText,
  earlierLinkTo,
  repeatCheck,
} from "../../../../src/ui/add-to-issue/already-added";
import {
  renamesAgainst,
  withRenamedReferences,
} from "../../../../src/ui/add-to-issue/attachment-renames";
import {
  commentUrl,
  parseStoredCommentDelivery,
  planCommentDelivery,
  withRenamedUploads,
} from "../../../../src/ui/add-to-issue/comment-delivery";
import type { CommentedDelivery } from "../../../../src/ui/add-to-issue/comment-delivery";
import { initialCommentDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import { commentProblems, prepareComment } from "../../../../src/ui/add-to-issue/comment-request";
import { commentAnnouncement } from "../../../../src/ui/add-to-issue/comment-submission";
import { activateLanguage } from "../../../../src/i18n/translate";
import { deliveryStepLabel, withStep } from "../../../../src/ui/new-issue/delivery";
import type { DeliveryStep } from "../../../../src/ui/new-issue/delivery";
import type { EmailIssueLink } from "../../../../src/ui/ports";
import { file, sampleMessage } from "../ui-fakes";
import { JIRA, sup2 } from "./comment-fixture";

describe("renamesAgainst", () => {
  it("renames what collides with the issue's files, case-insensitively, and nothing else", () => {
    expect(
      renamesAgainst(["image001.png", "Report.PDF"], ["image001.png", "report.pdf", "log.txt"])
    ).toEqual(
      new Map([
        ["image001.png", "image001 (2).png"],
        ["report.pdf", "report (2).pdf"],
      ])
    );
    expect(renamesAgainst([], ["a.png", "b.png"])).toEqual(new Map());
  });

  it("never takes a name the issue or another upload already has", () => {
    expect(
      renamesAgainst(["image001.png", "image001 (2).png"], ["image001.png", "image001 (3).png"])
    ).toEqual(new Map([["image001.png", "image001 (4).png"]]));
  });
});

describe("withRenamedReferences", () => {
  const renames = new Map([
    ["image001.png", "image001 (2).png"],
    ["log.txt", "log (2).txt"],
  ]);

  it("rewrites embedded images, their options, and attachment links", () => {
    expect(
      withRenamedReferences(
        "!image001.png!\n!image001.png|thumbnail!\n[^log.txt] and [the log|^log.txt]",
        renames
      )
    ).toBe(
      "!image001 (2).png!\n!image001 (2).png|thumbnail!\n[^log (2).txt] and [the log|^log (2).txt]"
    );
  });

  it("leaves other names, plain text and longer names alone, and a new name is never rewritten again", () => {
    const markup = "image001.png is attached; !image001.png.png! !other.png! [^log.txt.bak]";
    expect(withRenamedReferences(markup, renames)).toBe(markup);
    const chained = new Map([
      ["a.png", "a (2).png"],
      ["a (2).png", "a (3).png"],
    ]);
    expect(withRenamedReferences("!a.png! !a (2).png!", chained)).toBe("!a (2).png! !a (3).png!");
  });

  it("treats characters of a name as text, not as a pattern", () => {
    const odd = new Map([["scan (1)+[x].png", "scan (1)+[x] (2).png"]]);
    expect(withRenamedReferences("!scan (1)+[x].png! !scan 1+x.png!", odd)).toBe(
      "!scan (1)+[x] (2).png! !scan 1+x.png!"
    );
  });
});

describe("the comment's delivery", () => {
  const plan = {
    startedAt: 1796374800000,
    jiraBaseUrl: JIRA,
    issue: sup2,
    attemptId: "attempt-1",
    uploads: [
      {
        source: { kind: "inline-image" as const, attachmentId: "att-3" },
        fileName: "image001.png",
      },
      { source: { kind: "email" as const }, fileName: "VPN.eml" },
    ],
    remoteLink: true,
  };
  const comment = {
    id: "10100",
    issueKey: "SUP-2",
    self: `${JIRA}/rest/api/2/issue/SUP-2/comment/10100`,
    recovered: false,
  };

  it("plans the comment, the uploads, the link, the issue property and the email's own link", () => {
    const delivery = planCommentDelivery(plan);
    expect(delivery.issue).toEqual({ id: "10002", key: "SUP-2", summary: "VPN drops every hour" });
    const label = (step: DeliveryStep) => deliveryStepLabel(step, delivery.issue.key);
    expect(delivery.steps.map((step) => [step.id, step.kind, label(step)])).toEqual([
      ["comment", "comment", "Add the comment to SUP-2"],
      ["upload:1", "upload", "Upload the image image001.png"],
      ["upload:2", "upload", "Attach the email as VPN.eml"],
      ["remote-link", "remote-link", "Link the issue to this email"],
      ["issue-property", "issue-property", "Remember this email on the issue"],
      ["email-link", "email-link", "Show the issue on this email in Outlook"],
    ]);
    expect(
      planCommentDelivery({ ...plan, uploads: [], remoteLink: false }).steps.map((s) => s.kind)
    ).toEqual(["comment", "issue-property", "email-link"]);
  });

  it("renames uploads in their steps and labels", () => {
    const renamed = withRenamedUploads(
      planCommentDelivery(plan),
      new Map([["image001.png", "image001 (2).png"]])
    );
    expect(renamed.steps[1]).toMatchObject({ upload: { fileName: "image001 (2).png" } });
    expect(deliveryStepLabel(renamed.steps[1]!)).toBe("Upload the image image001 (2).png");
    expect(renamed.steps[2]?.upload?.fileName).toBe("VPN.eml");
  });

  it("reads back what succeeded; what ran when the pane closed failed, and pending steps after the comment too", () => {
    let delivery = { ...planCommentDelivery(plan), comment };
    delivery = withStep(delivery, "comment", { status: "done" });
    delivery = withStep(delivery, "upload:1", { status: "running" });
    delivery = withStep(delivery, "remote-link", { status: "done" });
    const read = parseStoredCommentDelivery(JSON.parse(JSON.stringify(delivery)));
    expect(read?.comment).toEqual(comment);
    expect(read?.attemptId).toBe("attempt-1");
    expect(read?.steps.map((step) => [step.id, step.status, step.uncertain])).toEqual([
      ["comment", "done", undefined],
      ["upload:1", "failed", true],
      ["upload:2", "failed", undefined],
      ["remote-link", "done", undefined],
      ["issue-property", "failed", undefined],
      ["email-link", "failed", undefined],
    ]);
  });

  it.each([
    null,
    { ...planCommentDelivery(plan), issue: { key: "SUP-2" } },
    { ...planCommentDelivery(plan), attemptId: "" },
    { ...planCommentDelivery(plan), jiraBaseUrl: "javascript:alert(document.domain)//" },
  ])("ignores a stored delivery that isn't one (%#)", (value) => {
    expect(parseStoredCommentDelivery(value)).toBeNull();
  });

  it("links to the comment on the issue's page", () => {
    expect(commentUrl(JIRA, "SUP-2", "10100")).toBe(
      `${JIRA}/browse/SUP-2?focusedCommentId=10100#comment-10100`
    );
    expect(commentUrl(JIRA, 'X-1"<b>', "1#2")).toBe(
      `${JIRA}/browse/X-1%22%3Cb%3E?focusedCommentId=1%232#comment-1%232`
    );
  });

  it("tells screen readers what runs, then where the comment went and how far the steps are", () => {
    const planned = planCommentDelivery(plan);
    expect(commentAnnouncement({ status: "idle" })).toBe("");
    expect(commentAnnouncement({ status: "reading", delivery: planned })).toBe(
      "Reading the email's files…"
    );
    expect(commentAnnouncement({ status: "commenting", delivery: planned })).toBe(
      "Adding the comment to SUP-2…"
    );
    let added = { ...withStep(planned, "comment", { status: "done" }), comment };
    added = withStep(added, "upload:1", { status: "done" }) as CommentedDelivery;
    expect(commentAnnouncement({ status: "delivering", delivery: added })).toBe(
      "Comment added to SUP-2. 1 of 5 more steps done."
    );
    added = withStep(added, "upload:2", { status: "failed" }) as CommentedDelivery;
    expect(commentAnnouncement({ status: "delivered", delivery: added })).toBe(
      "Comment added to SUP-2. 1 step failed."
    );
  });

  describe("in German and French", () => {
    afterEach(async () => {
      await activateLanguage("en-US");
    });

    it("tells screen readers in the user's language, with the plural forms of each", async () => {
      const planned = planCommentDelivery(plan);
      let added = { ...withStep(planned, "comment", { status: "done" }), comment };
      added = withStep(added, "upload:1", { status: "done" }) as CommentedDelivery;
      await activateLanguage("de-DE");
      expect(commentAnnouncement({ status: "commenting", delivery: planned })).toBe(
        "Kommentar wird zu SUP-2 hinzugefügt…"
      );
      expect(commentAnnouncement({ status: "delivering", delivery: added })).toBe(
        "Kommentar zu SUP-2 hinzugefügt. Weitere Schritte erledigt: 1 von 5."
      );
      const failed = withStep(added, "upload:2", { status: "failed" }) as CommentedDelivery;
      expect(commentAnnouncement({ status: "delivered", delivery: failed })).toBe(
        "Kommentar zu SUP-2 hinzugefügt. 1 Schritt fehlgeschlagen."
      );
      const twice = withStep(failed, "remote-link", { status: "failed" }) as CommentedDelivery;
      expect(commentAnnouncement({ status: "delivered", delivery: twice })).toBe(
        "Kommentar zu SUP-2 hinzugefügt. 2 Schritte fehlgeschlagen."
      );
      await activateLanguage("fr-FR");
      expect(commentAnnouncement({ status: "delivered", delivery: twice })).toBe(
        "Commentaire ajouté à SUP-2. 2 étapes ont échoué."
      );
    });
  });
});

describe("what Add comment checks and sends", () => {
  const message = sampleMessage({
    attachments: [
      file("att-1", "log.txt", "text/plain", 100),
      file("att-2", "huge.zip", "application/zip", 50_000_000),
      {
        ...file("att-3", "image001.png", "image/png", 10),
        isInline: true,
        contentId: "image001.png@01DA",
      },
    ],
  });
  const policy = {
    capabilities: { attachments: "office", wholeMessage: "office" } as const,
    jira: { enabled: true, uploadLimit: 10 * 1024 * 1024 },
  };
  const context = { message, jiraBaseUrl: JIRA, policy };
  const draft = {
    ...initialCommentDraft({ issue: sup2, attachEmail: true }),
    comment: "See !image001.png!",
    commentState: "edited" as const,
    inlineImages: [{ attachmentId: "att-3", fileName: "image001.png" }],
    attachmentChoices: { "att-2": true },
    visibility: {
      type: "group" as const,
      value: "jira-developers",
    },
  };

  it("names what is missing or too large", () => {
    expect(commentProblems(initialCommentDraft(), context)).toEqual({
      issue: "Choose the issue to add the email to.",
      comment: "Write the comment: Jira doesn't add an empty one.",
    });
    expect(commentProblems(draft, context)).toEqual({
      attachments: "huge.zip is larger than Jira's limit of 10 MB. Uncheck it to add the comment.",
    });
  });

  it("names what is missing in German", async () => {
    try {
      await activateLanguage("de-DE");
      expect(commentProblems(initialCommentDraft(), context)).toEqual({
        issue: "Wählen Sie den Vorgang, zu dem die E-Mail hinzugefügt werden soll.",
        comment: "Schreiben Sie den Kommentar: Jira fügt keinen leeren hinzu.",
      });
    } finally {
      await activateLanguage("en-US");
    }
  });

  it("sends the comment as written, the visibility, and the files under their markup names", () => {
    const prepared = prepareComment({ ...draft, attachmentChoices: {} }, context);
    expect(prepared).toEqual({
      ok: true,
      request: {
        issue: sup2,
        body: "See !image001.png!",
        visibility: draft.visibility,
        uploads: [
          { source: { kind: "attachment", attachmentId: "att-1" }, fileName: "log.txt" },
          { source: { kind: "inline-image", attachmentId: "att-3" }, fileName: "image001.png" },
          { source: { kind: "email" }, fileName: "RE_ Printer jams on every job.eml" },
        ],
        jiraBaseUrl: JIRA,
      },
    });
    expect(prepareComment(draft, context).ok).toBe(false);
  });
});

describe("already added", () => {
  const link = (overrides: Partial<EmailIssueLink> = {}): EmailIssueLink => ({
    issueKey: "SUP-2",
    issueId: "10002",
    jiraBaseUrl: JIRA,
    kind: "commented",
    linkedAt: "2026-12-04T09:00:00.000Z",
    ...overrides,
  });

  it("finds the email's link to the issue in this Jira only, whatever its kind", () => {
    const other = link({ jiraBaseUrl: "https://old-jira.example.org" });
    expect(earlierLinkTo([other], "SUP-2", JIRA)).toBeUndefined();
    expect(earlierLinkTo([other, link({ kind: "created" })], "sup-2", `${JIRA}/`)).toEqual(
      link({ kind: "created" })
    );
    expect(earlierLinkTo([link()], "SUP-20", JIRA)).toBeUndefined();
  });

  it("waits for the email's links, says when they couldn't be read, and counts the last comment", () => {
    const draft = { issue: sup2 };
    expect(repeatCheck(draft, { status: "reading" }, JIRA)).toEqual({
      checking: true,
      unchecked: false,
    });
    expect(repeatCheck(draft, { status: "read", links: [link()] }, JIRA)).toEqual({
      earlier: link(),
      checking: false,
      unchecked: false,
    });
    expect(repeatCheck(draft, { status: "failed", error: new Error("9020") }, JIRA)).toEqual({
      checking: false,
      unchecked: true,
    });
    // The last comment from this draft went to SUP-2, but recording it on the email failed.
    const lastAdded = link({ linkedAt: "2026-12-05T10:00:00.000Z" });
    expect(repeatCheck({ ...draft, lastAdded }, { status: "read", links: [] }, JIRA)).toEqual({
      earlier: lastAdded,
      checking: false,
      unchecked: false,
    });
    expect(
      repeatCheck(
        { issue: { ...sup2, key: "SUP-3" }, lastAdded },
        { status: "read", links: [] },
        JIRA
      ).earlier
    ).toBeUndefined();
  });

  it("names the issue and the date in the user's language", async () => {
    try {
      await activateLanguage("de-DE");
      expect(alreadyAddedText(link())).toBe(
        "Diese E-Mail wurde bereits am 04.12.2026 zu SUP-2 hinzugefügt."
      );
      await activateLanguage("fr-FR");
      expect(alreadyAddedText(link({ kind: "created" }))).toBe(
        "SUP-2 a été créée à partir de cet e-mail le 4 déc. 2026."
      );
    } finally {
      await activateLanguage("en-US");
    }
  });

  it("names the issue and the date", () => {
    expect(alreadyAddedText(link())).toBe("This email was already added to SUP-2 on Dec 4, 2026.");
    expect(alreadyAddedText(link({ kind: "created", linkedAt: "garbage" }))).toBe(
      "SUP-2 was created from this email."
    );
  });
});
