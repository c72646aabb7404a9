import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Microsoft's manifest XSDs, kept beside the repository (../shared/office-schemas) or at OFFICE_SCHEMAS_DIR. */
export const officeSchemasDir =
  process.env.OFFICE_SCHEMAS_DIR ?? path.resolve(__dirname, "../../../shared/office-schemas");

/**
 * Validates manifest XML offline with xmllint against OfficeAppManifestV1_1.xsd (which imports the
 * VersionOverrides schemas). Returns xmllint's output; throws with it when the manifest is invalid.
 */
export function validateManifestXml(xml: string): string {
  const schema = path.join(officeSchemasDir, "OfficeAppManifestV1_1.xsd");
  if (!existsSync(schema)) {
    throw new Error(
      `Office manifest schemas not found at ${officeSchemasDir}: set OFFICE_SCHEMAS_DIR.`
    );
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  try {
    return (
      execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }).toString() + "validates"
    );
  } catch (error) {
    const failure = error as { stderr?: string; code?: string };
    if (failure.code === "ENOENT")
      throw new Error("xmllint is not installed: apt-get install libxml2-utils.");
    throw new Error(`manifest does not validate:\n${failure.stderr ?? String(error)}`);
  }
}
