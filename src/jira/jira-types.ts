/**
 * The Jira REST API v2 shapes the add-in uses, from Atlassian's Data Center 10.3 OpenAPI document
 * (../shared/jira-openapi/): only the fields read or sent, optional wherever Jira may leave them
 * out (hidden email addresses, fields a screen doesn't show, older versions).
 */

/** `GET /rest/api/2/serverInfo` (ServerInfoBean). */
export interface ServerInfo {
  baseUrl: string;
  /** e.g. "9.12.2". */
  version: string;
  /** e.g. [9, 12, 2]: decides which createmeta form exists. */
  versionNumbers: number[];
  deploymentType?: string;
  buildNumber?: number;
  serverTitle?: string;
  serverTime?: string;
}

/** A user (UserBean). `name` is the username; `key` the stable user key. */
export interface JiraUser {
  self?: string;
  key?: string;
  name: string;
  displayName: string;
  /** Absent when Jira hides email addresses. */
  emailAddress?: string;
  active?: boolean;
  timeZone?: string;
  avatarUrls?: Record<string, string>;
}

/** A project (ProjectBean). */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
  self?: string;
  projectTypeKey?: string;
  archived?: boolean;
  avatarUrls?: Record<string, string>;
  /** With `project/{key}`: the issue types of the project. */
  issueTypes?: JiraIssueType[];
}

/** An issue type (IssueTypeJsonBean / CreateMetaIssueTypeBean). */
export interface JiraIssueType {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  subtask?: boolean;
  self?: string;
}

/** A field's type (JsonTypeBean): `type` e.g. "string", "option", "array"; `custom` the plugin key of a custom field. */
export interface JiraFieldSchema {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

/** `GET /rest/api/2/field` (FieldBean). */
export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  schema?: JiraFieldSchema;
  clauseNames?: string[];
  navigable?: boolean;
  searchable?: boolean;
  orderable?: boolean;
}

/** `GET /rest/api/2/priority` (PriorityJsonBean). */
export interface JiraPriority {
  id: string;
  name: string;
  self?: string;
  iconUrl?: string;
  statusColor?: string;
  description?: string;
}

/** One issue type of createmeta, without its fields. */
export type CreateMetaIssueType = JiraIssueType;

/** A value a field allows (options, priorities, components, versions…): which of these are present depends on the field. */
export interface AllowedValue {
  id?: string;
  name?: string;
  value?: string;
  key?: string;
  self?: string;
  disabled?: boolean;
  [other: string]: unknown;
}

/** One field of createmeta (FieldMetaBean), with `fieldId` also for Jira < 8.4 (where it was the map key). */
export interface CreateMetaField {
  fieldId: string;
  name: string;
  required: boolean;
  schema?: JiraFieldSchema;
  allowedValues?: AllowedValue[];
  autoCompleteUrl?: string;
  hasDefaultValue?: boolean;
  defaultValue?: unknown;
  operations?: string[];
}

/** The `fields` of a new issue: `{ project: { key }, issuetype: { id }, summary, description, … }`. */
export type IssueFields = Record<string, unknown>;

/**
 * What `POST /rest/api/2/issue` sends beside `fields` (IssueUpdateBean). `properties` are stored on
 * the new issue by the same request (EntityPropertyBean: key ≤ 255 characters, value any JSON
 * ≤ 32 KB), so they exist the moment the issue does.
 */
export interface IssueCreateExtras {
  properties?: EntityProperty[];
}

/** `POST /rest/api/2/issue` → 201 (IssueCreateResponse). */
export interface CreatedIssue {
  id: string;
  key: string;
  self: string;
}

/** An issue (IssueBean) with the requested fields. */
export interface JiraIssue {
  id: string;
  key: string;
  self?: string;
  fields: Record<string, unknown>;
}

/** Who may see a comment (VisibilityJsonBean). */
export interface CommentVisibility {
  type: "group" | "role";
  value: string;
}

/** A new comment: wiki markup (API v2), optionally restricted. */
export interface NewComment {
  body: string;
  visibility?: CommentVisibility;
  /**
   * Comment properties stored with the comment by the same POST (CommentJsonBean `properties`,
   * EntityPropertyBean: key ≤ 255 characters, value any JSON ≤ 32 KB), so they exist the moment
   * the comment does.
   */
  properties?: EntityProperty[];
}

/** A comment (CommentJsonBean). */
export interface JiraComment {
  id: string;
  self?: string;
  body: string;
  author?: JiraUser;
  updateAuthor?: JiraUser;
  created?: string;
  updated?: string;
  visibility?: CommentVisibility;
  /** Only when read with `expandProperties` (`expand=properties`); absent on Jiras without comment properties. */
  properties?: EntityProperty[];
}

/** What {@link JiraClient.getComments} asks for. */
export interface CommentListOptions {
  /** `orderBy=-created`: the newest comment first. Default: oldest first (Jira's order). */
  newestFirst?: boolean;
  /** `expand=properties`: each comment with its properties. */
  expandProperties?: boolean;
  /** Only the first page, of this many comments. Default: every comment, all pages. */
  maxResults?: number;
}

/** A project role (`GET project/{key}/role` lists them as name → URL; the id is the URL's last segment). */
export interface ProjectRole {
  id: string;
  name: string;
}

/** An attachment (AttachmentJsonBean). */
export interface JiraAttachment {
  id: string;
  self?: string;
  filename: string;
  size: number;
  mimeType?: string;
  content?: string;
  thumbnail?: string;
  created?: string;
  author?: JiraUser;
}

/** `GET /rest/api/2/attachment/meta` (AttachmentMetaBean). */
export interface AttachmentMeta {
  enabled: boolean;
  /** Bytes; uploads above it answer 413 (or 404 on some versions). */
  uploadLimit: number;
}

/** What {@link JiraClient.search} asks for. */
export interface SearchRequest {
  jql: string;
  startAt?: number;
  maxResults?: number;
  /** Field ids to return, e.g. ["summary", "status"]; Jira's default is `*navigable`. */
  fields?: string[];
  /**
   * "warn": values that don't exist (an issue key nobody has) become `warningMessages` instead of
   * a 400. Sent as `validateQuery=warn` on GET (Jira Server/DC reads any word but "true" as false,
   * Cloud knows "warn") and as `false` in a POST body (a JSON boolean there). Default: Jira's,
   * strict.
   */
  validateQuery?: "warn";
}

/** `GET|POST /rest/api/2/search` (SearchResultsBean). */
export interface SearchResult {
  startAt: number;
  maxResults: number;
  total: number;
  issues: JiraIssue[];
  warningMessages?: string[];
}

/** What {@link JiraClient.issuePicker} asks for. */
export interface IssuePickerRequest {
  /** The text typed so far (matches keys and summaries). */
  query: string;
  /** Restricts the "current search" section, e.g. `project = SUP`. */
  currentJQL?: string;
  showSubTasks?: boolean;
  showSubTaskParent?: boolean;
  currentProjectId?: string;
}

/** One suggestion of the issue picker (IssuePickerIssue). */
export interface IssuePickerSuggestion {
  key: string;
  /** Summary with the matched text in `<b>` tags. */
  summary?: string;
  /** Summary as plain text. */
  summaryText?: string;
  keyHtml?: string;
  img?: string;
}

/** `GET /rest/api/2/issue/picker` (IssuePickerResult): "History Search", "Current Search" sections. */
export interface IssuePickerResult {
  sections: Array<{
    id: string;
    label: string;
    sub?: string;
    msg?: string;
    issues: IssuePickerSuggestion[];
  }>;
}

/** An issue property (EntityPropertyBean): any JSON value, ≤ 32 KB. */
export interface EntityProperty<T = unknown> {
  key: string;
  value: T;
}

/** The object a remote link points at (RemoteObject). */
export interface RemoteObject {
  url: string;
  title: string;
  summary?: string;
  icon?: { url16x16?: string; title?: string; link?: string };
  status?: { resolved?: boolean; icon?: { url16x16?: string; title?: string; link?: string } };
}

/** `POST /rest/api/2/issue/{key}/remotelink` body (RemoteIssueLinkCreateOrUpdateRequest). */
export interface RemoteLinkInput {
  /** Makes the call an upsert: a second POST with the same globalId updates the link. */
  globalId?: string;
  application?: { type?: string; name?: string };
  relationship?: string;
  object: RemoteObject;
}

/** A remote issue link as Jira returns it. */
export interface RemoteLink extends RemoteLinkInput {
  id: number;
  self?: string;
}

/** What creating or updating a remote link returns. */
export interface RemoteLinkResult {
  id: number;
  self: string;
}
