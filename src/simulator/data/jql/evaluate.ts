/**
 * Turns a parsed {@link JqlQuery} into a filter and a sort over issue records, for one user.
 *
 * Supported clauses (anything else is a 400 with Jira's wording or an explicit "not supported"):
 * key / issuekey / id, project, summary / description / environment / comment / text (`~`, `!~`),
 * reporter / assignee / creator (incl. currentUser(), EMPTY), created / updated / resolved /
 * duedate (periods, dates, now(), startOfDay(), endOfDay()), resolution (incl. Unresolved, EMPTY),
 * status, statusCategory, issuetype / type, priority, labels. ORDER BY created, updated,
 * resolved, duedate, key, priority, summary, status, issuetype, project.
 *
 * Jira semantics kept: `!=` and `NOT IN` never match an empty field; values that do not exist
 * (or that the user cannot see, such as a hidden project or issue key) are errors unless
 * `validateQuery=false`, which turns them into warnings.
 */
import type { SimulatorUser } from "../../simulator-contract";
import { CATALOG } from "../catalog";
import { canBrowse, findUserByName } from "../permissions";
import { isReadableTextQuery, matchesText } from "../text-match";
import type { IssueRecord } from "../types";
import { resolveDateFunction, resolveDateValue } from "./jql-dates";
import { JqlError } from "./jql-error";
import type { JqlClause, JqlNode, JqlOperand, JqlOperator, JqlQuery, JqlSortKey } from "./parser";

/** What evaluation needs to know about the world. */
export interface JqlContext {
  user: SimulatorUser | undefined;
  now: number;
  /** All issues (visibility is applied through {@link canSee}). */
  issues: readonly IssueRecord[];
  canSee(issue: IssueRecord): boolean;
  /** Comment bodies of `issue` that the user may read (comments are searchable, within visibility). */
  visibleCommentBodies(issue: IssueRecord): string[];
  /** Jira's validateQuery: false turns "value does not exist" errors into warnings. */
  validateQuery: boolean;
}

export interface CompiledJql {
  matches(issue: IssueRecord): boolean;
  compare(a: IssueRecord, b: IssueRecord): number;
  warnings: string[];
}

type Predicate = (issue: IssueRecord) => boolean;

/** A value set: stored ids a value stands for, and whether it also stands for "no value". */
interface Resolved {
  ids: string[];
  matchesEmpty: boolean;
}

/** A field compared by identity (ids, keys, names): the common case of JQL. */
interface IdentityField {
  kind: "identity";
  operators: readonly JqlOperator[];
  values(issue: IssueRecord, ctx: JqlContext): string[];
  /** Resolves a written value; undefined when it does not exist. */
  resolve(value: string, ctx: JqlContext, field: string): Resolved | undefined;
  /** Resolves a function operand (e.g. currentUser()); undefined when the function is not valid here. */
  resolveFunction?(name: string, ctx: JqlContext): Resolved | undefined;
  /** Message for a value that does not exist; default: Jira's "The value 'x' does not exist for the field 'f'." */
  missing?(value: string, field: string): string;
  caseInsensitive?: boolean;
}

interface TextField {
  kind: "text";
  texts(issue: IssueRecord, ctx: JqlContext): string[];
}

interface DateField {
  kind: "date";
  value(issue: IssueRecord): number | null;
}

type FieldHandler = IdentityField | TextField | DateField;

const EQUALITY: readonly JqlOperator[] = ["=", "!=", "in", "not in"];
const WITH_EMPTY: readonly JqlOperator[] = [...EQUALITY, "is", "is not"];

const one = (id: string | undefined): Resolved | undefined =>
  id === undefined ? undefined : { ids: [id], matchesEmpty: false };

const byNameOrId =
  <T extends { id: string | number; name: string }>(list: readonly T[]) =>
  (value: string): Resolved | undefined =>
    one(
      list
        .find(
          (item) => String(item.id) === value || item.name.toLowerCase() === value.toLowerCase()
        )
        ?.id.toString()
    );

const userField = (read: (issue: IssueRecord) => string | null): IdentityField => ({
  kind: "identity",
  operators: WITH_EMPTY,
  values: (issue) => {
    const key = read(issue);
    return key ? [key] : [];
  },
  resolve: (value) => one(findUserByName(value)?.key),
  resolveFunction: (name, ctx) =>
    name.toLowerCase() === "currentuser"
      ? { ids: ctx.user ? [ctx.user.key] : [], matchesEmpty: false }
      : undefined,
});

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;

const KEY_FIELD: IdentityField = {
  kind: "identity",
  operators: EQUALITY,
  values: (issue) => [issue.id],
  resolve: (value, ctx, field) => {
    if (!ISSUE_KEY.test(value) && !/^\d+$/.test(value)) {
      throw new JqlError(`The issue key '${value}' for field '${field}' is invalid.`);
    }
    const issue = ctx.issues.find(
      (candidate) => candidate.id === value || candidate.key.toUpperCase() === value.toUpperCase()
    );
    return issue && ctx.canSee(issue) ? one(issue.id) : undefined;
  },
  missing: (value, field) => `An issue with key '${value}' does not exist for field '${field}'.`,
};

const TEXT_FIELD_IDS = CATALOG.fields
  .filter((field) => field.custom && field.schema.type === "string")
  .map((field) => field.id);

const stringValue = (issue: IssueRecord, fieldId: string): string[] => {
  const value = issue.values[fieldId];
  return typeof value === "string" ? [value] : [];
};

const FIELDS: Record<string, FieldHandler> = {
  key: KEY_FIELD,
  project: {
    kind: "identity",
    operators: EQUALITY,
    values: (issue) => [issue.projectId],
    resolve: (value, ctx) => {
      const project =
        CATALOG.project(value) ??
        CATALOG.projects.find((p) => p.name.toLowerCase() === value.toLowerCase());
      // A project the user cannot browse "does not exist" for them, as in Jira.
      return project && canBrowse(ctx.user, project) ? one(project.id) : undefined;
    },
  },
  summary: { kind: "text", texts: (issue) => stringValue(issue, "summary") },
  description: { kind: "text", texts: (issue) => stringValue(issue, "description") },
  environment: { kind: "text", texts: (issue) => stringValue(issue, "environment") },
  comment: { kind: "text", texts: (issue, ctx) => ctx.visibleCommentBodies(issue) },
  text: {
    kind: "text",
    texts: (issue, ctx) => [
      ...["summary", "description", "environment", ...TEXT_FIELD_IDS].flatMap((id) =>
        stringValue(issue, id)
      ),
      ...ctx.visibleCommentBodies(issue),
    ],
  },
  reporter: userField((issue) => issue.reporterKey),
  creator: userField((issue) => issue.creatorKey),
  assignee: userField((issue) => (issue.values.assignee as string | null | undefined) ?? null),
  created: { kind: "date", value: (issue) => issue.created },
  updated: { kind: "date", value: (issue) => issue.updated },
  resolutiondate: { kind: "date", value: (issue) => issue.resolutionDate },
  duedate: {
    kind: "date",
    value: (issue) =>
      typeof issue.values.duedate === "string"
        ? Date.parse(`${issue.values.duedate}T00:00:00Z`)
        : null,
  },
  resolution: {
    kind: "identity",
    operators: WITH_EMPTY,
    values: (issue) => (issue.resolutionId ? [issue.resolutionId] : []),
    // "Unresolved" is Jira's name for "no resolution" in JQL.
    resolve: (value) =>
      value.toLowerCase() === "unresolved"
        ? { ids: [], matchesEmpty: true }
        : byNameOrId(CATALOG.resolutions)(value),
  },
  status: {
    kind: "identity",
    operators: EQUALITY,
    values: (issue) => [issue.statusId],
    resolve: byNameOrId(CATALOG.statuses),
  },
  statuscategory: {
    kind: "identity",
    operators: EQUALITY,
    values: (issue) => [String(CATALOG.status(issue.statusId).category.id)],
    resolve: (value) =>
      one(
        CATALOG.statusCategories
          .find(
            (category) =>
              String(category.id) === value ||
              category.key === value.toLowerCase() ||
              category.name.toLowerCase() === value.toLowerCase()
          )
          ?.id.toString()
      ),
  },
  issuetype: {
    kind: "identity",
    operators: EQUALITY,
    values: (issue) => [issue.issueTypeId],
    resolve: byNameOrId(CATALOG.issueTypes),
  },
  priority: {
    kind: "identity",
    operators: WITH_EMPTY,
    values: (issue) => (typeof issue.values.priority === "string" ? [issue.values.priority] : []),
    resolve: byNameOrId(CATALOG.priorities),
  },
  labels: {
    kind: "identity",
    operators: WITH_EMPTY,
    caseInsensitive: true,
    values: (issue) =>
      Array.isArray(issue.values.labels) ? (issue.values.labels as string[]) : [],
    // Any label may be searched for; one nobody uses simply matches nothing.
    resolve: (value) => ({ ids: [value], matchesEmpty: false }),
  },
};

/** JQL clause names → handler names (Jira's aliases). */
const ALIASES: Record<string, string> = {
  issuekey: "key",
  id: "key",
  issue: "key",
  createddate: "created",
  updateddate: "updated",
  resolved: "resolutiondate",
  due: "duedate",
  category: "statuscategory",
  type: "issuetype",
};

function handlerFor(field: string): FieldHandler {
  const name = field.toLowerCase();
  const handler = FIELDS[ALIASES[name] ?? name];
  if (handler) {
    return handler;
  }
  const custom = CATALOG.fields.find(
    (candidate) =>
      candidate.custom && candidate.clauseNames.some((clause) => clause.toLowerCase() === name)
  );
  if (custom) {
    throw JqlError.syntax(`the Jira simulator does not search custom fields ('${field}').`);
  }
  throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
}

const operatorText = (operator: JqlOperator) => operator.toUpperCase();

function unsupportedOperator(clause: JqlClause): JqlError {
  return new JqlError(
    `The operator '${operatorText(clause.operator)}' is not supported by the '${clause.field}' field.`
  );
}

/** IS and IS NOT take only EMPTY (or NULL). */
function emptyOnly(clause: JqlClause): JqlError {
  return new JqlError(
    `The operator '${operatorText(clause.operator)}' only supports empty or null values for field '${clause.field}'.`
  );
}

function compileClause(clause: JqlClause, ctx: JqlContext, warnings: string[]): Predicate {
  const handler = handlerFor(clause.field);
  switch (handler.kind) {
    case "identity":
      return compileIdentity(handler, clause, ctx, warnings);
    case "text":
      return compileText(handler, clause, ctx);
    case "date":
      return compileDate(handler, clause, ctx);
  }
}

function describeOperand(operand: JqlOperand): string {
  switch (operand.kind) {
    case "value":
      return operand.value;
    case "function":
      return `${operand.name}(${operand.args.join(", ")})`;
    case "empty":
      return "EMPTY";
    case "list":
      return `(${operand.items.map(describeOperand).join(", ")})`;
  }
}

function compileIdentity(
  handler: IdentityField,
  clause: JqlClause,
  ctx: JqlContext,
  warnings: string[]
): Predicate {
  const { operator, operand, field } = clause;
  if (!handler.operators.includes(operator)) {
    throw unsupportedOperator(clause);
  }
  const isList = operand.kind === "list";
  if ((operator === "in" || operator === "not in") && !isList) {
    throw new JqlError(
      `The operator '${operatorText(operator)}' does not support the non-list value '${describeOperand(operand)}' for field '${field}'.`
    );
  }
  if (operator !== "in" && operator !== "not in" && isList) {
    throw new JqlError(
      `The operator '${operatorText(operator)}' does not support the list value '${describeOperand(operand)}' for field '${field}'.`
    );
  }
  if ((operator === "is" || operator === "is not") && operand.kind !== "empty") {
    throw emptyOnly(clause);
  }

  const resolveOne = (item: JqlOperand): Resolved => {
    switch (item.kind) {
      case "empty":
        return { ids: [], matchesEmpty: true };
      case "function": {
        const resolved = handler.resolveFunction?.(item.name, ctx);
        if (!resolved) {
          throw new JqlError(
            `Unable to find JQL function '${item.name}(${item.args.join(", ")})'.`
          );
        }
        return resolved;
      }
      case "list":
        throw JqlError.syntax("Lists cannot be nested.", item.position);
      case "value": {
        const resolved = handler.resolve(item.value, ctx, field);
        if (resolved) {
          return resolved;
        }
        const message =
          handler.missing?.(item.value, field) ??
          `The value '${item.value}' does not exist for the field '${field}'.`;
        if (ctx.validateQuery) {
          throw new JqlError(message);
        }
        warnings.push(message);
        return { ids: [], matchesEmpty: false };
      }
    }
  };
  const resolved = (operand.kind === "list" ? operand.items : [operand]).map(resolveOne);
  const normalise = (id: string) => (handler.caseInsensitive ? id.toLowerCase() : id);
  const ids = new Set(resolved.flatMap((entry) => entry.ids).map(normalise));
  const matchesEmpty = resolved.some((entry) => entry.matchesEmpty);
  const hit = (issue: IssueRecord) => {
    const values = handler.values(issue, ctx).map(normalise);
    return values.length === 0 ? matchesEmpty : values.some((value) => ids.has(value));
  };
  switch (operator) {
    case "=":
    case "in":
    case "is":
      return hit;
    default:
      // !=, NOT IN, IS NOT: Jira never matches an empty field with a negative operator, except IS NOT EMPTY.
      return (issue) => handler.values(issue, ctx).length > 0 && !hit(issue);
  }
}

function compileText(handler: TextField, clause: JqlClause, ctx: JqlContext): Predicate {
  const { operator, operand, field } = clause;
  if (operator === "is" || operator === "is not") {
    if (operand.kind !== "empty") {
      throw emptyOnly(clause);
    }
    const empty = (issue: IssueRecord) =>
      handler.texts(issue, ctx).every((text) => text.trim() === "");
    return operator === "is" ? empty : (issue) => !empty(issue);
  }
  if (operator !== "~" && operator !== "!~") {
    throw unsupportedOperator(clause);
  }
  if (operand.kind !== "value") {
    throw new JqlError(
      `The operator '${operator}' does not support the value '${describeOperand(operand)}' for field '${field}'.`
    );
  }
  if (/^[*?]/.test(operand.value.trim())) {
    throw new JqlError(
      `The text query '${operand.value}' for field '${field}' is not allowed to start with a wildcard ('*' or '?').`
    );
  }
  if (operand.value.trim() === "") {
    throw new JqlError(`The field '${field}' does not support searching for an empty string.`);
  }
  if (!isReadableTextQuery(operand.value)) {
    // Worded after Jira's answer when Lucene can't parse the text (unverified on a live Jira).
    throw new JqlError(
      `The text query '${operand.value}' for field '${field}' is not valid: probably your query contains invalid characters.`
    );
  }
  const match = (issue: IssueRecord) => matchesText(operand.value, handler.texts(issue, ctx));
  return operator === "~" ? match : (issue) => !match(issue);
}

function compileDate(handler: DateField, clause: JqlClause, ctx: JqlContext): Predicate {
  const { operator, operand, field } = clause;
  if (operator === "is" || operator === "is not") {
    if (operand.kind !== "empty") {
      throw emptyOnly(clause);
    }
    return operator === "is"
      ? (issue) => handler.value(issue) === null
      : (issue) => handler.value(issue) !== null;
  }
  if (!["=", "!=", ">", ">=", "<", "<="].includes(operator)) {
    throw unsupportedOperator(clause);
  }
  let when: number;
  if (operand.kind === "value") {
    when = resolveDateValue(operand.value, field, ctx.now);
  } else if (operand.kind === "function") {
    const resolved = resolveDateFunction(operand.name, operand.args, ctx.now);
    if (resolved === undefined) {
      throw new JqlError(
        `Unable to find JQL function '${operand.name}(${operand.args.join(", ")})'.`
      );
    }
    when = resolved;
  } else {
    throw new JqlError(
      `The operator '${operator}' does not support the value '${describeOperand(operand)}' for field '${field}'.`
    );
  }
  const compare: Record<string, (value: number) => boolean> = {
    "=": (value) => value === when,
    "!=": (value) => value !== when,
    ">": (value) => value > when,
    ">=": (value) => value >= when,
    "<": (value) => value < when,
    "<=": (value) => value <= when,
  };
  const test = compare[operator] as (value: number) => boolean;
  return (issue) => {
    const value = handler.value(issue);
    return value !== null && test(value);
  };
}

function compileNode(node: JqlNode, ctx: JqlContext, warnings: string[]): Predicate {
  switch (node.kind) {
    case "clause":
      return compileClause(node, ctx, warnings);
    case "and": {
      const parts = node.children.map((child) => compileNode(child, ctx, warnings));
      return (issue) => parts.every((part) => part(issue));
    }
    case "or": {
      const parts = node.children.map((child) => compileNode(child, ctx, warnings));
      return (issue) => parts.some((part) => part(issue));
    }
    case "not": {
      const inner = compileNode(node.child, ctx, warnings);
      return (issue) => !inner(issue);
    }
  }
}

type SortValue = number | string | null;

/** Sortable fields: value and Jira's default direction (dates and priority: newest/highest first). */
const SORTS: Record<
  string,
  { value(issue: IssueRecord): SortValue; defaultDirection: "asc" | "desc" }
> = {
  created: { value: (issue) => issue.created, defaultDirection: "desc" },
  updated: { value: (issue) => issue.updated, defaultDirection: "desc" },
  resolutiondate: { value: (issue) => issue.resolutionDate, defaultDirection: "desc" },
  duedate: {
    value: (issue) => (issue.values.duedate as string | null | undefined) ?? null,
    defaultDirection: "asc",
  },
  // Issue keys sort by project key, then numerically by issue number.
  key: {
    value: (issue) => {
      const [, project, number] = ISSUE_KEY.exec(issue.key) ?? [];
      return `${project}-${(number ?? "").padStart(10, "0")}`;
    },
    defaultDirection: "asc",
  },
  // Priority sequence 1 is the most important: DESC lists it first.
  priority: {
    value: (issue) =>
      typeof issue.values.priority === "string"
        ? -(CATALOG.priority(issue.values.priority)?.sequence ?? 0)
        : null,
    defaultDirection: "desc",
  },
  summary: {
    value: (issue) => (issue.values.summary as string | undefined)?.toLowerCase() ?? null,
    defaultDirection: "asc",
  },
  status: { value: (issue) => CATALOG.status(issue.statusId).name, defaultDirection: "asc" },
  issuetype: {
    value: (issue) => CATALOG.issueType(issue.issueTypeId)?.name ?? null,
    defaultDirection: "asc",
  },
  project: { value: (issue) => CATALOG.projectById(issue.projectId).name, defaultDirection: "asc" },
};

function compileSort(keys: JqlSortKey[]): (a: IssueRecord, b: IssueRecord) => number {
  const sorts = keys.map((key) => {
    const name = key.field.toLowerCase();
    const sort = SORTS[ALIASES[name] ?? name];
    if (!sort) {
      handlerFor(key.field); // unknown (or custom) fields: Jira's "does not exist" answer
      throw new JqlError(`Field '${key.field}' does not support sorting.`);
    }
    return { sort, descending: (key.direction ?? sort.defaultDirection) === "desc" };
  });
  return (a, b) => {
    for (const { sort, descending } of sorts) {
      const left = sort.value(a);
      const right = sort.value(b);
      if (left === right) continue;
      // Empty values go last in either direction.
      if (left === null) return 1;
      if (right === null) return -1;
      const order = left < right ? -1 : 1;
      return descending ? -order : order;
    }
    // Without (or after) ORDER BY: newest issue first, so the order is always defined.
    return Number(b.id) - Number(a.id);
  };
}

/** Compiles `query` for `ctx`. Throws {@link JqlError} for unknown fields, operators and values. */
export function compileJql(query: JqlQuery, ctx: JqlContext): CompiledJql {
  const warnings: string[] = [];
  const where = query.where ? compileNode(query.where, ctx, warnings) : () => true;
  return {
    matches: (issue) => ctx.canSee(issue) && where(issue),
    compare: compileSort(query.orderBy),
    warnings,
  };
}
