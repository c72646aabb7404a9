/**
 * The XHR uploader against a scripted XMLHttpRequest stand-in (Node has none; the real one is
 * exercised by the e2e tests in a browser): headers, progress, answer, failures, abort.
 */
import { createXhrUploader, parseResponseHeaders } from "../../../src/jira/xhr-uploader";

type Listener =
  ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;

class FakeXhr {
  static last: FakeXhr;
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  withCredentials = true;
  status = 0;
  responseText = "";
  responseURL = "";
  rawHeaders = "";
  upload: { onprogress: Listener } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getAllResponseHeaders() {
    return this.rawHeaders;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
}

const XMLHttpRequest = FakeXhr as unknown as typeof globalThis.XMLHttpRequest;

describe("createXhrUploader", () => {
  it("sends the form with the headers, reports progress and resolves with the answer", async () => {
    const progress: Array<[number, number]> = [];
    const body = new FormData();
    const uploading = createXhrUploader({ XMLHttpRequest }).send({
      url: "https://addin.example.com/jira/rest/api/2/issue/SUP-2/attachments",
      headers: { Authorization: "OAuth x", "X-Atlassian-Token": "no-check" },
      body,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    const xhr = FakeXhr.last;
    xhr.upload.onprogress?.({ loaded: 0, total: 0, lengthComputable: false });
    xhr.upload.onprogress?.({ loaded: 500, total: 1000, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 1000, total: 1000, lengthComputable: true });
    xhr.status = 200;
    xhr.responseText = '[{"id":"1"}]';
    xhr.responseURL = xhr.url;
    xhr.rawHeaders = "content-type: application/json\r\nx-arequestid: 1x2\r\n";
    xhr.onload?.();
    const response = await uploading;

    expect(xhr).toMatchObject({ method: "POST", withCredentials: false, body });
    expect(xhr.headers).toEqual({ Authorization: "OAuth x", "X-Atlassian-Token": "no-check" });
    expect(progress).toEqual([
      [500, 1000],
      [1000, 1000],
    ]);
    expect(response.status).toBe(200);
    expect(response.redirected).toBe(false);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(await response.text()).toBe('[{"id":"1"}]');
  });

  it("rejects with TypeError when the network fails (as fetch does)", async () => {
    const uploading = createXhrUploader({ XMLHttpRequest }).send({
      url: "u",
      headers: {},
      body: new FormData(),
    });
    FakeXhr.last.onerror?.();

    await expect(uploading).rejects.toThrow(TypeError);
  });

  it("aborts with the signal, rejecting with AbortError", async () => {
    const controller = new AbortController();
    const uploading = createXhrUploader({ XMLHttpRequest }).send({
      url: "u",
      headers: {},
      body: new FormData(),
      signal: controller.signal,
    });
    controller.abort();

    await expect(uploading).rejects.toMatchObject({ name: "AbortError" });
  });

  it("parses getAllResponseHeaders() output", () => {
    const headers = parseResponseHeaders(
      "Date: Wed, 01 May 2024 12:00:00 GMT\r\nRetry-After: 3\r\n\r\n"
    );
    expect(headers.get("date")).toBe("Wed, 01 May 2024 12:00:00 GMT");
    expect(headers.get("retry-after")).toBe("3");
  });
});
