/**
 * Issue, comment and attachment beans (OpenAPI `IssueBean`, `CommentJsonBean`,
 * `AttachmentJsonBean`), with Jira's `?fields=` selection: `*all`, `*navigable`, field ids, and
 * `-field` exclusions (GET issue defaults to `*all`, search to `*navigable`).
 */
import { CATALOG } from "../data/catalog";
import type { JiraData } from "../data/jira-data";
import { formatJiraDateTime } from "../data/jira-time";
import { findUserByKey } from "../data/permissions";
import type {
  AttachmentRecord,
  CascadingValue,
  CommentRecord,
  FieldDef,
  IssueRecord,
  ProjectDef,
} from "../data/types";
import type { SimulatorSettings, SimulatorUser } from "../simulator-contract";
import {
  componentBean,
  issueTypeBean,
  optionBean,
  priorityBean,
  projectSummaryBean,
  resolutionBean,
  statusBean,
  versionBean,
} from "./catalog-beans";
import { apiUrl, baseUrl } from "./rest-context";
import { userBean } from "./user-beans";

/** Who is asking and how to reach the data: what every issue bean needs. */
export interface BeanContext {
  data: JiraData;
  settings: SimulatorSettings;
  user: SimulatorUser | undefined;
}

function userOrNull(settings: SimulatorSettings, key: unknown) {
  const user = typeof key === "string" ? findUserByKey(key) : undefined;
  return user ? userBean(settings, user) : null;
}

/**
 * A comment (CommentJsonBean). Its `properties` (EntityPropertyBean `{key, value}`) only with
 * `expand=properties`, as Jira does.
 */
export function commentBean(
  settings: SimulatorSettings,
  issue: IssueRecord,
  comment: CommentRecord,
  options: { withProperties?: boolean } = {}
) {
  const author = userOrNull(settings, comment.authorKey);
  return {
    self: apiUrl(settings, `issue/${issue.id}/comment/${comment.id}`),
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: formatJiraDateTime(comment.created),
    updated: formatJiraDateTime(comment.updated),
    ...(comment.visibility ? { visibility: { ...comment.visibility } } : {}),
    ...(options.withProperties
      ? { properties: [...comment.properties].map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

/** Where an attachment's bytes are served (outside /rest, like Jira). */
export function attachmentContentUrl(
  settings: SimulatorSettings,
  attachment: AttachmentRecord
): string {
  return `${baseUrl(settings)}/secure/attachment/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
}

export function attachmentBean(settings: SimulatorSettings, attachment: AttachmentRecord) {
  return {
    self: apiUrl(settings, `attachment/${attachment.id}`),
    id: attachment.id,
    filename: attachment.filename,
    author: userOrNull(settings, attachment.authorKey),
    created: formatJiraDateTime(attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    content: attachmentContentUrl(settings, attachment),
  };
}

/** The JSON value of one field of an editable kind (stored form → Jira's REST form). */
function editableValue(
  settings: SimulatorSettings,
  field: FieldDef,
  project: ProjectDef,
  stored: unknown
): unknown {
  const { type, items } = field.schema;
  const options = field.options ?? [];
  switch (type) {
    case "user":
      return userOrNull(settings, stored);
    case "priority": {
      const priority = typeof stored === "string" ? CATALOG.priority(stored) : undefined;
      return priority ? priorityBean(settings, priority) : null;
    }
    case "option": {
      const option = options.find((candidate) => candidate.id === stored);
      return option ? optionBean(settings, option) : null;
    }
    case "option-with-child": {
      const value = stored as CascadingValue | null | undefined;
      const parent = value
        ? options.find((candidate) => candidate.id === value.parentId)
        : undefined;
      if (!parent || !value) return null;
      const child = parent.children?.find((candidate) => candidate.id === value.childId);
      return {
        ...optionBean(settings, parent),
        ...(child ? { child: optionBean(settings, child) } : {}),
      };
    }
    case "array": {
      const ids = Array.isArray(stored) ? (stored as string[]) : [];
      switch (items) {
        case "component":
          return project.components
            .filter((c) => ids.includes(c.id))
            .map((c) => componentBean(settings, c));
        case "version":
          return project.versions
            .filter((v) => ids.includes(v.id))
            .map((v) => versionBean(settings, project, v));
        case "option": {
          const chosen = options.filter((option) => ids.includes(option.id));
          // Jira answers null, not [], for an empty multi-select custom field.
          return chosen.length > 0 ? chosen.map((option) => optionBean(settings, option)) : null;
        }
        default:
          return [...ids];
      }
    }
    default:
      return stored ?? null;
  }
}

/** Fields an issue has: every system field, and the custom fields of its create screen or with a value. */
function issueFields(issue: IssueRecord): FieldDef[] {
  const project = CATALOG.projectById(issue.projectId);
  const screen =
    project.issueTypes.find((entry) => entry.issueTypeId === issue.issueTypeId)?.screen ?? [];
  return CATALOG.fields.filter(
    (field) =>
      field.id !== "issuekey" &&
      (!field.custom ||
        screen.some((entry) => entry.fieldId === field.id) ||
        issue.values[field.id] != null)
  );
}

/**
 * Applies Jira's `fields` parameter: `undefined` → the default (`*all` or `*navigable`);
 * tokens `*all`, `*navigable`, `id`, `-id`. Only exclusions → default minus those.
 */
export function selectFields(
  available: FieldDef[],
  requested: string[] | undefined,
  defaultSet: "*all" | "*navigable"
): Set<string> {
  const tokens = requested && requested.length > 0 ? requested : [defaultSet];
  const positives = tokens.filter((token) => !token.startsWith("-"));
  const selected = new Set<string>();
  const add = (token: string) => {
    if (token === "*all") available.forEach((field) => selected.add(field.id));
    else if (token === "*navigable")
      available.filter((f) => f.navigable).forEach((field) => selected.add(field.id));
    else selected.add(token);
  };
  (positives.length > 0 ? positives : [defaultSet]).forEach(add);
  tokens
    .filter((token) => token.startsWith("-"))
    .forEach((token) => selected.delete(token.slice(1)));
  return selected;
}

/** The issue as `GET issue/{key}` and search return it, with the fields `requested` (see {@link selectFields}). */
export function issueBean(
  ctx: BeanContext,
  issue: IssueRecord,
  requested: string[] | undefined,
  defaultSet: "*all" | "*navigable"
) {
  const { settings } = ctx;
  const project = CATALOG.projectById(issue.projectId);
  const available = issueFields(issue);
  const selected = selectFields(available, requested, defaultSet);
  const fields: Record<string, unknown> = {};
  for (const field of available) {
    if (!selected.has(field.id)) continue;
    fields[field.id] = systemValue(ctx, field, issue, project);
  }
  return {
    expand: "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
    id: issue.id,
    self: apiUrl(settings, `issue/${issue.id}`),
    key: issue.key,
    fields,
  };
}

/** The value of any field of `issue` for `ctx.user`. */
function systemValue(
  ctx: BeanContext,
  field: FieldDef,
  issue: IssueRecord,
  project: ProjectDef
): unknown {
  const { settings, data, user } = ctx;
  switch (field.id) {
    case "project":
      return projectSummaryBean(settings, project);
    case "issuetype": {
      const type = CATALOG.issueType(issue.issueTypeId);
      return type ? issueTypeBean(settings, type) : null;
    }
    case "status":
      return statusBean(settings, CATALOG.status(issue.statusId));
    case "resolution": {
      const resolution = issue.resolutionId ? CATALOG.resolution(issue.resolutionId) : undefined;
      return resolution ? resolutionBean(settings, resolution) : null;
    }
    case "reporter":
      return userOrNull(settings, issue.reporterKey);
    case "creator":
      return userOrNull(settings, issue.creatorKey);
    case "created":
      return formatJiraDateTime(issue.created);
    case "updated":
      return formatJiraDateTime(issue.updated);
    case "resolutiondate":
      return issue.resolutionDate === null ? null : formatJiraDateTime(issue.resolutionDate);
    case "comment": {
      const comments = data.visibleComments(user, issue);
      return {
        comments: comments.map((comment) => commentBean(settings, issue, comment)),
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    case "attachment":
      return data.attachmentsOf(issue).map((attachment) => attachmentBean(settings, attachment));
    default:
      return editableValue(settings, field, project, issue.values[field.id]);
  }
}
