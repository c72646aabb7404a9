/**
 * The simulator's Jira configuration: priorities, statuses, resolutions, issue types, fields,
 * roles and the three projects with their create screens. Static: {@link JiraData.reset} never
 * changes it, and the ids are fixed so tests and fixtures can name them.
 *
 * Ids follow a default Jira DC install where one exists (Bug 1, Task 3, Story 10001, status
 * categories 2/4/3, priorities 1–5, roles 10000–10002); the rest are in Jira's 10000+ ranges.
 */
import type {
  FieldDef,
  IssueTypeDef,
  OptionDef,
  PriorityDef,
  ProjectDef,
  ResolutionDef,
  RoleDef,
  StatusCategoryDef,
  StatusDef,
} from "./types";

/** Issue type ids, for tests and seed data. */
export const ISSUE_TYPE_IDS = {
  bug: "1",
  task: "3",
  story: "10001",
  serviceRequest: "10100",
} as const;

/** Custom field ids, for tests and seed data. */
export const CUSTOM_FIELD_IDS = {
  customerImpact: "customfield_10100",
  affectedSystems: "customfield_10101",
  customerReference: "customfield_10102",
  affectedUsers: "customfield_10103",
  incidentDate: "customfield_10104",
  escalationContact: "customfield_10105",
  site: "customfield_10106",
  storyPoints: "customfield_10107",
} as const;

const CATEGORY_NEW: StatusCategoryDef = {
  id: 2,
  key: "new",
  name: "To Do",
  colorName: "blue-gray",
};
const CATEGORY_IN_PROGRESS: StatusCategoryDef = {
  id: 4,
  key: "indeterminate",
  name: "In Progress",
  colorName: "yellow",
};
const CATEGORY_DONE: StatusCategoryDef = { id: 3, key: "done", name: "Done", colorName: "green" };

export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  CATEGORY_NEW,
  CATEGORY_IN_PROGRESS,
  CATEGORY_DONE,
];

export const STATUSES: readonly StatusDef[] = [
  {
    id: "1",
    name: "Open",
    description: "The issue is open and ready for the assignee to start work on it.",
    category: CATEGORY_NEW,
    iconPath: "/images/icons/statuses/open.png",
  },
  {
    id: "3",
    name: "In Progress",
    description: "This issue is being actively worked on at the moment by the assignee.",
    category: CATEGORY_IN_PROGRESS,
    iconPath: "/images/icons/statuses/inprogress.png",
  },
  {
    id: "10001",
    name: "Done",
    description: "Work on this issue is complete.",
    category: CATEGORY_DONE,
    iconPath: "/images/icons/statuses/closed.png",
  },
];

/** Status ids, for seed data and tests. */
export const STATUS_IDS = { open: "1", inProgress: "3", done: "10001" } as const;

export const PRIORITIES: readonly PriorityDef[] = [
  p("1", "Highest", "This problem will block progress.", "#d04437", "highest", 1),
  p("2", "High", "Serious problem that could block progress.", "#f15C75", "high", 2),
  p("3", "Medium", "Has the potential to affect progress.", "#f79232", "medium", 3),
  p("4", "Low", "Minor problem or easily worked around.", "#707070", "low", 4),
  p("5", "Lowest", "Trivial problem with little or no impact on progress.", "#999999", "lowest", 5),
];

function p(
  id: string,
  name: string,
  description: string,
  statusColor: string,
  icon: string,
  sequence: number
): PriorityDef {
  return {
    id,
    name,
    description,
    statusColor,
    iconPath: `/images/icons/priorities/${icon}.svg`,
    sequence,
  };
}

/** Jira's default priority (Medium): what a new issue gets when none is given. */
export const DEFAULT_PRIORITY_ID = "3";

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: "10000", name: "Done", description: "Work has been completed on this issue." },
  { id: "10001", name: "Won't Do", description: "This issue won't be actioned." },
  {
    id: "10002",
    name: "Duplicate",
    description: "The problem is a duplicate of an existing issue.",
  },
];

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: ISSUE_TYPE_IDS.bug,
    name: "Bug",
    description: "A problem which impairs or prevents the functions of the product.",
    avatarId: 10303,
  },
  {
    id: ISSUE_TYPE_IDS.task,
    name: "Task",
    description: "A task that needs to be done.",
    avatarId: 10318,
  },
  {
    id: ISSUE_TYPE_IDS.story,
    name: "Story",
    description: "Created by Jira Software - do not edit or delete. Issue type for a user story.",
    avatarId: 10315,
  },
  {
    id: ISSUE_TYPE_IDS.serviceRequest,
    name: "Service Request",
    description: "A request from a customer, raised from an email.",
    avatarId: 10320,
  },
];

export const ROLES: readonly RoleDef[] = [
  { id: 10000, name: "Users", description: "A project role that represents users in a project" },
  {
    id: 10001,
    name: "Developers",
    description: "A project role that represents developers in a project",
  },
  {
    id: 10002,
    name: "Administrators",
    description: "A project role that represents administrators in a project",
  },
];

const CUSTOM = "com.atlassian.jira.plugin.system.customfieldtypes:";

/** A system field. */
function system(
  id: string,
  name: string,
  schema: { type: string; items?: string },
  operations: string[],
  flags: Partial<Pick<FieldDef, "navigable" | "orderable" | "searchable">> = {},
  clauseNames: string[] = [id]
): FieldDef {
  return {
    id,
    name,
    custom: false,
    schema: { ...schema, system: id },
    operations,
    navigable: flags.navigable ?? true,
    orderable: flags.orderable ?? true,
    searchable: flags.searchable ?? true,
    clauseNames,
  };
}

/** A custom field: `customfield_<n>`, clause names `cf[<n>]` and its name, as Jira lists them. */
function custom(
  id: string,
  name: string,
  customType: string,
  schema: { type: string; items?: string },
  operations: string[],
  options?: OptionDef[]
): FieldDef {
  const customId = Number(id.slice("customfield_".length));
  return {
    id,
    name,
    custom: true,
    schema: { ...schema, custom: CUSTOM + customType, customId },
    operations,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    ...(options ? { options } : {}),
  };
}

const SET = ["set"];
const ADD_SET_REMOVE = ["add", "set", "remove"];

export const FIELDS: readonly FieldDef[] = [
  system("summary", "Summary", { type: "string" }, SET),
  system("description", "Description", { type: "string" }, SET),
  system("environment", "Environment", { type: "string" }, SET),
  system("project", "Project", { type: "project" }, SET),
  system("issuetype", "Issue Type", { type: "issuetype" }, [], {}, ["issuetype", "type"]),
  system("issuekey", "Key", { type: "string" }, [], { orderable: false }, [
    "id",
    "issue",
    "issuekey",
    "key",
  ]),
  system("reporter", "Reporter", { type: "user" }, SET),
  system("creator", "Creator", { type: "user" }, [], { orderable: false }),
  system("assignee", "Assignee", { type: "user" }, SET),
  system("priority", "Priority", { type: "priority" }, SET),
  system("labels", "Labels", { type: "array", items: "string" }, ADD_SET_REMOVE),
  system("duedate", "Due Date", { type: "date" }, SET, {}, ["due", "duedate"]),
  system("components", "Component/s", { type: "array", items: "component" }, ADD_SET_REMOVE, {}, [
    "component",
  ]),
  system("fixVersions", "Fix Version/s", { type: "array", items: "version" }, ADD_SET_REMOVE, {}, [
    "fixVersion",
  ]),
  system("versions", "Affects Version/s", { type: "array", items: "version" }, ADD_SET_REMOVE, {}, [
    "affectedVersion",
  ]),
  system("status", "Status", { type: "status" }, [], { orderable: false }),
  system("resolution", "Resolution", { type: "resolution" }, [], { orderable: false }),
  system("created", "Created", { type: "datetime" }, [], { orderable: false }, [
    "created",
    "createdDate",
  ]),
  system("updated", "Updated", { type: "datetime" }, [], { orderable: false }, [
    "updated",
    "updatedDate",
  ]),
  system("resolutiondate", "Resolved", { type: "datetime" }, [], { orderable: false }, [
    "resolutiondate",
    "resolved",
  ]),
  system("comment", "Comment", { type: "comments-page" }, [], { navigable: false }),
  system("attachment", "Attachment", { type: "array", items: "attachment" }, [], {
    orderable: false,
  }),
  custom(CUSTOM_FIELD_IDS.customerImpact, "Customer Impact", "select", { type: "option" }, SET, [
    { id: "10200", value: "Low" },
    { id: "10201", value: "Medium" },
    { id: "10202", value: "High" },
    { id: "10203", value: "Critical" },
  ]),
  custom(
    CUSTOM_FIELD_IDS.affectedSystems,
    "Affected Systems",
    "multiselect",
    { type: "array", items: "option" },
    ADD_SET_REMOVE,
    [
      { id: "10210", value: "ERP" },
      { id: "10211", value: "VPN" },
      { id: "10212", value: "Email" },
      { id: "10213", value: "Expense Portal" },
      { id: "10214", value: "Active Directory" },
    ]
  ),
  custom(
    CUSTOM_FIELD_IDS.customerReference,
    "Customer Reference",
    "textfield",
    { type: "string" },
    SET
  ),
  custom(CUSTOM_FIELD_IDS.affectedUsers, "Affected Users", "float", { type: "number" }, SET),
  custom(CUSTOM_FIELD_IDS.incidentDate, "Incident Date", "datepicker", { type: "date" }, SET),
  custom(
    CUSTOM_FIELD_IDS.escalationContact,
    "Escalation Contact",
    "userpicker",
    { type: "user" },
    SET
  ),
  // A cascading select: required on OPS Bug so the add-in has to show a field it cannot edit.
  custom(CUSTOM_FIELD_IDS.site, "Site", "cascadingselect", { type: "option-with-child" }, SET, [
    {
      id: "10220",
      value: "EMEA",
      children: [
        { id: "10221", value: "Berlin" },
        { id: "10222", value: "London" },
      ],
    },
    {
      id: "10223",
      value: "Americas",
      children: [
        { id: "10224", value: "Austin" },
        { id: "10225", value: "Toronto" },
      ],
    },
  ]),
  custom(CUSTOM_FIELD_IDS.storyPoints, "Story Points", "float", { type: "number" }, SET),
];

/** Optional fields on a screen, in order. */
function optional(...fieldIds: string[]): { fieldId: string; required: boolean }[] {
  return fieldIds.map((fieldId) => ({ fieldId, required: false }));
}

const SUMMARY = { fieldId: "summary", required: true };
// Jira marks priority "has default value" on create screens; the default is stored form (an id).
const PRIORITY = { fieldId: "priority", required: false, defaultValue: DEFAULT_PRIORITY_ID };

export const PROJECTS: readonly ProjectDef[] = [
  {
    id: "10000",
    key: "SUP",
    name: "Customer Support",
    description: "Requests and incidents reported by customers, mostly by email.",
    leadKey: "jane",
    projectTypeKey: "service_desk",
    avatarId: 10324,
    browseGroups: ["jira-users"],
    assigneeType: "UNASSIGNED",
    issueTypes: [
      {
        issueTypeId: ISSUE_TYPE_IDS.task,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional(
            "description",
            "labels",
            "duedate",
            "assignee",
            "components",
            CUSTOM_FIELD_IDS.customerReference
          ),
        ],
      },
      {
        issueTypeId: ISSUE_TYPE_IDS.bug,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional(
            "description",
            "environment",
            "labels",
            "assignee",
            "components",
            "versions",
            "fixVersions",
            CUSTOM_FIELD_IDS.affectedSystems
          ),
        ],
      },
      {
        issueTypeId: ISSUE_TYPE_IDS.serviceRequest,
        screen: [
          SUMMARY,
          { fieldId: CUSTOM_FIELD_IDS.customerImpact, required: true },
          PRIORITY,
          ...optional(
            "description",
            "labels",
            "duedate",
            "assignee",
            CUSTOM_FIELD_IDS.affectedSystems,
            CUSTOM_FIELD_IDS.customerReference,
            CUSTOM_FIELD_IDS.incidentDate,
            CUSTOM_FIELD_IDS.escalationContact
          ),
        ],
      },
    ],
    components: [
      { id: "10000", name: "Portal", description: "Self-service and expense portals" },
      { id: "10001", name: "Network", description: "VPN, Wi-Fi and office network" },
      { id: "10002", name: "Billing", description: "Invoices and payments" },
    ],
    versions: [
      { id: "10000", name: "2026.1", released: true, archived: false },
      { id: "10001", name: "2026.2", released: false, archived: false },
    ],
    roles: {
      Users: { users: [], groups: ["jira-users"] },
      Developers: { users: ["jane", "john"], groups: [] },
      Administrators: { users: ["jane"], groups: ["jira-administrators"] },
    },
  },
  {
    id: "10001",
    key: "OPS",
    name: "IT Operations",
    description: "Infrastructure, integrations and scheduled jobs.",
    leadKey: "john",
    projectTypeKey: "business",
    avatarId: 10325,
    browseGroups: ["jira-users"],
    assigneeType: "PROJECT_LEAD",
    issueTypes: [
      {
        issueTypeId: ISSUE_TYPE_IDS.task,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional("description", "labels", "duedate", "assignee", "components"),
        ],
      },
      {
        issueTypeId: ISSUE_TYPE_IDS.bug,
        screen: [
          SUMMARY,
          { fieldId: CUSTOM_FIELD_IDS.site, required: true },
          PRIORITY,
          ...optional(
            "description",
            "labels",
            "assignee",
            "components",
            "versions",
            CUSTOM_FIELD_IDS.affectedUsers,
            CUSTOM_FIELD_IDS.incidentDate
          ),
        ],
      },
    ],
    components: [
      { id: "10010", name: "Infrastructure", description: "Servers, storage, certificates" },
      { id: "10011", name: "ERP Integration", description: "Exports and imports to the ERP" },
    ],
    versions: [{ id: "10010", name: "Q1 2027", released: false, archived: false }],
    roles: {
      Users: { users: [], groups: ["jira-users"] },
      Developers: { users: ["john", "jane"], groups: [] },
      Administrators: { users: ["john"], groups: ["jira-administrators"] },
    },
  },
  {
    id: "10002",
    key: "ENG",
    name: "Engineering",
    description: "Product development. Only developers can browse it.",
    leadKey: "john",
    projectTypeKey: "software",
    avatarId: 10326,
    browseGroups: ["jira-developers"],
    assigneeType: "UNASSIGNED",
    issueTypes: [
      {
        issueTypeId: ISSUE_TYPE_IDS.task,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional("description", "labels", "assignee", "fixVersions"),
        ],
      },
      {
        issueTypeId: ISSUE_TYPE_IDS.bug,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional(
            "description",
            "environment",
            "labels",
            "assignee",
            "versions",
            "fixVersions"
          ),
        ],
      },
      {
        issueTypeId: ISSUE_TYPE_IDS.story,
        screen: [
          SUMMARY,
          PRIORITY,
          ...optional(
            "description",
            "labels",
            "assignee",
            "fixVersions",
            CUSTOM_FIELD_IDS.storyPoints
          ),
        ],
      },
    ],
    components: [
      { id: "10020", name: "Backend", description: "Services and APIs" },
      { id: "10021", name: "Frontend", description: "Web UI" },
    ],
    versions: [
      { id: "10020", name: "1.0", released: true, archived: false },
      { id: "10021", name: "1.1", released: false, archived: false },
    ],
    roles: {
      Users: { users: [], groups: ["jira-developers"] },
      Developers: { users: [], groups: ["jira-developers"] },
      Administrators: { users: ["john"], groups: ["jira-administrators"] },
    },
  },
];

/** The static configuration, with lookups. */
export interface JiraCatalog {
  projects: readonly ProjectDef[];
  issueTypes: readonly IssueTypeDef[];
  fields: readonly FieldDef[];
  priorities: readonly PriorityDef[];
  statuses: readonly StatusDef[];
  statusCategories: readonly StatusCategoryDef[];
  resolutions: readonly ResolutionDef[];
  roles: readonly RoleDef[];
  /** Project by id or key (key case-insensitive, like Jira's project lookup). */
  project(idOrKey: string): ProjectDef | undefined;
  projectById(id: string): ProjectDef;
  issueType(id: string): IssueTypeDef | undefined;
  field(id: string): FieldDef | undefined;
  priority(id: string): PriorityDef | undefined;
  status(id: string): StatusDef;
  resolution(id: string): ResolutionDef | undefined;
  role(name: string): RoleDef | undefined;
}

/** The simulator's catalog (one shared, immutable instance). */
export const CATALOG: JiraCatalog = {
  projects: PROJECTS,
  issueTypes: ISSUE_TYPES,
  fields: FIELDS,
  priorities: PRIORITIES,
  statuses: STATUSES,
  statusCategories: STATUS_CATEGORIES,
  resolutions: RESOLUTIONS,
  roles: ROLES,
  project: (idOrKey) =>
    PROJECTS.find((project) => project.id === idOrKey) ??
    PROJECTS.find((project) => project.key.toUpperCase() === idOrKey.toUpperCase()),
  projectById: (id) => {
    const project = PROJECTS.find((candidate) => candidate.id === id);
    if (!project) throw new Error(`No project with id ${id}`);
    return project;
  },
  issueType: (id) => ISSUE_TYPES.find((type) => type.id === id),
  field: (id) => FIELDS.find((field) => field.id === id),
  priority: (id) => PRIORITIES.find((priority) => priority.id === id),
  status: (id) => {
    const status = STATUSES.find((candidate) => candidate.id === id);
    if (!status) throw new Error(`No status with id ${id}`);
    return status;
  },
  resolution: (id) => RESOLUTIONS.find((resolution) => resolution.id === id),
  role: (name) => ROLES.find((role) => role.name.toLowerCase() === name.toLowerCase()),
};
