/**
 * The records the simulator keeps: static definitions (the "Jira configuration": projects, issue
 * types, fields, screens) and the mutable issue data. REST beans are built from these in rest/;
 * nothing here knows about URLs or JSON shapes on the wire.
 */

/** Jira's status categories (ids and keys as Jira ships them: 2 new, 4 indeterminate, 3 done). */
export interface StatusCategoryDef {
  id: number;
  key: "new" | "indeterminate" | "done";
  name: string;
  colorName: string;
}

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryDef;
  /** Path below the base URL. */
  iconPath: string;
}

export interface PriorityDef {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  iconPath: string;
  /** Jira's priority sequence: 1 is the most important (ORDER BY priority DESC puts it first). */
  sequence: number;
}

export interface ResolutionDef {
  id: string;
  name: string;
  description: string;
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  avatarId: number;
}

/** A custom field option; cascading selects have children. */
export interface OptionDef {
  id: string;
  value: string;
  children?: OptionDef[];
}

/** Jira's field schema (`JsonTypeBean`): `type`, `items` for arrays, `system` or `custom` + `customId`. */
export interface FieldSchemaDef {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  schema: FieldSchemaDef;
  /** Edit operations createmeta reports (Jira: `["set"]`, `["add","set","remove"]` …). */
  operations: string[];
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  /** Options of select, multi-select and cascading-select custom fields. */
  options?: OptionDef[];
}

export interface ComponentDef {
  id: string;
  name: string;
  description: string;
}

export interface VersionDef {
  id: string;
  name: string;
  released: boolean;
  archived: boolean;
}

/** A project role (global definition; who is in it is per project). */
export interface RoleDef {
  id: number;
  name: string;
  description: string;
}

/** Who is in a role in one project: user keys and group names. */
export interface RoleActors {
  users: string[];
  groups: string[];
}

/** One field on a create screen. `defaultValue` is stored form (see {@link IssueRecord.values}). */
export interface ScreenFieldDef {
  fieldId: string;
  required: boolean;
  defaultValue?: unknown;
}

/** An issue type as configured in one project: its create screen (beside project and issuetype). */
export interface ProjectIssueTypeDef {
  issueTypeId: string;
  screen: ScreenFieldDef[];
}

export interface ProjectDef {
  id: string;
  key: string;
  name: string;
  description: string;
  leadKey: string;
  projectTypeKey: "business" | "software" | "service_desk";
  avatarId: number;
  /** Groups with the Browse Projects permission (the simulator's whole permission scheme). */
  browseGroups: string[];
  assigneeType: "PROJECT_LEAD" | "UNASSIGNED";
  issueTypes: ProjectIssueTypeDef[];
  components: ComponentDef[];
  versions: VersionDef[];
  /** Role name → actors. Assignable users are the "Developers" role. */
  roles: Record<string, RoleActors>;
}

export interface CommentVisibility {
  type: "group" | "role";
  value: string;
}

export interface CommentRecord {
  id: string;
  authorKey: string;
  body: string;
  created: number;
  updated: number;
  visibility?: CommentVisibility;
  /** Comment properties: key → JSON value (stored with the comment or by `PUT comment/{id}/properties/{key}`). */
  properties: Map<string, unknown>;
}

export interface AttachmentRecord {
  id: string;
  issueId: string;
  filename: string;
  mimeType: string;
  size: number;
  authorKey: string;
  created: number;
  content: Buffer;
}

export interface RemoteLinkRecord {
  id: number;
  globalId?: string;
  application?: { type?: string; name?: string };
  relationship?: string;
  object: {
    url: string;
    title: string;
    summary?: string;
    icon?: { url16x16?: string; title?: string; link?: string };
    status?: { resolved?: boolean; icon?: { url16x16?: string; title?: string; link?: string } };
  };
}

/**
 * One issue. Editable fields live in `values`, keyed by field id, in a stored form that depends
 * on the field's schema: strings and dates as strings, numbers as numbers, users as user keys,
 * priority / option as ids, arrays of labels or ids, cascading selects as `{ parentId, childId? }`.
 * Absent or null: no value.
 */
export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  reporterKey: string;
  creatorKey: string;
  created: number;
  updated: number;
  values: Record<string, unknown>;
  comments: CommentRecord[];
  attachmentIds: string[];
  /** Issue properties: key → JSON value. */
  properties: Map<string, unknown>;
  remoteLinks: RemoteLinkRecord[];
}

/** Stored value of a cascading select. */
export interface CascadingValue {
  parentId: string;
  childId?: string;
}

/** Everything {@link JiraData.reset} puts back: the mutable part of the simulator's Jira. */
export interface JiraState {
  issues: IssueRecord[];
  attachments: Map<string, AttachmentRecord>;
  /** User key → ids of issues they viewed, most recent first (Jira's issue history). */
  history: Map<string, string[]>;
  /** Next ids to hand out (Jira's sequences). */
  sequences: { issue: number; comment: number; attachment: number; remoteLink: number };
  /** Project id → highest issue number used (next key is this + 1). */
  issueCounters: Map<string, number>;
}
