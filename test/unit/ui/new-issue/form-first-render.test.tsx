/**
 * A returning user's New issue form is whole in its first render: the lists Jira gave on an earlier
 * page load are peeked from the pane's cache during the render itself, so the Project picker is
 * usable at once instead of after a "loading" render and an effect (docs/performance.md, row 2).
 * Server rendering runs exactly one render and no effects, which is what is checked here.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import { createJiraMetadataCache } from "../../../../src/jira/jira-metadata-cache";
import type { MetadataOwner } from "../../../../src/jira/jira-metadata-cache";
import { createJiraMetadata } from "../../../../src/ui/jira-metadata";
import type { JiraMetadata } from "../../../../src/ui/jira-metadata";
import { useAttachmentMeta } from "../../../../src/ui/new-issue/use-attachment-meta";
import { useNewIssueChoices } from "../../../../src/ui/new-issue/use-new-issue-choices";
import { JiraMetadataContext } from "../../../../src/ui/use-jira-metadata";
import { MemoryWebStorage } from "../../../support/memory-web-storage";

const JANE: MetadataOwner = {
  jiraBaseUrl: "https://jira.example.com",
  userKey: "jane",
  consumerKey: "jfo",
};

/** Jira, answering the form's four lists (the first page load only). */
const client = {
  projects: async () => [{ id: "1", key: "SUP", name: "Customer Support" }],
  createMetaIssueTypes: async () => [{ id: "10001", name: "Task", subtask: false }],
  createMetaFields: async () => [
    { fieldId: "summary", name: "Summary", required: true, schema: { type: "string" } },
  ],
  attachmentMeta: async () => ({ enabled: true, uploadLimit: 1024 }),
} as unknown as JiraClient;

const session = {
  withJira: <T,>(operation: (jira: JiraClient) => Promise<T>) => operation(client),
};

function pageLoad(storage: MemoryWebStorage): JiraMetadata {
  return createJiraMetadata(session, {
    cache: createJiraMetadataCache(storage),
    owner: () => JANE,
  });
}

function FormLists() {
  const draft = { projectKey: "SUP", issueTypeId: "10001" };
  const choices = useNewIssueChoices(session, draft, true);
  const limits = useAttachmentMeta(session, true);
  return (
    <output>
      {JSON.stringify({
        projects: choices.projects.status,
        issueTypes: choices.issueTypes.status,
        fields: choices.fields.status,
        required: choices.screen?.unfillableRequired,
        uploadLimit: limits?.uploadLimit,
      })}
    </output>
  );
}

function firstRender(metadata: JiraMetadata) {
  const html = renderToStaticMarkup(
    <JiraMetadataContext value={metadata}>
      <FormLists />
    </JiraMetadataContext>
  );
  return JSON.parse(/<output>(.*)<\/output>/.exec(html)?.[1]?.replaceAll("&quot;", '"') ?? "{}");
}

describe("the New issue form's first render", () => {
  it("shows loading for a user Jira has not answered yet", () => {
    expect(firstRender(pageLoad(new MemoryWebStorage()))).toEqual({
      projects: "loading",
      issueTypes: "loading",
      fields: "loading",
    });
  });

  it("has every list of a returning user, and the attachment settings, without a request", async () => {
    const storage = new MemoryWebStorage();
    const first = pageLoad(storage);
    await Promise.all([
      first.projects(),
      first.issueTypes("SUP"),
      first.fields("SUP", "10001"),
      first.attachmentMeta(),
    ]);

    const asked = jest.spyOn(session, "withJira");
    expect(firstRender(pageLoad(storage))).toEqual({
      projects: "loaded",
      issueTypes: "loaded",
      fields: "loaded",
      required: [],
      uploadLimit: 1024,
    });
    expect(asked).not.toHaveBeenCalled();
  });
});
