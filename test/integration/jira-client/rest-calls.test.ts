/**
 * Every REST call of the client against the simulator's Jira, signed in as Jane Doe: the typed
 * results, JiraValidationError's fields, createmeta in both forms, JQL with "=", "+" and quotes.
 */
import { JiraHttpError, JiraValidationError } from "../../../src/jira/jira-errors";
import { rejectionOf, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

const SERVICE_REQUEST = "10100";
const TASK = "3";

describe("reading Jira", () => {
  it("serverInfo, cached", async () => {
    const info = await kit.jira.serverInfo();

    expect(info).toMatchObject({
      baseUrl: kit.sim.settings.baseUrl,
      version: "9.12.2",
      versionNumbers: [9, 12, 2],
    });
    expect(await kit.jira.serverInfo()).toBe(info);
  });

  it("myself", async () => {
    await expect(kit.jira.myself()).resolves.toMatchObject({
      name: "jane",
      key: "jane",
      displayName: "Jane Doe",
      emailAddress: "jane.doe@example.com",
    });
  });

  it("projects: SUP and OPS, not ENG (hidden from Jane); project(key)", async () => {
    const projects = await kit.jira.projects();

    expect(projects.map((project) => project.key).sort()).toEqual(["OPS", "SUP"]);
    await expect(kit.jira.project("SUP")).resolves.toMatchObject({
      key: "SUP",
      id: expect.any(String),
      name: expect.any(String),
    });
    expect(await rejectionOf(kit.jira.project("ENG"))).toMatchObject({
      name: "JiraHttpError",
      code: "http_404",
    });
  });

  it("fields and priorities", async () => {
    const fields = await kit.jira.fields();
    expect(fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "summary", custom: false })])
    );
    expect(fields.find((field) => field.id === "customfield_10100")).toMatchObject({
      custom: true,
      schema: { type: "option" },
    });

    const priorities = await kit.jira.priorities();
    expect(priorities.length).toBeGreaterThan(0);
    expect(priorities[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });
  });

  it("searchUsers and assignableUsers", async () => {
    await expect(kit.jira.searchUsers({ username: "john" })).resolves.toEqual([
      expect.objectContaining({ name: "john", displayName: "John Smith" }),
    ]);
    const assignable = await kit.jira.assignableUsers({ project: "SUP", username: "j" });
    expect(assignable.map((user) => user.name)).toEqual(expect.arrayContaining(["jane"]));
  });

  it("attachmentMeta", async () => {
    await expect(kit.jira.attachmentMeta()).resolves.toEqual({
      enabled: true,
      uploadLimit: 10_485_760,
    });
  });

  it("getIssue with chosen fields", async () => {
    const issue = await kit.jira.getIssue("SUP-2", ["summary", "status"]);

    expect(issue).toMatchObject({ key: "SUP-2", fields: { summary: "VPN drops every hour" } });
    expect(Object.keys(issue.fields).sort()).toEqual(["status", "summary"]);
  });

  it("issuePicker", async () => {
    const result = await kit.jira.issuePicker({ query: "VPN", currentJQL: "project = SUP" });

    const keys = result.sections.flatMap((section) => section.issues.map((issue) => issue.key));
    expect(keys).toContain("SUP-2");
  });
});

describe("createmeta", () => {
  it("issue types and fields of the per-project endpoint (Jira 9), the required custom select included", async () => {
    const types = await kit.jira.createMetaIssueTypes("SUP");
    expect(types.map((type) => type.name)).toEqual(
      expect.arrayContaining(["Task", "Bug", "Service Request"])
    );

    const fields = await kit.jira.createMetaFields("SUP", SERVICE_REQUEST);
    expect(fields.find((field) => field.fieldId === "customfield_10100")).toMatchObject({
      required: true,
      schema: { type: "option" },
      allowedValues: expect.arrayContaining([
        expect.objectContaining({ id: expect.any(String), value: expect.any(String) }),
      ]),
    });
    expect(fields.find((field) => field.fieldId === "summary")).toMatchObject({ required: true });
  });

  it("the same result from the old createmeta?expand form on Jira 8.3", async () => {
    const modern = await kit.jira.createMetaFields("SUP", SERVICE_REQUEST);
    const modernTypes = await kit.jira.createMetaIssueTypes("SUP");
    kit.sim.control.updateSettings({ version: "8.3.0" });
    try {
      // A new client: serverInfo is cached per client.
      const legacyClient = kit.clientWith(kit.signer);

      const legacyTypes = await legacyClient.createMetaIssueTypes("SUP");
      const legacy = await legacyClient.createMetaFields("SUP", SERVICE_REQUEST);

      expect(legacyTypes.map((type) => type.id)).toEqual(modernTypes.map((type) => type.id));
      const byId = (list: typeof modern) =>
        Object.fromEntries(list.map((field) => [field.fieldId, field.required]));
      expect(byId(legacy)).toEqual(byId(modern));
    } finally {
      kit.sim.control.updateSettings({ version: "9.12.2" });
    }
  });
});

describe("writing to Jira", () => {
  it("createIssue: a required custom field left empty → JiraValidationError naming it", async () => {
    const error = await rejectionOf(
      kit.jira.createIssue({
        project: { key: "SUP" },
        issuetype: { id: SERVICE_REQUEST },
        summary: "From an email",
      })
    );

    expect(error).toBeInstanceOf(JiraValidationError);
    expect(error).toMatchObject({ code: "jira_validation", status: 400 });
    expect((error as unknown as JiraValidationError).errors).toHaveProperty("customfield_10100");
    expect(error.message).toMatch(/customfield_10100/);
  });

  it("createIssue → getIssue; addComment (with visibility) → getComments; addAttachment with progress", async () => {
    const fields = await kit.jira.createMetaFields("SUP", SERVICE_REQUEST);
    const impact = fields.find((field) => field.fieldId === "customfield_10100")
      ?.allowedValues?.[0];
    const created = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { id: SERVICE_REQUEST },
      summary: "Printer jam on floor 2",
      description: "h2. From an email\n\n*bold* text",
      customfield_10100: { id: impact?.id },
    });
    expect(created).toMatchObject({
      key: expect.stringMatching(/^SUP-\d+$/),
      id: expect.any(String),
      self: expect.any(String),
    });
    await expect(kit.jira.getIssue(created.key, ["summary"])).resolves.toMatchObject({
      fields: { summary: "Printer jam on floor 2" },
    });

    const comment = await kit.jira.addComment(created.key, {
      body: "Reply from the customer",
      visibility: { type: "group", value: "jira-users" },
    });
    expect(comment).toMatchObject({ id: expect.any(String), body: "Reply from the customer" });
    const comments = await kit.jira.getComments(created.key);
    expect(comments.map((c) => c.body)).toContain("Reply from the customer");

    const progress: Array<[number, number]> = [];
    const data = new Blob(["Subject: Printer jam\r\n\r\nHelp"]);
    const attachments = await kit.jira.addAttachment(
      created.key,
      { name: "Re: Printer jam (ü).eml", type: "message/rfc822", data },
      (loaded, total) => progress.push([loaded, total])
    );
    expect(attachments).toEqual([
      expect.objectContaining({
        filename: "Re: Printer jam (ü).eml",
        size: data.size,
        mimeType: "message/rfc822",
      }),
    ]);
    expect(progress[0]).toEqual([0, data.size]);
    expect(progress.at(-1)).toEqual([data.size, data.size]);
  });

  it("comments on SUP-2 include the seed's", async () => {
    const comments = await kit.jira.getComments("SUP-2");
    expect(comments.length).toBeGreaterThanOrEqual(1);
    expect(comments[0]).toMatchObject({
      id: expect.any(String),
      body: expect.any(String),
      author: expect.objectContaining({ name: expect.any(String) }),
    });
  });

  it("issue properties: set, read back, overwrite", async () => {
    const value = { messageIds: ["<a+b=c@example.com>"], linkedAt: "2024-05-01T12:00:00Z" };

    await kit.jira.setIssueProperty("SUP-2", "jira-for-outlook.email", value);
    await expect(kit.jira.getIssueProperty("SUP-2", "jira-for-outlook.email")).resolves.toEqual({
      key: "jira-for-outlook.email",
      value,
    });
    await kit.jira.setIssueProperty("SUP-2", "jira-for-outlook.email", { messageIds: [] });
    await expect(
      kit.jira.getIssueProperty("SUP-2", "jira-for-outlook.email")
    ).resolves.toMatchObject({
      value: { messageIds: [] },
    });
    const missing = await rejectionOf(kit.jira.getIssueProperty("SUP-2", "no-such-property"));
    expect(missing).toBeInstanceOf(JiraHttpError);
    expect(missing).toMatchObject({ code: "http_404" });
  });

  it("remote links: create, upsert by globalId, list, get by globalId", async () => {
    const globalId = "mail:<CAF+x=1@mail.example.com>";
    const link = {
      globalId,
      application: { type: "com.example.jira-for-outlook", name: "Outlook" },
      relationship: "email",
      object: { url: "https://outlook.office.com/mail/id/1", title: "Re: VPN drops" },
    };

    const first = await kit.jira.createOrUpdateRemoteLink("SUP-2", link);
    const second = await kit.jira.createOrUpdateRemoteLink("SUP-2", {
      ...link,
      object: { ...link.object, title: "Re: Re: VPN drops" },
    });

    expect(second.id).toBe(first.id);
    const all = await kit.jira.getRemoteLinks("SUP-2");
    expect(all.filter((candidate) => candidate.globalId === globalId)).toHaveLength(1);
    await expect(kit.jira.getRemoteLinks("SUP-2", globalId)).resolves.toEqual([
      expect.objectContaining({
        id: first.id,
        globalId,
        object: expect.objectContaining({ title: "Re: Re: VPN drops" }),
      }),
    ]);
  });
});

describe("search", () => {
  it('JQL with "=", "+", quotes and spaces is signed and read by Jira intact', async () => {
    const created = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { id: TASK },
      summary: 'Totals wrong: "a+b=c" in report',
      labels: ["a+b=c"],
    });

    const byText = await kit.jira.search({
      jql: 'project = "SUP" AND text ~ "a+b=c"',
      fields: ["summary"],
    });
    const byLabel = await kit.jira.search({
      jql: 'project = "SUP" AND labels = "a+b=c"',
      fields: ["labels"],
    });

    expect(byText.issues.map((issue) => issue.key)).toContain(created.key);
    expect(byLabel.issues.map((issue) => issue.key)).toEqual([created.key]);
    expect(byLabel.issues[0].fields).toEqual({ labels: ["a+b=c"] });
  });

  it("pages with startAt / maxResults", async () => {
    const page = await kit.jira.search({
      jql: "project = SUP ORDER BY key ASC",
      startAt: 1,
      maxResults: 1,
      fields: ["summary"],
    });

    expect(page).toMatchObject({ startAt: 1, maxResults: 1 });
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.issues.map((issue) => issue.key)).toEqual(["SUP-2"]);
  });

  it("a JQL too long for a URL goes by POST and gives the same answer", async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `SUP-${(i % 3) + 1}`);
    const jql = `key in (${keys.join(", ")}) AND summary ~ "VPN"`;

    const lines: string[] = [];
    const jira = kit.clientWith(kit.signer, { logger: { debug: (line) => lines.push(line) } });

    const result = await jira.search({ jql, fields: ["summary"] });

    expect(result.issues.map((issue) => issue.key)).toEqual(["SUP-2"]);
    expect(lines).toEqual([expect.stringMatching(/^POST \/rest\/api\/2\/search → 200/)]);
  });

  it("a JQL error is a JiraHttpError with Jira's message", async () => {
    const error = await rejectionOf(kit.jira.search({ jql: "project = NOPE" }));

    expect(error).toMatchObject({ name: "JiraHttpError", code: "http_400", status: 400 });
    expect(error.message).toMatch(/NOPE/);
  });
});
