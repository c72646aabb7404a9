/**
 * Chooses the HTTPS certificate of the add-in server:
 * 1. the configured files (TLS_CERT_FILE / TLS_KEY_FILE), in production;
 * 2. office-addin-dev-certs' localhost certificate, when a developer installed it
 *    (`npx office-addin-dev-certs install` makes Windows/macOS, and so Outlook, trust it);
 * 3. otherwise a self-signed localhost certificate generated into `.certs/` and reused until it
 *    expires. The system trust store is never touched.
 */
import { X509Certificate, createPrivateKey } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";
import { ConfigError } from "../config/config-error";

/** Key material for `https.createServer`, and where it came from (for the startup log). */
export interface TlsCredentials {
  /** PEM certificate (chain). */
  cert: string;
  /** PEM private key. */
  key: string;
  /** PEM CA certificate(s), sent as part of the chain when known. */
  ca?: string;
  /** Which of the three sources was used. */
  source: "configured" | "office-addin-dev-certs" | "generated" | "provided";
  /** The certificate file, when read from disk. */
  certFile?: string;
  /** End of validity. */
  validTo: Date;
}

/** Where office-addin-dev-certs keeps its files. */
export interface OfficeDevCertPaths {
  certFile: string;
  keyFile: string;
  caFile: string;
}

/**
 * office-addin-dev-certs' default paths, as in node_modules/office-addin-dev-certs/lib/defaults.js
 * (`~/.office-addin-dev-certs/localhost.crt`, `localhost.key`, `ca.crt`). Copied rather than
 * imported: the package is a devDependency (absent in production installs) and its defaults
 * module sets up usage-data reporting when loaded.
 */
export const OFFICE_DEV_CERT_PATHS: OfficeDevCertPaths = {
  certFile: path.join(os.homedir(), ".office-addin-dev-certs", "localhost.crt"),
  keyFile: path.join(os.homedir(), ".office-addin-dev-certs", "localhost.key"),
  caFile: path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt"),
};

/** Options of {@link loadTlsCredentials}. */
export interface LoadTlsCredentialsOptions {
  /** Configured certificate file (TLS_CERT_FILE); with `keyFile`, wins over everything else. */
  certFile?: string;
  /** Configured key file (TLS_KEY_FILE). */
  keyFile?: string;
  /** office-addin-dev-certs' files; default {@link OFFICE_DEV_CERT_PATHS}. `null` skips them (tests). */
  officeDevCerts?: OfficeDevCertPaths | null;
  /** Folder for the generated certificate; default `<repo>/.certs` (git-ignored). */
  generatedCertDir: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Receives warnings, e.g. an expired office-addin-dev-certs certificate. */
  warn?: (message: string) => void;
}

/** A generated certificate is replaced this long before it expires, so it never lapses mid-session. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;
/** Validity of a generated certificate. */
const GENERATED_VALIDITY_DAYS = 365;

/**
 * Loads (or generates) the certificate to serve, in the order described at the top of this module.
 *
 * @throws {ConfigError} `tls_file_unreadable` / `tls_files_invalid` when configured files can't be used.
 */
export async function loadTlsCredentials(
  options: LoadTlsCredentialsOptions
): Promise<TlsCredentials> {
  const now = options.now ?? (() => new Date());
  if (options.certFile !== undefined && options.keyFile !== undefined) {
    const cert = await readConfiguredFile(options.certFile, "TLS_CERT_FILE");
    const key = await readConfiguredFile(options.keyFile, "TLS_KEY_FILE");
    const checked = checkPair(cert, key);
    if (typeof checked === "string") {
      throw new ConfigError(
        "tls_files_invalid",
        `TLS_CERT_FILE ${options.certFile} and TLS_KEY_FILE ${options.keyFile} cannot be used: ${checked}.`
      );
    }
    if (checked.validTo.getTime() <= now().getTime()) {
      options.warn?.(
        `The certificate in TLS_CERT_FILE ${options.certFile} expired on ${checked.validTo.toISOString()}.`
      );
    }
    return {
      cert,
      key,
      source: "configured",
      certFile: options.certFile,
      validTo: checked.validTo,
    };
  }

  const officeDevCerts =
    options.officeDevCerts === undefined ? OFFICE_DEV_CERT_PATHS : options.officeDevCerts;
  if (officeDevCerts) {
    const office = await readOfficeDevCerts(officeDevCerts, now(), options.warn);
    if (office) {
      return office;
    }
  }
  return loadOrGenerate(options.generatedCertDir, now());
}

/** The files of the generated certificate inside `dir`. */
export function generatedCertPaths(dir: string): { certFile: string; keyFile: string } {
  return { certFile: path.join(dir, "localhost.crt"), keyFile: path.join(dir, "localhost.key") };
}

async function readOfficeDevCerts(
  paths: OfficeDevCertPaths,
  now: Date,
  warn: ((message: string) => void) | undefined
): Promise<TlsCredentials | undefined> {
  const cert = await readIfExists(paths.certFile);
  const key = await readIfExists(paths.keyFile);
  if (cert === undefined || key === undefined) {
    return undefined;
  }
  const checked = checkPair(cert, key);
  if (typeof checked === "string") {
    warn?.(`Ignoring office-addin-dev-certs' certificate ${paths.certFile}: ${checked}.`);
    return undefined;
  }
  if (checked.validTo.getTime() <= now.getTime()) {
    // Its certificates last 30 days; Office rejects an expired one just like an untrusted one.
    warn?.(
      `office-addin-dev-certs' certificate ${paths.certFile} expired on ${checked.validTo.toISOString()}: ` +
        "run `npx office-addin-dev-certs install` again to renew it. Using a generated certificate meanwhile."
    );
    return undefined;
  }
  const ca = await readIfExists(paths.caFile);
  return {
    cert,
    key,
    ...(ca === undefined ? {} : { ca }),
    source: "office-addin-dev-certs",
    certFile: paths.certFile,
    validTo: checked.validTo,
  };
}

async function loadOrGenerate(dir: string, now: Date): Promise<TlsCredentials> {
  const { certFile, keyFile } = generatedCertPaths(dir);
  const cert = await readIfExists(certFile);
  const key = await readIfExists(keyFile);
  if (cert !== undefined && key !== undefined) {
    const checked = checkPair(cert, key);
    if (
      typeof checked !== "string" &&
      checked.validTo.getTime() - RENEW_BEFORE_MS > now.getTime()
    ) {
      return { cert, key, source: "generated", certFile, validTo: checked.validTo };
    }
  }

  const notAfter = new Date(now.getTime() + GENERATED_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256", // selfsigned defaults to SHA-1, which browsers reject
    notBeforeDate: new Date(now.getTime() - 60 * 1000), // tolerate small clock differences
    notAfterDate: notAfter,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      // Browsers match names against the SAN only (the common name is ignored).
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  await mkdir(dir, { recursive: true });
  // Write to temporary names, then rename: a server started in parallel (jest workers, e2e)
  // never reads half a file. The key is readable by the owner only.
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  await writeFile(keyFile + suffix, pems.private, { mode: 0o600 });
  await writeFile(certFile + suffix, pems.cert);
  await rename(keyFile + suffix, keyFile);
  await rename(certFile + suffix, certFile);
  return {
    cert: pems.cert,
    key: pems.private,
    source: "generated",
    certFile,
    validTo: validToOf(new X509Certificate(pems.cert)),
  };
}

/** Checks that `cert` parses and matches `key`; returns the validity end, or why it can't be used. */
function checkPair(cert: string, key: string): { validTo: Date } | string {
  try {
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      return "the private key does not belong to the certificate";
    }
    return { validTo: validToOf(x509) };
  } catch (error) {
    return `not a PEM certificate and private key (${(error as Error).message})`;
  }
}

/** `validTo` is text like "Dec  4 15:28:00 2026 GMT" (Node 20 has no `validToDate`). */
function validToOf(x509: X509Certificate): Date {
  return new Date(x509.validTo);
}

async function readConfiguredFile(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigError(
      "tls_file_unreadable",
      `${name} ${file} cannot be read: ${(error as Error).message}.`,
      {
        cause: error,
      }
    );
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}
