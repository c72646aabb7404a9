// Reads the preview's sample .eml files from disk (webpack imports them as text in the browser).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SAMPLES_DIR = join(__dirname, "../../../src/preview/samples");

export function readSample(fileName: string): string {
  return readFileSync(join(SAMPLES_DIR, fileName), "utf8");
}
