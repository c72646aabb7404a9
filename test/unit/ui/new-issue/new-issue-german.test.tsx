/**
 * The New issue view in German (Office's display language de-DE): the rules' messages, the
 * announcements with their plural forms, the delivery steps and the created issue's card, the
 * files section. Jira's own text (issue keys, summaries, file names) stays as Jira and the email
 * give it; numbers and sizes are written the German way.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage, t } from "../../../../src/i18n/translate";
import { AttachmentsSection } from "../../../../src/ui/new-issue/components/AttachmentsSection";
import { CreateIssueActions } from "../../../../src/ui/new-issue/components/CreateIssueActions";
import { CreatedIssueCard } from "../../../../src/ui/new-issue/components/CreatedIssueCard";
import { DeliverySteps } from "../../../../src/ui/new-issue/components/DeliverySteps";
import { EmailLinksBar } from "../../../../src/ui/new-issue/components/EmailLinksBar";
import { LoadProblemBar } from "../../../../src/ui/new-issue/components/LoadProblemBar";
import { suggestionText } from "../../../../src/ui/new-issue/components/SuggestionNote";
import {
  offeredAttachments,
  tooLargeProblem,
} from "../../../../src/ui/new-issue/attachment-choices";
import { planDelivery, withStep } from "../../../../src/ui/new-issue/delivery";
import { convertEmail } from "../../../../src/ui/new-issue/description-conversion";
import { initialDraftFor, validateDraft } from "../../../../src/ui/new-issue/new-issue-draft";
import { submissionAnnouncement } from "../../../../src/ui/new-issue/new-issue-submission";
import type { CreatedDelivery } from "../../../../src/ui/new-issue/new-issue-submission";
import { readUploadFile } from "../../../../src/ui/new-issue/issue-delivery";
import { stepProblemOf } from "../../../../src/ui/new-issue/step-problem";
import { UnfillableFieldsBar } from "../../../../src/ui/new-issue/components/UnfillableFieldsBar";
import { settle } from "../../../support/deferred";
import { file, memoryMailContent, officeError, sampleMessage } from "../ui-fakes";
import { A, messageA, setup } from "./store-fixture";

const JIRA = "https://jira.example.com";
const noop = () => undefined;

beforeEach(async () => {
  await activateLanguage("de-DE");
});

afterEach(async () => {
  await activateLanguage("en-US");
});

/** A created issue OPS-12 whose upload and links ran; `failed` of the steps after it failed. */
function created(failed: number): CreatedDelivery {
  let delivery: CreatedDelivery = {
    ...planDelivery({
      startedAt: 0,
      jiraBaseUrl: JIRA,
      projectKey: "OPS",
      issueTypeId: "1",
      summary: "Drucker klemmt",
      uploads: [{ source: { kind: "email" }, fileName: "Printer jams.eml" }],
      remoteLink: true,
    }),
    issue: { id: "1", key: "OPS-12", self: "x", recovered: false },
  };
  delivery = withStep(delivery, "create", { status: "done" }) as CreatedDelivery;
  const after = delivery.steps.filter((step) => step.kind !== "create");
  after.forEach((step, index) => {
    const status = index < failed ? "failed" : "done";
    delivery = withStep(delivery, step.id, { status }) as CreatedDelivery;
  });
  return delivery;
}

describe("the New issue rules in German", () => {
  it("name what is missing before Create", () => {
    expect(validateDraft({ projectKey: "", issueTypeId: "", summary: " " })).toEqual({
      projectKey: "Wählen Sie ein Projekt aus.",
      issueTypeId: "Wählen Sie einen Vorgangstyp aus.",
      summary: "Geben Sie eine Zusammenfassung ein.",
    });
    expect(
      validateDraft({ projectKey: "OPS", issueTypeId: "1", summary: "x".repeat(1000) })
    ).toEqual({ summary: "Die Zusammenfassung darf höchstens 255 Zeichen haben (sie hat 1.000)." });
  });

  it("announce the create with German plural forms", () => {
    expect(submissionAnnouncement({ status: "creating", delivery: created(0) })).toBe(
      "Der Vorgang wird in Jira erstellt…"
    );
    expect(submissionAnnouncement({ status: "delivered", delivery: created(1) })).toBe(
      "Vorgang OPS-12 erstellt. 1 Schritt fehlgeschlagen."
    );
    expect(submissionAnnouncement({ status: "delivered", delivery: created(2) })).toBe(
      "Vorgang OPS-12 erstellt. 2 Schritte fehlgeschlagen."
    );
    expect(submissionAnnouncement({ status: "delivered", delivery: created(0) })).toBe(
      "Vorgang OPS-12 erstellt. Alle Schritte erledigt."
    );
    const running = withStep(created(0), "email-link", { status: "running" }) as CreatedDelivery;
    expect(submissionAnnouncement({ status: "delivering", delivery: running })).toBe(
      "Vorgang OPS-12 erstellt. 2 von 3 weiteren Schritten erledigt."
    );
  });

  it("explain the suggestion, keeping Jira's names", () => {
    const suggestion = { reason: "sender" as const, projectKey: "SUP", issueTypeId: "1" };
    expect(
      suggestionText(
        { ...suggestion, issueKey: "SUP-12" },
        "Customer Support",
        "chris@contoso.example"
      )
    ).toBe(
      "Vorschlag: Frühere E-Mails von chris@contoso.example wurden SUP-12 in Customer Support zugeordnet."
    );
  });

  it("flag a file over Jira's limit with the size written the German way", () => {
    const message = sampleMessage({ attachments: [file("a", "dump.bin", "x", 12 * 1024 * 1024)] });
    const policy = {
      capabilities: { attachments: "office", wholeMessage: "office" } as const,
      jira: { enabled: true, uploadLimit: 2.5 * 1024 * 1024 },
    };
    const offered = offeredAttachments(message, { a: true }, policy);
    expect(offered[0]?.tooLarge).toBe("größer als das Jira-Limit von 2,5 MB");
    expect(tooLargeProblem(offered, "comment")).toBe(
      "dump.bin ist größer als das Jira-Limit von 2,5 MB. Entfernen Sie das Häkchen, um den Kommentar hinzuzufügen."
    );
    const two = sampleMessage({
      attachments: [file("a", "dump.bin", "x", 12 * 1024 * 1024), file("b", "log.zip", "x", 3e6)],
    });
    expect(tooLargeProblem(offeredAttachments(two, { a: true, b: true }, policy))).toBe(
      "dump.bin ist größer als das Jira-Limit von 2,5 MB und log.zip ist größer als das Jira-Limit von 2,5 MB. Entfernen Sie die Häkchen, um den Vorgang zu erstellen."
    );
  });

  it("say in German why the email could not be converted, with Outlook's own words", async () => {
    const mailContent = {
      capabilities: { attachments: "office", wholeMessage: "office" } as const,
      readBody: () => Promise.reject(officeError(9030, "The item is not the current item.")),
      readAttachment: () => Promise.reject(new Error("unused")),
      readWholeMessage: () => Promise.reject(new Error("unused")),
      readThreadHeaders: () => Promise.reject(new Error("unused")),
    };
    await expect(
      convertEmail({
        mailContent,
        loadConverter: () => Promise.reject(new Error("unused")),
        message: sampleMessage(),
        options: { includeHeaderBlock: false, cutQuotedHistory: false },
        locale: "de-DE",
        textName: "comment",
      })
    ).rejects.toThrow(
      "Outlook hat den Text der E-Mail nicht geliefert (The item is not the current item., Fehler 9030). Schreiben Sie den Kommentar selbst, oder öffnen Sie die E-Mail erneut und wählen Sie „Erneut umwandeln“."
    );
  });

  it("keep Outlook's reason when the store's conversion fails, instead of a translation by code", async () => {
    const { store } = setup(
      {},
      { loadConverter: () => Promise.reject(new Error("Loading chunk email-converter failed.")) }
    );
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(store.get(A).conversion).toEqual({
      status: "failed",
      problem:
        "Die E-Mail konnte nicht in eine Beschreibung umgewandelt werden (Loading chunk email-converter failed.). Schreiben Sie sie selbst, oder wählen Sie „Erneut umwandeln“.",
    });
  });

  it("name the file that is no longer attached, in German, as the pane wrote it", async () => {
    const message = sampleMessage();
    const delivery = planDelivery({
      startedAt: 0,
      jiraBaseUrl: JIRA,
      projectKey: "OPS",
      issueTypeId: "1",
      summary: "Drucker klemmt",
      uploads: [{ source: { kind: "attachment", attachmentId: "gone" }, fileName: "Bericht.pdf" }],
      remoteLink: false,
    });
    const step = delivery.steps.find((candidate) => candidate.kind === "upload")!;
    const error = await readUploadFile(memoryMailContent(message), message, step).catch(
      (caught: unknown) => caught
    );
    expect(stepProblemOf(error, JIRA)).toEqual({
      code: "attachment_unavailable",
      message:
        "Bericht.pdf ist nicht mehr an diese E-Mail angehängt und kann daher nicht hochgeladen werden.",
    });
    // An error made outside the pane (Office's, in English) is still translated by its code.
    const fromOffice = Object.assign(new Error("This Outlook can't read attachment content."), {
      code: "attachment_unavailable",
    });
    expect(stepProblemOf(fromOffice, JIRA)).toEqual({
      code: "attachment_unavailable",
      message: t("errors.attachment_unavailable"),
    });
    expect(t("errors.attachment_unavailable")).not.toBe(fromOffice.message);
  });

  it("say what to do when Outlook can't read a file of another email", () => {
    expect(stepProblemOf(officeError(9030), JIRA)).toEqual({
      code: "item_not_current",
      message:
        "Outlook kann nur die geöffnete E-Mail lesen. Öffnen Sie die E-Mail erneut, um es noch einmal zu versuchen.",
    });
  });
});

describe("the New issue view in German", () => {
  it("lists the steps in German, the file names as the email has them", () => {
    const delivery = withStep(created(1), "upload:1", {
      status: "failed",
      problem: { message: "x" },
    }) as CreatedDelivery;
    const html = renderToStaticMarkup(<DeliverySteps steps={delivery.steps} />);
    expect(html).toContain('aria-label="Fortschritt"');
    expect(html).toContain("Vorgang erstellen");
    expect(html).toContain("E-Mail als Printer jams.eml anhängen");
    expect(html).toContain("Vorgang mit dieser E-Mail verknüpfen");
    expect(html).toContain("Erledigt");
    expect(html).toContain("Fehlgeschlagen");
  });

  it("shows the created issue with the key where German puts it, and Retry for two failures", () => {
    const html = renderToStaticMarkup(
      <CreatedIssueCard delivery={created(2)} busy={false} onRetry={noop} onNewIssue={noop} />
    );
    expect(html).toMatch(
      /<a [^>]*href="https:\/\/jira.example.com\/browse\/OPS-12"[^>]*>OPS-12<\/a> erstellt/
    );
    expect(html).toContain(
      "Der Vorgang ist angelegt, aber 2 Schritte sind fehlgeschlagen. „Fehlgeschlagene Schritte wiederholen“ führt nur diese aus."
    );
    expect(html).toContain(">Fehlgeschlagene Schritte wiederholen</button>");
    expect(html).toContain(">Neuer Vorgang</button>");
  });

  it("names the files section, the sizes and the .eml choice in German", () => {
    const html = renderToStaticMarkup(
      <AttachmentsSection
        message={sampleMessage()}
        draft={{
          ...initialDraftFor(sampleMessage()),
          description: "!image001.png!",
          inlineImages: [{ attachmentId: "att-3", fileName: "image001.png" }],
        }}
        policy={{ capabilities: { attachments: "office", wholeMessage: "office" } }}
        disabled={false}
        onChange={noop}
      />
    );
    expect(html).toContain(">Anlagen</h3>");
    expect(html).toContain("3,1 MB");
    expect(html).toContain("E-Mail anhängen (.eml)");
    expect(html).toContain(
      "Eingebettete Bilder in der Beschreibung (1): werden mit dem Vorgang hochgeladen"
    );
  });

  it("says which list failed, offers Retry, and names the linked issues, in German", () => {
    const bar = renderToStaticMarkup(
      <LoadProblemBar
        what="issueTypes"
        error={new Error("down")}
        jiraBaseUrl={JIRA}
        onRetry={noop}
      />
    );
    expect(bar).toContain("Die Vorgangstypen konnten nicht geladen werden");
    expect(bar).toContain(">Wiederholen</button>");
    const titles = (["projects", "fields"] as const).map((what) =>
      renderToStaticMarkup(
        <LoadProblemBar what={what} error={new Error("down")} jiraBaseUrl={JIRA} onRetry={noop} />
      )
    );
    expect(titles[0]).toContain("Die Projekte konnten nicht geladen werden");
    expect(titles[1]).toContain("Die Felder dieses Vorgangstyps konnten nicht geladen werden");
    const link = (issueKey: string) => ({
      issueKey,
      issueId: "1",
      jiraBaseUrl: JIRA,
      kind: "created" as const,
      linkedAt: "",
    });
    const links = renderToStaticMarkup(
      <EmailLinksBar jiraBaseUrl={JIRA} links={[link("SUP-12"), link("SUP-3"), link("OPS-7")]} />
    );
    expect(links).toContain('aria-label="Verknüpfte Vorgänge"');
    expect(links).toMatch(
      /Verknüpft mit <a [^>]*>SUP-12<\/a>, <a [^>]*>SUP-3<\/a> und <a [^>]*>OPS-7<\/a>/
    );
    expect(
      renderToStaticMarkup(<UnfillableFieldsBar names={["Schweregrad", "Standort"]} />)
    ).toContain(
      "Dieser Vorgangstyp benötigt Felder, die der Bereich noch nicht ausfüllen kann: Schweregrad und Standort."
    );
    const actions = renderToStaticMarkup(
      <CreateIssueActions creating={false} ready connectionEnded={false} onCancelWaiting={noop} />
    );
    expect(actions).toContain(">Vorgang erstellen</button>");
  });
});
