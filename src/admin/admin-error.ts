/**
 * A problem the admin CLI reports in one plain sentence (no stack): a missing or wrong option, a
 * file it can't write, an answer from Jira that stops the command. `code` tells the cases apart.
 */
export class AdminError extends Error {
  override readonly name = "AdminError";

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}
