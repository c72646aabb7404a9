/**
 * The task pane's uploader: XMLHttpRequest, because only its `upload.onprogress` reports how much
 * of an attachment has been sent (fetch can't, in any browser the add-in runs in).
 */
import type { MultipartUploader, UploadResponse } from "./multipart-uploader";

/** The XMLHttpRequest constructor to use (tests pass a fake). Default: the global one. */
export interface XhrUploaderOptions {
  XMLHttpRequest?: typeof XMLHttpRequest;
}

/** Creates an uploader over XMLHttpRequest. Rejects with TypeError on network failure, AbortError when aborted. */
export function createXhrUploader(options: XhrUploaderOptions = {}): MultipartUploader {
  return {
    send(request) {
      const Xhr = options.XMLHttpRequest ?? globalThis.XMLHttpRequest;
      return new Promise<UploadResponse>((resolve, reject) => {
        if (request.signal?.aborted) {
          reject(abortError());
          return;
        }
        const xhr = new Xhr();
        xhr.open("POST", request.url);
        // Cookies of the add-in's origin have no business at Jira (the relay drops them anyway).
        xhr.withCredentials = false;
        for (const [name, value] of Object.entries(request.headers)) {
          xhr.setRequestHeader(name, value);
        }
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) {
            request.onProgress?.(event.loaded, event.total);
          }
        };
        const onAbort = () => xhr.abort();
        request.signal?.addEventListener("abort", onAbort, { once: true });
        const settle = () => request.signal?.removeEventListener("abort", onAbort);
        xhr.onload = () => {
          settle();
          const text = xhr.responseText;
          resolve({
            status: xhr.status,
            headers: parseResponseHeaders(xhr.getAllResponseHeaders()),
            text: () => Promise.resolve(text),
            redirected: Boolean(xhr.responseURL) && xhr.responseURL !== request.url,
          });
        };
        xhr.onerror = () => {
          settle();
          reject(new TypeError("Network request failed"));
        };
        xhr.ontimeout = xhr.onerror;
        xhr.onabort = () => {
          settle();
          reject(abortError());
        };
        xhr.send(request.body);
      });
    },
  };
}

/** `getAllResponseHeaders()`'s CRLF-separated `name: value` lines as Headers. */
export function parseResponseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      try {
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      } catch {
        // A header name the Headers class refuses: not one the client reads.
      }
    }
  }
  return headers;
}

function abortError(): Error {
  return new DOMException("The upload was aborted.", "AbortError");
}
