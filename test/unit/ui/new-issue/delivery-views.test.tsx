/**
 * What the pane shows once a create runs and after: the steps with their progress bars, the
 * created issue's card, and "Linked to SUP-12" on the email; whatever Jira or the email says is
 * shown as text, never as markup.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { CreatedIssueCard } from "../../../../src/ui/new-issue/components/CreatedIssueCard";
import { DeliverySteps } from "../../../../src/ui/new-issue/components/DeliverySteps";
import { EmailLinksBar } from "../../../../src/ui/new-issue/components/EmailLinksBar";
import { planDelivery, withStep } from "../../../../src/ui/new-issue/delivery";
import type { CreatedDelivery } from "../../../../src/ui/new-issue/new-issue-submission";

const JIRA = "https://jira.example.com";
const HOSTILE = '<img src=x onerror="alert(1)">';
const ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";
const noop = () => undefined;

describe("DeliverySteps and CreatedIssueCard", () => {
  const issue = { id: "1", key: `OPS-1"${HOSTILE}`, self: "x", recovered: true };
  let delivery: CreatedDelivery = {
    ...planDelivery({
      startedAt: 0,
      jiraBaseUrl: JIRA,
      projectKey: "OPS",
      issueTypeId: "1",
      summary: `Summary ${HOSTILE}`,
      uploads: [{ source: { kind: "attachment", attachmentId: "a" }, fileName: "log.txt" }],
      remoteLink: true,
    }),
    issue,
  };
  delivery = withStep(delivery, "create", { status: "done" }) as CreatedDelivery;
  delivery = withStep(delivery, "upload:1", {
    status: "running",
    progress: { loaded: 25, total: 100 },
  }) as CreatedDelivery;

  it("lists each step with its kind and status, a progress bar per upload", () => {
    const html = renderToStaticMarkup(<DeliverySteps steps={delivery.steps} />);
    expect(html).toContain('data-testid="delivery-steps"');
    expect(
      [...html.matchAll(/data-step="([^"]+)" data-status="([^"]+)"/g)].map((m) => m.slice(1))
    ).toEqual([
      ["create", "done"],
      ["upload", "running"],
      ["remote-link", "pending"],
      ["email-link", "pending"],
    ]);
    expect(html).toMatch(
      /role="progressbar"[^>]*aria-valuenow="0.25"[^>]*aria-label="Upload of log.txt"/
    );
  });

  it("links the created issue by its key, escaped in the text and encoded in the URL", () => {
    const html = renderToStaticMarkup(
      <CreatedIssueCard delivery={delivery} busy onRetry={noop} onNewIssue={noop} />
    );
    expect(html).toContain('data-testid="issue-created"');
    expect(html).toContain(
      `href="${JIRA}/browse/${encodeURIComponent(`OPS-1"${HOSTILE}`).replace(/'/g, "&#x27;")}"`
    );
    expect(html).toContain(`OPS-1&quot;${ESCAPED}</a>`);
    expect(html).toContain(`Summary ${ESCAPED}`);
    expect(html).not.toContain("<img");
    expect(html).toContain("It had already been created; the answer was lost on the way.");
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>New issue<\/button>/);
    expect(html).not.toContain("Retry failed steps");
  });
});

describe("EmailLinksBar", () => {
  const link = (issueKey: string, jiraBaseUrl = JIRA) => ({
    issueKey,
    issueId: "1",
    jiraBaseUrl,
    kind: "created" as const,
    linkedAt: "2026-12-04T09:00:00.000Z",
  });

  it("shows nothing when the email is linked to nothing", () => {
    expect(renderToStaticMarkup(<EmailLinksBar links={[]} jiraBaseUrl={JIRA} />)).toBe("");
  });

  it("says 'Linked to SUP-12', linking this Jira's issues and naming other Jiras' as text", () => {
    const html = renderToStaticMarkup(
      <EmailLinksBar
        links={[link("SUP-12"), link("OPS-3", "https://old-jira.example.org"), link(HOSTILE)]}
        jiraBaseUrl={`${JIRA}/`}
      />
    );
    expect(html).toContain('data-testid="email-links"');
    expect(html.replace(/<[^>]+>/g, "")).toContain(
      `Linked to SUP-12, OPS-3 (Jira: old-jira.example.org), and ${ESCAPED}`
    );
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/jira.example.com\/\/browse\/SUP-12"[^>]*>SUP-12<\/a>/
    );
    expect(html).not.toMatch(/<a[^>]*>OPS-3/);
    expect(html).not.toContain("<img");
  });
});
