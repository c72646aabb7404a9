/**
 * Jira's rules for issue properties (entity properties), shared by `PUT issue/{key}/properties/{key}`
 * and the `properties` of `POST issue`: a key of at most 255 characters, a JSON value of at most
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
