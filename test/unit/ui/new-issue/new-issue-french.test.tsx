/**
 * The New issue view in French (Office's display language fr-FR): the rules' messages, the
 * announcements with French plural forms (French puts 0 and 1 in the singular, unlike English),
 * the delivery steps and the created issue's card, the files section, the lists joined with "et".
 * Jira's own text (issue keys, summaries, field and file names) stays as Jira and the email give it.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { formatFileSize } from "../../../../src/i18n/format";
import { activateLanguage, t } from "../../../../src/i18n/translate";
import { AttachmentsSection } from "../../../../src/ui/new-issue/components/AttachmentsSection";
import { CreateIssueActions } from "../../../../src/ui/new-issue/components/CreateIssueActions";
import { CreatedIssueCard } from "../../../../src/ui/new-issue/components/CreatedIssueCard";
import { DeliverySteps } from "../../../../src/ui/new-issue/components/DeliverySteps";
import { EmailLinksBar } from "../../../../src/ui/new-issue/components/EmailLinksBar";
import { LoadProblemBar } from "../../../../src/ui/new-issue/components/LoadProblemBar";
import { suggestionText } from "../../../../src/ui/new-issue/components/SuggestionNote";
import { UnfillableFieldsBar } from "../../../../src/ui/new-issue/components/UnfillableFieldsBar";
import {
  offeredAttachments,
  tooLargeProblem,
} from "../../../../src/ui/new-issue/attachment-choices";
import { planDelivery, withStep } from "../../../../src/ui/new-issue/delivery";
import { readUploadFile } from "../../../../src/ui/new-issue/issue-delivery";
import { initialDraftFor, validateDraft } from "../../../../src/ui/new-issue/new-issue-draft";
import { submissionAnnouncement } from "../../../../src/ui/new-issue/new-issue-submission";
import type { CreatedDelivery } from "../../../../src/ui/new-issue/new-issue-submission";
import { stepProblemOf } from "../../../../src/ui/new-issue/step-problem";
import { file, memoryMailContent, sampleMessage } from "../ui-fakes";

const JIRA = "https://jira.example.com";
const noop = () => undefined;
/** How French groups thousands (a narrow no-break space), as Intl writes it. */
const THOUSAND = new Intl.NumberFormat("fr-FR").format(1000);

beforeEach(async () => {
  await activateLanguage("fr-FR");
});

afterEach(async () => {
  await activateLanguage("en-US");
});

/** A created issue OPS-12 with an .eml upload, an inline image and the links; `failed` failed. */
function created(failed: number): CreatedDelivery {
  let delivery: CreatedDelivery = {
    ...planDelivery({
      startedAt: 0,
      jiraBaseUrl: JIRA,
      projectKey: "OPS",
      issueTypeId: "1",
      summary: "L'imprimante bourre",
      uploads: [
        { source: { kind: "email" }, fileName: "Printer jams.eml" },
        { source: { kind: "inline-image", attachmentId: "att-3" }, fileName: "image001.png" },
      ],
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

const link = (issueKey: string) => ({
  issueKey,
  issueId: "1",
  jiraBaseUrl: JIRA,
  kind: "created" as const,
  linkedAt: "",
});

describe("the New issue rules in French", () => {
  it("name what is missing before Create, numbers grouped the French way", () => {
    expect(validateDraft({ projectKey: "", issueTypeId: "", summary: " " })).toEqual({
      projectKey: "Choisissez un projet.",
      issueTypeId: "Choisissez un type de demande.",
      summary: "Saisissez un résumé.",
    });
    expect(
      validateDraft({ projectKey: "OPS", issueTypeId: "1", summary: "x".repeat(1000) })
    ).toEqual({
      summary: `Le résumé peut compter au plus 255 caractères (il en compte ${THOUSAND}).`,
    });
  });

  it("announce the create with French plural forms, 0 and 1 both singular", () => {
    expect(submissionAnnouncement({ status: "delivered", delivery: created(1) })).toBe(
      "Demande OPS-12 créée. 1 étape a échoué."
    );
    expect(submissionAnnouncement({ status: "delivered", delivery: created(2) })).toBe(
      "Demande OPS-12 créée. 2 étapes ont échoué."
    );
    expect(submissionAnnouncement({ status: "delivered", delivery: created(0) })).toBe(
      "Demande OPS-12 créée. Toutes les étapes sont terminées."
    );
    // English says "0 steps", French "0 étape": the form Intl.PluralRules gives French for 0.
    expect(t("newIssue.stepsFailed", { count: 0 })).toBe("0 étape a échoué.");
    expect(formatFileSize(0)).toBe("0 octet");
    expect(formatFileSize(1)).toBe("1 octet");
    expect(formatFileSize(2)).toBe("2 octets");
  });

  it("explain the suggestion, keeping Jira's names", () => {
    const suggestion = { reason: "conversation" as const, projectKey: "SUP", issueTypeId: "1" };
    expect(suggestionText({ ...suggestion, issueKey: "SUP-12" }, "Customer Support", "")).toBe(
      "Suggestion : les e-mails précédents de cette conversation ont été ajoutés à SUP-12 dans Customer Support."
    );
  });

  it("flag files over Jira's limit, saying 'le' for one and 'les' for several", () => {
    const policy = {
      capabilities: { attachments: "office", wholeMessage: "office" } as const,
      jira: { enabled: true, uploadLimit: 2.5 * 1024 * 1024 },
    };
    const one = sampleMessage({ attachments: [file("a", "dump.bin", "x", 12 * 1024 * 1024)] });
    const offered = offeredAttachments(one, { a: true }, policy);
    expect(offered[0]?.tooLarge).toBe("plus volumineux que la limite de Jira (2,5 Mo)");
    expect(tooLargeProblem(offered)).toBe(
      "dump.bin est plus volumineux que la limite de Jira (2,5 Mo). Décochez-le pour créer la demande."
    );
    const two = sampleMessage({
      attachments: [file("a", "dump.bin", "x", 12 * 1024 * 1024), file("b", "log.zip", "x", 3e6)],
    });
    expect(tooLargeProblem(offeredAttachments(two, { a: true, b: true }, policy), "comment")).toBe(
      "dump.bin est plus volumineux que la limite de Jira (2,5 Mo) et log.zip est plus volumineux que la limite de Jira (2,5 Mo). Décochez-les pour ajouter le commentaire."
    );
  });

  it("name the file that is no longer attached, as the pane wrote it", async () => {
    const message = sampleMessage();
    const delivery = planDelivery({
      startedAt: 0,
      jiraBaseUrl: JIRA,
      projectKey: "OPS",
      issueTypeId: "1",
      summary: "x",
      uploads: [{ source: { kind: "attachment", attachmentId: "gone" }, fileName: "Rapport.pdf" }],
      remoteLink: false,
    });
    const step = delivery.steps.find((candidate) => candidate.kind === "upload")!;
    const error = await readUploadFile(memoryMailContent(message), message, step).catch(
      (caught: unknown) => caught
    );
    expect(stepProblemOf(error, JIRA)).toEqual({
      code: "attachment_unavailable",
      message: "Rapport.pdf n'est plus joint à cet e-mail : impossible de le joindre.",
    });
  });
});

describe("the New issue view in French", () => {
  it("lists the steps in French ('Joindre' for every file), the file names as they are", () => {
    const html = renderToStaticMarkup(<DeliverySteps steps={created(1).steps} />);
    expect(html).toContain('aria-label="Progression"');
    expect(html).toContain("Créer la demande");
    expect(html).toContain("Joindre l&#x27;e-mail sous le nom Printer jams.eml");
    expect(html).toContain("Joindre l&#x27;image image001.png");
    expect(html).toContain("Lier la demande à cet e-mail");
    expect(html).toContain("Terminé");
    expect(html).toContain("Échec");
  });

  it("shows the created issue with its key first, and names the retry button by its label", () => {
    const html = renderToStaticMarkup(
      <CreatedIssueCard delivery={created(1)} busy={false} onRetry={noop} onNewIssue={noop} />
    );
    expect(html).toMatch(
      /<h3[^>]*><a [^>]*href="https:\/\/jira.example.com\/browse\/OPS-12"[^>]*>OPS-12<\/a> créée<\/h3>/
    );
    expect(html).toContain(
      "La demande existe, mais une étape a échoué. « Réessayer les étapes en échec » n&#x27;exécute que cette étape."
    );
    expect(html).toContain(">Réessayer les étapes en échec</button>");
    expect(html).toContain(">Nouvelle demande</button>");
  });

  it("names the files section, sizes in Mo and octets, and the inline images joined to the issue", () => {
    const message = sampleMessage({
      attachments: [...sampleMessage().attachments, file("att-0", "vide.txt", "text/plain", 0)],
    });
    const html = renderToStaticMarkup(
      <AttachmentsSection
        message={message}
        draft={{
          ...initialDraftFor(message),
          description: "!image001.png!",
          inlineImages: [{ attachmentId: "att-3", fileName: "image001.png" }],
        }}
        policy={{ capabilities: { attachments: "office", wholeMessage: "office" } }}
        disabled={false}
        onChange={noop}
      />
    );
    expect(html).toContain(">Pièces jointes</h3>");
    expect(html).toContain("3,1 Mo");
    expect(html).toContain(">0 octet<");
    expect(html).toContain("Joindre l&#x27;e-mail (.eml)");
    expect(html).toContain("Images incorporées dans la description (1) : jointes à la demande");
  });

  it("says which list failed, and joins the linked issues and missing fields with 'et'", () => {
    const bar = renderToStaticMarkup(
      <LoadProblemBar what="fields" error={new Error("down")} jiraBaseUrl={JIRA} onRetry={noop} />
    );
    expect(bar).toContain("Impossible de charger les champs de ce type de demande");
    expect(bar).toContain(">Réessayer</button>");
    const links = renderToStaticMarkup(
      <EmailLinksBar jiraBaseUrl={JIRA} links={[link("SUP-12"), link("SUP-3")]} />
    );
    expect(links).toContain('aria-label="Demandes liées"');
    expect(links).toMatch(/Lié à <a [^>]*>SUP-12<\/a> et <a [^>]*>SUP-3<\/a>/);
    expect(renderToStaticMarkup(<UnfillableFieldsBar names={["Gravité", "Site"]} />)).toContain(
      "exige des champs que le volet ne sait pas encore remplir : Gravité et Site."
    );
    const actions = renderToStaticMarkup(
      <CreateIssueActions creating={false} ready connectionEnded={false} onCancelWaiting={noop} />
    );
    expect(actions).toContain(">Créer une demande</button>");
  });
});

describe("messages that name a button, in every language", () => {
  it.each(["en-US", "de-DE", "fr-FR"])("use the button's exact label in %s", async (language) => {
    await activateLanguage(language);
    const retryFailedSteps = t("newIssue.retryFailedSteps");
    expect(t("newIssue.stepInterrupted")).toContain(retryFailedSteps);
    expect(t("newIssue.createFollowUpsFailed", { count: 1 })).toContain(retryFailedSteps);
    expect(t("newIssue.createFollowUpsFailed", { count: 2 })).toContain(retryFailedSteps);
    expect(t("newIssue.createUncertainMessage")).toContain(t("newIssue.tryAgain"));
    expect(t("newIssue.previousAttemptNote")).toContain(t("newIssue.createIssueButton"));
  });
});
