/**
 * `config`: the two files a deployment adds to the built add-in, for one Jira and one link:
 * - addin-config.json, the runtime configuration the pane reads beside taskpane.html
 *   (src/config/runtime-config.ts), with the consumer key and the private key;
 * - manifest.xml for the add-in's URL, with Jira's origin in AppDomains (src/admin/manifest.ts),
 *   validated against Microsoft's schemas when xmllint and the schemas are here.
 *
 * addin-config.json is written with mode 0644 on purpose: the web server (nginx as www-data, IIS as
 * its application pool) must read it, and it is served to every pane anyway. What keeps that safe
 * is 2-legged OAuth being off on the link (docs/security.md); the command says so every time.
 */
import { readFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../config/config-error";
import {
  RUNTIME_CONFIG_FILE,
  parseRuntimeConfig,
  runtimeConfigDocument,
} from "../config/runtime-config";
import { AdminError } from "./admin-error";
import { DEVELOPMENT_ADDIN_URL, manifestVersionOf, renderManifest } from "./manifest";
import { REPO_ROOT, validateManifest } from "./manifest-validation";
import type { ManifestValidation } from "./manifest-validation";

/** Options of {@link writeDeploymentConfig}. */
export interface DeploymentConfigOptions {
  /** Normalised Jira base URL. */
  jiraUrl: string;
  consumerKey: string;
  /** The private key block (checked already). */
  privateKeyPem: string;
  /** Normalised add-in URL; undefined: {@link DEVELOPMENT_ADDIN_URL}. */
  addinUrl?: string;
  /** Where the pane finds the relay, relative to addin-config.json or an absolute path; default "jira" beside it. */
  relayUrl?: string;
  /** Manifest version (four numbers); default from package.json. */
  manifestVersion?: string;
  outDir: string;
  /** Folder with OfficeAppManifestV1_1.xsd. */
  schemasDir: string;
}

/** What was written. */
export interface WrittenConfig {
  configFile: string;
  manifestFile: string;
  addinUrl: string;
  manifestVersion: string;
  validation: ManifestValidation;
  /** The folder has no taskpane.html: the files were written before a build, or into the wrong folder. */
  withoutBuild: boolean;
}

/**
 * Writes addin-config.json and manifest.xml into `outDir` (created if missing). The manifest is
 * validated first and not written when invalid.
 *
 * @throws {ConfigError} from renderManifest or parseRuntimeConfig; {@link AdminError}
 *   `manifest_invalid`, `config_not_written`
 */
export async function writeDeploymentConfig(
  options: DeploymentConfigOptions
): Promise<WrittenConfig> {
  const addinUrl = options.addinUrl ?? DEVELOPMENT_ADDIN_URL;
  const document = runtimeConfigDocument({
    jiraBaseUrl: options.jiraUrl,
    consumerKey: options.consumerKey,
    privateKeyPem: options.privateKeyPem,
    ...(options.relayUrl === undefined ? {} : { relayUrl: options.relayUrl }),
  });
  // Read back as the pane will, from where it will be: a relayUrl off the add-in's origin fails here.
  parseRuntimeConfig(document, `${addinUrl}/${RUNTIME_CONFIG_FILE}`);

  const template = await readFile(path.join(REPO_ROOT, "manifest.xml"), "utf8");
  const packageJson = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  const manifestVersion = options.manifestVersion ?? manifestVersionOf(packageJson.version);
  const xml = renderManifest(template, {
    addinUrl,
    jiraUrl: options.jiraUrl,
    version: manifestVersion,
  });
  const validation = await validateManifest(xml, options.schemasDir);
  if (validation.status === "invalid") {
    throw new AdminError(
      "manifest_invalid",
      `The manifest for ${addinUrl} does not validate against Microsoft's schema, so nothing was written:\n${validation.errors}`
    );
  }

  const configFile = path.resolve(options.outDir, RUNTIME_CONFIG_FILE);
  const manifestFile = path.resolve(options.outDir, "manifest.xml");
  try {
    await mkdir(options.outDir, { recursive: true });
    await writeFile(configFile, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o644 });
    await writeFile(manifestFile, xml, { mode: 0o644 });
  } catch (cause) {
    throw new AdminError(
      "config_not_written",
      `Could not write into ${path.resolve(options.outDir)} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}): choose a folder you can write with --out.`,
      { cause }
    );
  }
  const withoutBuild = !(await stat(path.join(options.outDir, "taskpane.html")).catch(
    () => undefined
  ));
  return { configFile, manifestFile, addinUrl, manifestVersion, validation, withoutBuild };
}

/** The check of a --manifest-version value, before anything is read. */
export function checkManifestVersion(value: string): string {
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(value)) {
    throw new ConfigError(
      "manifest_version_invalid",
      `--manifest-version "${value}" must be four numbers like 1.2.0.0 (raise it for every update you deploy).`
    );
  }
  return value;
}
