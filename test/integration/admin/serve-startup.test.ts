/**
 * `npm run serve` refuses to start, with one line naming what to fix, when what a deployment gives
 * it can't work: no dist/ folder, a dist/ without the pane (not built), TLS files that don't exist
 * or aren't a certificate and key. (Serving over TLS with the relay: deployment-flow.test.ts.)
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedCertPaths } from "../../../src/server/dev-certificate";
import { makeTempDir, makeTestCertificate, removeDir } from "../server/server-test-kit";
import { startServe, stopChildren } from "./admin-cli-kit";

jest.setTimeout(60_000);

let dir: string;
let certDir: string;

beforeAll(async () => {
  dir = await makeTempDir("admin-serve");
  certDir = (await makeTestCertificate()).dir;
  await mkdir(path.join(dir, "empty-dist"));
  await mkdir(path.join(dir, "dist"));
  await writeFile(path.join(dir, "dist", "taskpane.html"), "<!doctype html><title>Pane</title>");
});

afterEach(stopChildren);

afterAll(async () => {
  await removeDir(certDir);
  await removeDir(dir);
});

async function serveFails(
  env: Record<string, string>
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const cert = generatedCertPaths(certDir);
  const child = startServe({
    PORT: "0",
    HOST: "127.0.0.1",
    TLS_CERT_FILE: cert.certFile,
    TLS_KEY_FILE: cert.keyFile,
    ...env,
  });
  const code = await child.exited();
  return { code, stderr: child.stderr(), stdout: child.stdout() };
}

it("names the missing or unbuilt dist/ folder and unusable TLS files", async () => {
  const missingDist = path.join(dir, "no-such-dist");
  const [noDist, notBuilt, noCert, notACert] = await Promise.all([
    serveFails({ DIST_DIR: missingDist }),
    serveFails({ DIST_DIR: path.join(dir, "empty-dist") }),
    serveFails({
      DIST_DIR: path.join(dir, "dist"),
      TLS_CERT_FILE: path.join(dir, "missing.crt"),
    }),
    serveFails({
      DIST_DIR: path.join(dir, "dist"),
      TLS_CERT_FILE: path.join(dir, "dist", "taskpane.html"),
    }),
  ]);

  for (const run of [noDist, notBuilt, noCert, notACert]) {
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("Jira for Outlook add-in server:");
  }
  expect(noDist.stderr).toBe(
    `Jira for Outlook add-in server could not start: The built add-in folder ${missingDist} does not exist: ` +
      "run npm run build first (or set DIST_DIR / --dist).\n"
  );
  expect(notBuilt.stderr).toBe(
    `Jira for Outlook add-in server could not start: The built add-in folder ${path.join(dir, "empty-dist")} ` +
      "has no taskpane.html: run npm run build first (or set DIST_DIR / --dist to the built folder).\n"
  );
  expect(noCert.stderr).toContain(
    `Jira for Outlook add-in server could not start: TLS_CERT_FILE ${path.join(dir, "missing.crt")} cannot be read: ENOENT`
  );
  expect(notACert.stderr).toContain(
    `Jira for Outlook add-in server could not start: TLS_CERT_FILE ${path.join(dir, "dist", "taskpane.html")} and TLS_KEY_FILE`
  );
  expect(notACert.stderr).toContain("cannot be used: not a PEM certificate and private key");
});
