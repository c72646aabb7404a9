/**
 * Static hosting of dist/ over real HTTPS: cache headers, the start-page redirect, security
 * headers, and the preview stand-in kept out of production.
 */
import { createServer } from "node:net";
import { once } from "node:events";
import path from "node:path";
import { ConfigError } from "../../../src/config/config-error";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer, AddinServerOptions } from "../../../src/server/create-addin-server";
import { isContentHashedFile, isPreviewPath } from "../../../src/server/static-files";
import {
  DIST_FILES,
  testServerOptions,
  makeDist,
  makeTestCertificate,
  rawRequest,
  removeDir,
  request,
} from "./server-test-kit";

jest.setTimeout(30_000);

let distDir: string;
let cert: Awaited<ReturnType<typeof makeTestCertificate>>;
let production: number;
let preview: number;
const running: AddinServer[] = [];

function serverOptions(options: Partial<AddinServerOptions> = {}): AddinServerOptions {
  return testServerOptions(distDir, cert, options);
}

async function start(options: Partial<AddinServerOptions> = {}): Promise<number> {
  const server = createAddinServer(serverOptions(options));
  running.push(server);
  return (await server.listen()).port;
}

beforeAll(async () => {
  distDir = await makeDist();
  cert = await makeTestCertificate();
  production = await start();
  preview = await start({ preview: true });
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  await removeDir(distDir);
  await removeDir(cert.dir);
});

describe("cache headers", () => {
  it.each(["/taskpane.3f2a9c1b.js", "/vendors.3f2a9c1b5e.css"])(
    "long-caches the content-hashed %s",
    async (file) => {
      const res = await request(production, cert.cert, file);

      expect(res.status).toBe(200);
      expect(res.body).toBe(DIST_FILES[file.slice(1)]);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
  );

  it.each(["/taskpane.html", "/manifest.xml", "/app.js", "/assets/icon-32.png"])(
    "revalidates %s",
    async (file) => {
      const res = await request(production, cert.cert, file);

      expect(res.status).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers.etag).toBeDefined();
    }
  );

  it("tells hashed names from fixed ones", () => {
    expect(isContentHashedFile("taskpane.3f2a9c1b.js")).toBe(true);
    expect(isContentHashedFile("/x/412.3f2a9c1b.js.map")).toBe(true);
    expect(isContentHashedFile("3f2a9c1b0d4e5f60.png")).toBe(true);
    expect(isContentHashedFile("taskpane.js")).toBe(false);
    expect(isContentHashedFile("icon-32.png")).toBe(false);
    expect(isContentHashedFile("taskpane.3f2a9c1b.html")).toBe(false);
    expect(isContentHashedFile("manifest.xml")).toBe(false);
  });
});

describe("start page and security headers", () => {
  it("redirects / to the task pane in production and to the preview in preview mode", async () => {
    const prod = await request(production, cert.cert, "/");
    const prev = await request(preview, cert.cert, "/");

    expect([prod.status, prod.headers.location]).toEqual([302, "/taskpane.html"]);
    expect([prev.status, prev.headers.location]).toEqual([302, "/preview.html"]);
  });

  it.each([
    "/taskpane.html",
    "/taskpane.3f2a9c1b.js",
    "/",
    "/missing.js",
    "/jira/rest/api/2/myself",
  ])("sets nosniff and no-referrer, and no X-Frame-Options, on %s", async (file) => {
    const res = await request(production, cert.cert, file);

    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("answers unknown paths with a plain 404", async () => {
    const missing = await request(production, cert.cert, "/nothing-here.js");

    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("answers a malformed path with a plain 404 and no stack trace", async () => {
    const res = await request(production, cert.cert, "/%E0%A4%A.js");

    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/at .*\.js/);
  });

  it("refuses an asterisk request target", async () => {
    const response = await rawRequest(
      production,
      cert.cert,
      "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );

    expect(response).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe("the dev-only preview", () => {
  it.each(["/preview.html", "/preview/office-standin.js"])(
    "serves %s in preview mode",
    async (file) => {
      const res = await request(preview, cert.cert, file);

      expect(res.status).toBe(200);
      expect(res.body).toBe(DIST_FILES[file.slice(1)]);
    }
  );

  it.each([
    "/preview.html",
    "/preview/office-standin.js",
    "/preview/",
    "/%70review.html",
    "/PREVIEW.html",
    "/assets/../preview.html",
    "/preview%2foffice-standin.js",
  ])("answers 404 for %s without preview mode, although the file is in dist/", async (file) => {
    const res = await request(production, cert.cert, file);

    expect(res.status).toBe(404);
    expect(res.body).not.toContain("Preview");
  });

  it("recognises preview paths however they are spelled", () => {
    expect(isPreviewPath("/preview.html")).toBe(true);
    expect(isPreviewPath("/Preview/x.js")).toBe(true);
    expect(isPreviewPath("/a/..%2Fpreview.html")).toBe(true);
    expect(isPreviewPath("/preview-notes.html")).toBe(false);
    expect(isPreviewPath("/taskpane.html")).toBe(false);
  });
});

describe("server lifecycle", () => {
  it("returns https://localhost:<port> and the port actually bound", async () => {
    const server = createAddinServer(serverOptions());
    try {
      const address = await server.listen();

      expect(address.port).toBeGreaterThan(0);
      expect(address.url).toBe(`https://localhost:${address.port}`);
      expect(address.certificate.source).toBe("provided");
    } finally {
      await server.close();
    }
  });

  it("uses ADDIN_URL as the printed URL when configured", async () => {
    const server = createAddinServer(
      serverOptions({ addinUrl: "https://outlook-addin.example.com/" })
    );
    try {
      expect((await server.listen()).url).toBe("https://outlook-addin.example.com");
    } finally {
      await server.close();
    }
  });

  it("fails with dist_missing when dist/ has not been built", async () => {
    const server = createAddinServer(serverOptions({ distDir: path.join(distDir, "not-built") }));

    await expect(server.listen()).rejects.toMatchObject({
      name: "ConfigError",
      code: "dist_missing",
      message: expect.stringContaining("run npm run build first"),
    });
    await expect(server.listen()).rejects.toBeInstanceOf(ConfigError);
  });

  it("fails with EADDRINUSE when the port is taken", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const { port } = blocker.address() as { port: number };
    try {
      const server = createAddinServer(serverOptions({ port }));

      await expect(server.listen()).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      blocker.close();
    }
  });

  it("closes while a keep-alive connection is idle", async () => {
    const server = createAddinServer(serverOptions());
    const { port } = await server.listen();
    await request(port, cert.cert, "/taskpane.html", { headers: { Connection: "keep-alive" } });

    const started = Date.now();
    await server.close();

    expect(Date.now() - started).toBeLessThan(1000);
  });
});
