import { createHash, randomBytes } from "node:crypto";
import { base64ToBlob, base64ToBytes, textToBlob } from "../../../src/office/base64-blob";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("base64ToBlob", () => {
  it("round-trips binary bytes across many slices (sha256 equal) with the given type", async () => {
    // 300,001 bytes: every byte value, several 64 KiB slices, and a length that needs padding.
    const original = randomBytes(300_001);
    original[0] = 0;
    original[1] = 255;
    const blob = base64ToBlob(original.toString("base64"), "application/pdf");

    expect(blob.type).toBe("application/pdf");
    expect(blob.size).toBe(original.length);
    expect(sha256(new Uint8Array(await blob.arrayBuffer()))).toBe(sha256(original));
  });

  it.each([
    ["no padding", [1, 2, 3]],
    ["one padding character", [1, 2]],
    ["two padding characters", [1]],
    ["nothing", []],
  ])("decodes exactly with %s", (_label, bytes) => {
    const decoded = base64ToBytes(Buffer.from(bytes).toString("base64"));
    expect(Array.from(decoded)).toEqual(bytes);
  });

  it("ignores MIME line breaks and spaces", () => {
    const original = randomBytes(1000);
    const wrapped = original.toString("base64").replace(/.{76}/g, "$&\r\n").concat("  \n");
    expect(Buffer.from(base64ToBytes(wrapped)).equals(original)).toBe(true);
  });

  it.each([
    ["a length that is not a multiple of 4", "QUJD\nRA"],
    ["characters outside base64", "QU*D"],
    ["padding in the middle", "QQ==QUJD"],
    ["padding at the end of an inner slice", `${"A".repeat(65532)}QQ==QUJD`],
  ])("refuses %s with code invalid_base64", (_label, text) => {
    expect(() => base64ToBytes(text)).toThrow(
      expect.objectContaining({
        code: "invalid_base64",
        message: expect.stringMatching(/^The content is not valid base64/),
      })
    );
  });
});

describe("textToBlob", () => {
  it("stores text as UTF-8", async () => {
    const blob = textToBlob("Grüße ✓", "text/calendar");
    expect(blob.type).toBe("text/calendar");
    expect(Buffer.from(await blob.arrayBuffer()).toString("utf8")).toBe("Grüße ✓");
  });
});
