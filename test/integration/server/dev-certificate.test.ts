/**
 * Choosing the HTTPS certificate: configured files, office-addin-dev-certs' files, or a generated
 * localhost certificate that is reused until it is about to expire. All in temporary folders.
 */
import { X509Certificate, createPrivateKey } from "node:crypto";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedCertPaths, loadTlsCredentials } from "../../../src/server/dev-certificate";
import type { OfficeDevCertPaths } from "../../../src/server/dev-certificate";
import { makeTempDir, removeDir } from "./server-test-kit";

jest.setTimeout(60_000);

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir("devcert");
});
afterEach(async () => {
  await removeDir(dir);
});

const DAY = 24 * 60 * 60 * 1000;

describe("the generated development certificate", () => {
  it("is generated for localhost, 127.0.0.1 and ::1, signed with SHA-256, key readable by the owner only", async () => {
    const certDir = path.join(dir, ".certs");

    const credentials = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: certDir,
    });

    expect(credentials.source).toBe("generated");
    expect(credentials.certFile).toBe(generatedCertPaths(certDir).certFile);
    const x509 = new X509Certificate(credentials.cert);
    expect(x509.subjectAltName).toContain("DNS:localhost");
    expect(x509.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(x509.subjectAltName).toMatch(/IP Address:(::1|0:0:0:0:0:0:0:1)/);
    expect(x509.ca).toBe(false);
    expect(credentials.validTo.getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
    expect(await readFile(generatedCertPaths(certDir).certFile, "utf8")).toBe(credentials.cert);
    if (process.platform !== "win32") {
      expect((await stat(generatedCertPaths(certDir).keyFile)).mode & 0o077).toBe(0);
    }
  });

  it("is reused on later runs, and replaced shortly before it expires", async () => {
    const first = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: dir });
    const second = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: dir });
    const nearExpiry = new Date(first.validTo.getTime() - DAY / 2);
    const renewed = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: dir,
      now: () => nearExpiry,
    });

    expect(second.cert).toBe(first.cert);
    expect(renewed.cert).not.toBe(first.cert);
    expect(renewed.validTo.getTime()).toBeGreaterThan(first.validTo.getTime());
  });

  it("is replaced when its key file does not match", async () => {
    const first = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: dir });
    const other = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: path.join(dir, "other"),
    });
    await writeFile(generatedCertPaths(dir).keyFile, other.key);

    const replaced = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: dir });

    expect(replaced.cert).not.toBe(first.cert);
    expect(new X509Certificate(replaced.cert).checkPrivateKey(createPrivateKey(replaced.key))).toBe(
      true
    );
  });
});

describe("office-addin-dev-certs' certificate", () => {
  async function fakeOfficeDevCerts(): Promise<OfficeDevCertPaths> {
    // A certificate in office-addin-dev-certs' layout (made by our generator: the layout is what matters).
    const made = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: path.join(dir, "made"),
    });
    const officeDir = path.join(dir, ".office-addin-dev-certs");
    await mkdir(officeDir);
    const paths = {
      certFile: path.join(officeDir, "localhost.crt"),
      keyFile: path.join(officeDir, "localhost.key"),
      caFile: path.join(officeDir, "ca.crt"),
    };
    await copyFile(generatedCertPaths(path.join(dir, "made")).certFile, paths.certFile);
    await copyFile(generatedCertPaths(path.join(dir, "made")).keyFile, paths.keyFile);
    await writeFile(paths.caFile, made.cert);
    return paths;
  }

  it("is preferred when it exists, because Office trusts it after `office-addin-dev-certs install`", async () => {
    const officeDevCerts = await fakeOfficeDevCerts();

    const credentials = await loadTlsCredentials({
      officeDevCerts,
      generatedCertDir: path.join(dir, "gen"),
    });

    expect(credentials).toMatchObject({
      source: "office-addin-dev-certs",
      certFile: officeDevCerts.certFile,
    });
    expect(credentials.ca).toBeDefined();
    await expect(stat(path.join(dir, "gen"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("is skipped with a warning once expired", async () => {
    const officeDevCerts = await fakeOfficeDevCerts();
    const warnings: string[] = [];
    const later = new Date(Date.now() + 400 * DAY);

    const credentials = await loadTlsCredentials({
      officeDevCerts,
      generatedCertDir: path.join(dir, "gen"),
      now: () => later,
      warn: (message) => warnings.push(message),
    });

    expect(credentials.source).toBe("generated");
    expect(warnings).toEqual([expect.stringContaining("npx office-addin-dev-certs install")]);
  });

  it("is not needed: without it a certificate is generated", async () => {
    const missing = path.join(dir, "nowhere");
    const credentials = await loadTlsCredentials({
      officeDevCerts: {
        certFile: path.join(missing, "a.crt"),
        keyFile: path.join(missing, "a.key"),
        caFile: path.join(missing, "ca.crt"),
      },
      generatedCertDir: path.join(dir, "gen"),
    });

    expect(credentials.source).toBe("generated");
  });
});

describe("configured certificate files", () => {
  it("win over everything else", async () => {
    const made = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: path.join(dir, "made"),
    });
    const files = generatedCertPaths(path.join(dir, "made"));

    const credentials = await loadTlsCredentials({
      ...files,
      officeDevCerts: null,
      generatedCertDir: path.join(dir, "gen"),
    });

    expect(credentials).toMatchObject({
      source: "configured",
      cert: made.cert,
      certFile: files.certFile,
    });
  });

  it("fail with tls_file_unreadable naming the variable when missing", async () => {
    await expect(
      loadTlsCredentials({
        certFile: path.join(dir, "no.crt"),
        keyFile: path.join(dir, "no.key"),
        generatedCertDir: dir,
      })
    ).rejects.toMatchObject({
      name: "ConfigError",
      code: "tls_file_unreadable",
      message: expect.stringContaining("TLS_CERT_FILE"),
    });
  });

  it("fail with tls_files_invalid when the key belongs to another certificate", async () => {
    const a = generatedCertPaths(path.join(dir, "a"));
    const b = generatedCertPaths(path.join(dir, "b"));
    await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: path.join(dir, "a") });
    await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: path.join(dir, "b") });

    await expect(
      loadTlsCredentials({ certFile: a.certFile, keyFile: b.keyFile, generatedCertDir: dir })
    ).rejects.toMatchObject({
      code: "tls_files_invalid",
      message: expect.stringContaining("does not belong"),
    });
  });
});
