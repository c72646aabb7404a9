/**
 * Loads the email converter (turndown and the Jira rules) on first use, in its own webpack chunk,
 * so it stays out of the pane's first paint. A failed load (the chunk could not be fetched, e.g.
 * after the add-in was updated on the server) rejects with a coded error; the next call tries again.
 */
import type { EmailConverter } from "./email-description-types";

/** The converter's chunk could not be loaded. */
export class EmailConverterUnavailableError extends Error {
  override readonly name = "EmailConverterUnavailableError";
  readonly code = "converter_unavailable";

  constructor(options?: { cause?: unknown }) {
    super(
      "The part of the add-in that turns the email into a description could not be loaded. " +
        "Reload the pane (close it and open it again) and try again.",
      options
    );
  }
}

/**
 * Memoizes `load`: every call shares one pending or finished load; a failed load is forgotten, so
 * the next call starts a new one. Failures reject with {@link EmailConverterUnavailableError}.
 */
export function createEmailConverterLoader(
  load: () => Promise<EmailConverter>
): () => Promise<EmailConverter> {
  let loading: Promise<EmailConverter> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new EmailConverterUnavailableError({ cause: error });
    });
    return loading;
  };
}

/**
 * Parses HTML with the browser's DOMParser. Its documents are inert: scripts are not run and no
 * resources (images, styles, frames) are fetched, since the document has no browsing context
 * (HTML spec, "DOM parsing": scripting is disabled for documents created by DOMParser;
 * developer.mozilla.org/docs/Web/API/DOMParser/parseFromString).
 */
function parseInertHtml(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

const loadConverterChunk = createEmailConverterLoader(async () => {
  const { createEmailConverter } = await import(
    /* webpackChunkName: "email-converter" */ "./email-converter"
  );
  return createEmailConverter({ parseHtml: parseInertHtml });
});

/** The email converter, loaded once (see the module comment). */
export function loadEmailConverter(): Promise<EmailConverter> {
  return loadConverterChunk();
}
