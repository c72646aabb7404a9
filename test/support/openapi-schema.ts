/**
 * Validates JSON answers against the schemas of Atlassian's OpenAPI document for Jira DC 10.3
 * (../shared/jira-openapi, or JIRA_OPENAPI_FILE), so the simulator keeps Jira's shapes.
 *
 * The document's schemas are loaded as one ajv schema and referenced as
 * `#/components/schemas/<Name>`; OpenAPI 3.0 keywords ajv does not know (`example`, `xml`) are
 * ignored (`strict: false`), and OpenAPI's own `nullable: true` is understood by ajv 8 natively.
 * Formats are not checked: Jira's timestamps (`…+0000`) are not RFC 3339 `date-time`.
 *
 * Two known gaps of the generated document are patched, each a Java `Object`/`JsonNode` that the
 * generator wrote as `{type: object}` or `string` although Jira sends any JSON there:
 * - nested untyped object slots (`IssueBean.fields.*`, `FieldMetaBean.allowedValues[]`,
 *   `FieldMetaBean.defaultValue`): a summary is a string, labels an array, an assignee null;
 * - `EntityPropertyBean.value`: Jira returns the stored JSON value itself, not a string.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";

/** Where the OpenAPI document is (beside the repository, like the Office schemas). */
export const openApiFile =
  process.env.JIRA_OPENAPI_FILE ??
  path.resolve(__dirname, "../../../shared/jira-openapi/jira-software-dc-10.3-openapi.json");

const SCHEMA_ID = "jira-dc-openapi";

type Json = Record<string, unknown>;

function isUntypedObject(node: Json): boolean {
  return (
    node.type === "object" &&
    !("properties" in node) &&
    !("additionalProperties" in node) &&
    !("$ref" in node) &&
    !("allOf" in node) &&
    !("oneOf" in node)
  );
}

/** Replaces nested `{type: "object"}` slots (Java `Object`) by `{}` (any JSON). */
function relaxUntypedSlots(node: unknown, depth: number): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => relaxUntypedSlots(item, depth + 1));
  }
  if (typeof node !== "object" || node === null) {
    return node;
  }
  const json = node as Json;
  if (depth > 1 && isUntypedObject(json)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [key, relaxUntypedSlots(value, depth + 1)])
  );
}

let cached: { ajv: Ajv; schemas: Json } | undefined;

function load(): { ajv: Ajv; schemas: Json } {
  if (cached) return cached;
  const document = JSON.parse(readFileSync(openApiFile, "utf8")) as {
    components: { schemas: Json };
  };
  const schemas = Object.fromEntries(
    Object.entries(document.components.schemas).map(([name, schema]) => [
      name,
      relaxUntypedSlots(schema, 0),
    ])
  ) as Record<string, Json>;
  const property = schemas.EntityPropertyBean?.properties as Json | undefined;
  if (property) property.value = {};
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: SCHEMA_ID, components: { schemas } });
  cached = { ajv, schemas };
  return cached;
}

/** `#/components/schemas/<name>` of the document, as a `$ref` usable in wrapper schemas. */
export function ref(name: string): Json {
  if (!(name in load().schemas)) {
    throw new Error(`No schema ${name} in ${openApiFile}`);
  }
  return { $ref: `${SCHEMA_ID}#/components/schemas/${name}` };
}

/** A JSON array of `name` (the document describes list answers by their element type). */
export function arrayOf(name: string): Json {
  return { type: "array", items: ref(name) };
}

/** Jira 9's paged answer (`startAt`, `maxResults`, `total`, `isLast`, `values[]` of `name`). */
export function pageOf(name: string): Json {
  return {
    type: "object",
    required: ["startAt", "maxResults", "total", "isLast", "values"],
    properties: {
      startAt: { type: "integer" },
      maxResults: { type: "integer" },
      total: { type: "integer" },
      isLast: { type: "boolean" },
      values: { type: "array", items: ref(name) },
    },
  };
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: string | Json): ValidateFunction {
  const key = typeof schema === "string" ? schema : JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = load().ajv.compile(typeof schema === "string" ? ref(schema) : schema);
    compiled.set(key, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `${error.instancePath || "(root)"} ${error.message ?? ""}`)
    .join("\n");
}

/** Validation errors of `value` against a schema name or wrapper schema ("" when valid). */
export function schemaErrors(value: unknown, schema: string | Json): string {
  const validate = validatorFor(schema);
  return validate(value) ? "" : describe(validate.errors);
}

/** Throws with ajv's messages unless `value` matches the schema (a name or a wrapper from {@link arrayOf}, {@link pageOf}). */
export function assertMatchesSchema(value: unknown, schema: string | Json): void {
  const errors = schemaErrors(value, schema);
  if (errors) {
    const name = typeof schema === "string" ? schema : JSON.stringify(schema).slice(0, 120);
    throw new Error(`Response does not match ${name}:\n${errors}`);
  }
}
