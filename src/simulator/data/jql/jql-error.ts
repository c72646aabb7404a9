/**
 * A JQL problem, answered as 400 `{"errorMessages":[message],"errors":{}}` like Jira's search
 * (OpenAPI `search_1`: "400 Returned if there is a problem with the JQL query").
 */
export class JqlError extends Error {
  override readonly name = "JqlError";

  constructor(message: string) {
    super(message);
  }

  /** A syntax error, worded like Jira's parser: "Error in the JQL Query: … (line 1, character N)". */
  static syntax(detail: string, position?: number): JqlError {
    const where = position === undefined ? "" : ` (line 1, character ${position + 1})`;
    return new JqlError(`Error in the JQL Query: ${detail}${where}`);
  }
}
