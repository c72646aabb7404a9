/**
 * Jira's rules for entity properties (of issues and comments), shared by
 * `PUT issue/{key}/properties/{key}`, `PUT comment/{id}/properties/{key}` and the `properties` of
 * `POST issue` and `POST issue/{key}/comment`: a key of at most 255 characters, a JSON value of at most
 * 32,768 (jira.json.property.value.max.length). Jira counts characters; the simulator counts UTF-8
 * bytes, the stricter reading, so what passes here passes on Jira
 * (developer.atlassian.com/server/jira/platform/entity-properties/).
 */

/** Longest property value (jira.json.property.value.max.length defaults to 32768). */
export const PROPERTY_VALUE_LIMIT = 32768;
/** Longest property key. */
export const PROPERTY_KEY_LIMIT = 255;

/** Jira's complaint about a property key, or undefined when it is fine. */
export function propertyKeyProblem(key: unknown): string | undefined {
  if (typeof key !== "string" || key.trim() === "") return "The property key cannot be empty.";
  if (key.length > PROPERTY_KEY_LIMIT)
    return `The property key cannot be longer than ${PROPERTY_KEY_LIMIT} characters.`;
  return undefined;
}

/** Jira's complaint about a property value as sent (its JSON text), or undefined when it is fine. */
export function propertyValueProblem(json: string): string | undefined {
  if (Buffer.byteLength(json, "utf8") > PROPERTY_VALUE_LIMIT)
    return `The property value cannot be longer than ${PROPERTY_VALUE_LIMIT} bytes.`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The `properties` of a create body (IssueUpdateBean, CommentJsonBean: an array of
 * EntityPropertyBean), checked like a `PUT …/properties/{key}`: each needs a key of at most 255
 * characters and a JSON value of at most 32 KB. Problems name the entry and go to `errorMessages`;
 * the valid entries are returned in the order sent.
 */
export function readEntityProperties(
  input: unknown,
  errorMessages: string[]
): Array<{ key: string; value: unknown }> {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) {
    errorMessages.push("'properties' must be an array of {key, value} objects.");
    return [];
  }
  const properties: Array<{ key: string; value: unknown }> = [];
  input.forEach((entry: unknown, index) => {
    const where = `properties[${index}]`;
    if (!isObject(entry)) {
      errorMessages.push(`${where}: must be an object with 'key' and 'value'.`);
      return;
    }
    const keyProblem = propertyKeyProblem(entry.key);
    if (keyProblem) {
      errorMessages.push(`${where}: ${keyProblem}`);
      return;
    }
    if (entry.value === undefined) {
      errorMessages.push(`${where}: The property value cannot be empty.`);
      return;
    }
    const valueProblem = propertyValueProblem(JSON.stringify(entry.value));
    if (valueProblem) {
      errorMessages.push(`${where}: ${valueProblem}`);
      return;
    }
    properties.push({ key: entry.key as string, value: entry.value });
  });
  return properties;
}
