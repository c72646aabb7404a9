/**
 * Validates manifest XML offline against Microsoft's XSDs with xmllint, as the tests do
 * (test/support/xml-schema.ts). Microsoft's own validator (office-addin-manifest validate) needs
 * the internet; these schemas don't. When xmllint or the schemas are missing, the caller is told
 * it was skipped and how to get them, rather than failing the whole command.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** The repository root, two folders above this file (src/admin/). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Where the schemas are: OFFICE_SCHEMAS_DIR, else ../shared/office-schemas beside the repository. */
export function officeSchemasDir(env: Readonly<Record<string, string | undefined>>): string {
  return (
    env.OFFICE_SCHEMAS_DIR?.trim() || path.resolve(REPO_ROOT, "..", "shared", "office-schemas")
  );
}

/** The outcome: valid, invalid (with xmllint's messages), or not checked (and why). */
export type ManifestValidation =
  | { status: "valid"; schema: string }
  | { status: "invalid"; errors: string }
  | { status: "skipped"; reason: string };

/** Validates `xml` against OfficeAppManifestV1_1.xsd in `schemasDir`. */
export async function validateManifest(
  xml: string,
  schemasDir: string
): Promise<ManifestValidation> {
  const schema = path.join(schemasDir, "OfficeAppManifestV1_1.xsd");
  if (!existsSync(schema)) {
    return {
      status: "skipped",
      reason: `Microsoft's manifest schemas are not at ${schemasDir} (set OFFICE_SCHEMAS_DIR to the folder with OfficeAppManifestV1_1.xsd)`,
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "jira-outlook-manifest-"));
  const file = path.join(dir, "manifest.xml");
  try {
    await writeFile(file, xml);
    return await new Promise<ManifestValidation>((resolve) => {
      execFile(
        "xmllint",
        ["--noout", "--nonet", "--schema", schema, file],
        { encoding: "utf8" },
        (error, _stdout, stderr) => {
          if (!error) {
            resolve({ status: "valid", schema });
          } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            resolve({
              status: "skipped",
              reason: "xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)",
            });
          } else {
            resolve({ status: "invalid", errors: stderr.split(file).join("manifest.xml").trim() });
          }
        }
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
