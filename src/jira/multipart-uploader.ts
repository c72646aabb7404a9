/**
 * Sends multipart uploads (attachments) and reports their progress. A seam of its own because
 * browsers' fetch cannot report upload progress: the task pane uses XMLHttpRequest
 * (xhr-uploader.ts); Node and tests use fetch ({@link createFetchUploader}).
 */

/** One upload: already signed, `X-Atlassian-Token: no-check` set. */
export interface UploadRequest {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: FormData;
  /** Bytes sent so far and in total. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** The part of a fetch Response the client reads. */
export interface UploadResponse {
  status: number;
  headers: Headers;
  text(): Promise<string>;
  /** True when the answer came after a redirect (an SSO gateway's, typically). */
  redirected?: boolean;
}

/** Sends multipart POSTs. Rejects (TypeError) when no answer arrives, like fetch. */
export interface MultipartUploader {
  send(request: UploadRequest): Promise<UploadResponse>;
}

/**
 * The fetch uploader: progress only at 0 before sending and at the total after Jira answered
 * (fetch has no upload progress events). The total is the files' size, not the multipart framing.
 */
export function createFetchUploader(fetchFn?: typeof fetch): MultipartUploader {
  // Called as a plain function: `window.fetch` throws "Illegal invocation" when called as a method of another object.
  const doFetch =
    fetchFn ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return {
    async send(request) {
      const total = payloadSize(request.body);
      request.onProgress?.(0, total);
      const response = await doFetch(request.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        credentials: "omit",
        signal: request.signal,
      });
      request.onProgress?.(total, total);
      return response;
    },
  };
}

/** The bytes of the files and fields of a form (what progress is measured against). */
export function payloadSize(form: FormData): number {
  let total = 0;
  form.forEach((value) => {
    total += typeof value === "string" ? new TextEncoder().encode(value).length : value.size;
  });
  return total;
}
