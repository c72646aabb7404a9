/**
 * Manifest validation for the tests: the admin kit's own xmllint check (src/admin/manifest-validation.ts),
 * except that a missing xmllint or schema folder fails the test instead of being skipped: CI installs
 * both, and a skipped check must not pass for a valid manifest.
 */
import {
  officeSchemasDir as schemasDirFrom,
  validateManifest,
} from "../../src/admin/manifest-validation";

/** Microsoft's manifest XSDs, kept beside the repository (../shared/office-schemas) or at OFFICE_SCHEMAS_DIR. */
export const officeSchemasDir = schemasDirFrom(process.env);

/**
 * Validates manifest XML offline against OfficeAppManifestV1_1.xsd (which imports the
 * VersionOverrides schemas). Resolves to "manifest.xml validates"; rejects with xmllint's messages
 * when the manifest is invalid, or with the reason when it could not be checked.
 */
export async function validateManifestXml(xml: string): Promise<string> {
  const outcome = await validateManifest(xml, officeSchemasDir);
  if (outcome.status === "valid") return "manifest.xml validates";
  if (outcome.status === "skipped") throw new Error(`manifest not checked: ${outcome.reason}`);
  throw new Error(`manifest does not validate:\n${outcome.errors}`);
}
