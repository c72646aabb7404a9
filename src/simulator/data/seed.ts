/**
 * The simulator's initial issues, comments, attachments and issue history. Times are relative to
 * the simulator clock at reset, so "created >= -1d" style queries keep working whatever the date;
 * everything else is fixed, so tests can name issues by key.
 *
 *   SUP-1  Cannot log in to the expense portal            Service Request, Open, Jane → John
 *   SUP-2  VPN drops every hour                           Bug, In Progress, John → Jane
 *   SUP-3  Invoice 2024-117 missing in ERP                Task, Done (resolved), Jane
 *   OPS-1  Nightly invoice export to ERP fails with timeout  Bug, Open, John
 *   OPS-2  Renew TLS certificate for the mail gateway     Task, In Progress, Jane → John
 *   OPS-3  Printer on the 3rd floor is offline            Task, Done (resolved), Jane
 *   ENG-1  Expense portal SSO returns 500 after certificate rotation  Bug, Open, John (Jane can't see ENG)
 */
import { CATALOG, CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS, STATUS_IDS } from "./catalog";
import type { AttachmentRecord, CommentRecord, IssueRecord, JiraState } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** First ids of Jira's sequences (as on a fresh Jira: 10000). */
const FIRST_ID = 10000;

interface SeedIssue {
  key: string;
  type: string;
  status: string;
  resolvedAgo?: number;
  reporter: string;
  createdAgo: number;
  updatedAgo: number;
  values: Record<string, unknown>;
  comments?: {
    author: string;
    ago: number;
    body: string;
    visibility?: CommentRecord["visibility"];
  }[];
}

const SEED_ISSUES: SeedIssue[] = [
  {
    key: "SUP-1",
    type: ISSUE_TYPE_IDS.serviceRequest,
    status: STATUS_IDS.open,
    reporter: "jane",
    createdAgo: 3 * DAY,
    updatedAgo: 5 * HOUR,
    values: {
      summary: "Cannot log in to the expense portal",
      description:
        "Since this morning the expense portal answers *Invalid credentials* for the whole finance team.\n\nThe customer wrote from finance@customer.example.",
      priority: "2",
      assignee: "john",
      labels: ["login", "expenses"],
      components: ["10000"],
      [CUSTOM_FIELD_IDS.customerImpact]: "10202",
      [CUSTOM_FIELD_IDS.affectedSystems]: ["10213", "10214"],
      [CUSTOM_FIELD_IDS.customerReference]: "CASE-4711",
    },
    comments: [
      { author: "john", ago: 2 * DAY, body: "Can you send a screenshot of the error message?" },
      { author: "jane", ago: 1 * DAY, body: "Screenshot attached. It happens in every browser." },
      {
        author: "john",
        ago: 5 * HOUR,
        body: "Internal: the SSO signing certificate was rotated on Monday; ENG is looking at it.",
        visibility: { type: "role", value: "Developers" },
      },
    ],
  },
  {
    key: "SUP-2",
    type: ISSUE_TYPE_IDS.bug,
    status: STATUS_IDS.inProgress,
    reporter: "john",
    createdAgo: 2 * DAY,
    updatedAgo: 1 * HOUR,
    values: {
      summary: "VPN drops every hour",
      description:
        "The VPN client disconnects every hour on the hour and needs a manual reconnect.",
      environment: "Windows 11, VPN client 5.2",
      priority: "3",
      assignee: "jane",
      labels: ["vpn", "network"],
      components: ["10001"],
      [CUSTOM_FIELD_IDS.affectedSystems]: ["10211"],
    },
    comments: [
      { author: "jane", ago: 20 * HOUR, body: "Happens on both the office and the home network." },
      {
        author: "john",
        ago: 1 * HOUR,
        body: "Firewall logs show an idle timeout of 3600 seconds on the VPN concentrator.",
        visibility: { type: "group", value: "jira-developers" },
      },
    ],
  },
  {
    key: "SUP-3",
    type: ISSUE_TYPE_IDS.task,
    status: STATUS_IDS.done,
    resolvedAgo: 1 * DAY,
    reporter: "jane",
    createdAgo: 10 * DAY,
    updatedAgo: 1 * DAY,
    values: {
      summary: "Invoice 2024-117 missing in ERP",
      description: "Invoice 2024-117 was sent to the customer but is not in the ERP.",
      priority: "3",
      assignee: "jane",
      labels: ["billing"],
      components: ["10002"],
      [CUSTOM_FIELD_IDS.customerReference]: "INV-2024-117",
    },
    comments: [
      { author: "jane", ago: 1 * DAY, body: "Re-imported from the export archive; closed." },
    ],
  },
  {
    key: "OPS-1",
    type: ISSUE_TYPE_IDS.bug,
    status: STATUS_IDS.open,
    reporter: "john",
    createdAgo: 5 * DAY,
    updatedAgo: 4 * DAY,
    values: {
      summary: "Nightly invoice export to ERP fails with timeout",
      description: "The 02:00 export job stops after 30 minutes with a read timeout.",
      priority: "2",
      assignee: null,
      components: ["10011"],
      [CUSTOM_FIELD_IDS.site]: { parentId: "10220", childId: "10221" },
      [CUSTOM_FIELD_IDS.affectedUsers]: 12,
    },
    comments: [
      { author: "john", ago: 4 * DAY, body: "Timeout raised to 60 minutes as a stopgap." },
    ],
  },
  {
    key: "OPS-2",
    type: ISSUE_TYPE_IDS.task,
    status: STATUS_IDS.inProgress,
    reporter: "jane",
    createdAgo: 20 * DAY,
    updatedAgo: 2 * DAY,
    values: {
      summary: "Renew TLS certificate for the mail gateway",
      priority: "1",
      assignee: "john",
      duedate: "2027-01-15",
      labels: ["certificates"],
      components: ["10010"],
    },
  },
  {
    key: "OPS-3",
    type: ISSUE_TYPE_IDS.task,
    status: STATUS_IDS.done,
    resolvedAgo: 6 * DAY,
    reporter: "jane",
    createdAgo: 8 * DAY,
    updatedAgo: 6 * DAY,
    values: { summary: "Printer on the 3rd floor is offline", priority: "4", assignee: "john" },
  },
  {
    key: "ENG-1",
    type: ISSUE_TYPE_IDS.bug,
    status: STATUS_IDS.open,
    reporter: "john",
    createdAgo: 1 * DAY,
    updatedAgo: 3 * HOUR,
    values: {
      summary: "Expense portal SSO returns 500 after certificate rotation",
      description: "Reported through SUP-1. The SAML response is signed with the old certificate.",
      priority: "1",
      assignee: "john",
      versions: ["10020"],
    },
    comments: [{ author: "john", ago: 3 * HOUR, body: "Reproduced on staging." }],
  },
];

/** Issue history per user at start, most recent first (what they "viewed in the browser"). */
const SEED_HISTORY: Record<string, string[]> = {
  jane: ["SUP-2", "SUP-1", "OPS-1"],
  john: ["ENG-1", "SUP-2"],
};

/** A fresh copy of the seed state for a clock reading of `now`. */
export function createSeedState(now: number): JiraState {
  let commentId = FIRST_ID;
  const issueCounters = new Map<string, number>();
  const issues: IssueRecord[] = SEED_ISSUES.map((seed, index) => {
    const [projectKey, number] = seed.key.split("-") as [string, string];
    const project = CATALOG.project(projectKey);
    if (!project) throw new Error(`Seed issue ${seed.key}: unknown project`);
    issueCounters.set(project.id, Math.max(issueCounters.get(project.id) ?? 0, Number(number)));
    const resolved = seed.resolvedAgo !== undefined;
    return {
      id: String(FIRST_ID + index),
      key: seed.key,
      projectId: project.id,
      issueTypeId: seed.type,
      statusId: seed.status,
      resolutionId: resolved ? "10000" : null,
      resolutionDate: resolved ? now - (seed.resolvedAgo as number) : null,
      reporterKey: seed.reporter,
      creatorKey: seed.reporter,
      created: now - seed.createdAgo,
      updated: now - seed.updatedAgo,
      values: structuredClone(seed.values),
      comments: (seed.comments ?? []).map((comment) => ({
        id: String(commentId++),
        authorKey: comment.author,
        body: comment.body,
        created: now - comment.ago,
        updated: now - comment.ago,
        ...(comment.visibility ? { visibility: { ...comment.visibility } } : {}),
        properties: new Map(),
      })),
      attachmentIds: [],
      properties: new Map(),
      remoteLinks: [],
    };
  });

  const attachments = new Map<string, AttachmentRecord>();
  const screenshotText = "Invalid credentials (error AUTH-401) — expense portal, 08:12";
  const attachment: AttachmentRecord = {
    id: String(FIRST_ID),
    issueId: issues[0]?.id ?? "",
    filename: "error-message.txt",
    mimeType: "text/plain",
    size: Buffer.byteLength(screenshotText),
    authorKey: "jane",
    created: now - 1 * DAY,
    content: Buffer.from(screenshotText),
  };
  attachments.set(attachment.id, attachment);
  issues[0]?.attachmentIds.push(attachment.id);

  const byKey = new Map(issues.map((issue) => [issue.key, issue.id]));
  const history = new Map(
    Object.entries(SEED_HISTORY).map(([user, keys]) => [
      user,
      keys.map((key) => byKey.get(key) ?? ""),
    ])
  );

  return {
    issues,
    attachments,
    history,
    sequences: {
      issue: FIRST_ID + issues.length,
      comment: commentId,
      attachment: FIRST_ID + attachments.size,
      remoteLink: FIRST_ID,
    },
    issueCounters,
  };
}
