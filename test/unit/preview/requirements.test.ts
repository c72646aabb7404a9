import {
  compareVersions,
  createRequirements,
} from "../../../src/preview/office-standin/requirements";

describe("isSetSupported", () => {
  it("supports Mailbox 1.1–1.14 on the modern client", () => {
    const requirements = createRequirements("modern");
    for (const version of ["1.1", "1.5", "1.8", "1.10", "1.14"]) {
      expect(requirements.isSetSupported("Mailbox", version)).toBe(true);
    }
    expect(requirements.isSetSupported("Mailbox", "1.15")).toBe(false);
    expect(requirements.isSetSupported("mailbox", "1.8")).toBe(true); // names are case-insensitive
    expect(requirements.isSetSupported("Mailbox")).toBe(true);
    expect(requirements.isSetSupported("DialogApi", "1.2")).toBe(true);
  });

  it("stops at Mailbox 1.5 on an on-premises Exchange client", () => {
    const requirements = createRequirements("onPremises15");
    expect(requirements.isSetSupported("Mailbox", "1.5")).toBe(true);
    expect(requirements.isSetSupported("Mailbox", "1.8")).toBe(false);
    expect(requirements.isSetSupported("Mailbox", "1.14")).toBe(false);
    expect(requirements.isSetSupported("DialogApi", "1.1")).toBe(true);
    expect(requirements.isSetSupported("DialogApi", "1.2")).toBe(false);
  });

  it("knows no other sets", () => {
    expect(createRequirements("modern").isSetSupported("ExcelApi", "1.1")).toBe(false);
  });

  it("compares versions numerically", () => {
    expect(compareVersions("1.10", "1.9")).toBe(1);
    expect(compareVersions("1.5", "1.5")).toBe(0);
    expect(compareVersions("1.4", "1.14")).toBe(-1);
  });
});
