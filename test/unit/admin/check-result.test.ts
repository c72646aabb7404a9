import { allPassed, formatCheck } from "../../../src/admin/check-result";
import { CLOCK_WARN_SECONDS, clockCheck } from "../../../src/admin/jira-checks";
import type { ServerInfo } from "../../../src/jira/jira-types";

const serverInfo: ServerInfo = {
  baseUrl: "https://jira.example.com",
  version: "9.12.2",
  versionNumbers: [9, 12, 2],
};

describe("formatCheck and allPassed", () => {
  it("aligns the status, and puts the fix after a dash", () => {
    expect(formatCheck({ id: "jira", name: "Jira", status: "ok", detail: "Jira 9.12.2" })).toBe(
      "OK   Jira: Jira 9.12.2"
    );
    expect(
      formatCheck({
        id: "consumer",
        name: "consumer key",
        status: "fail",
        detail: "unknown",
        fix: "create it",
      })
    ).toBe("FAIL consumer key: unknown — create it");
  });

  it("passes with OK, WARN and SKIP, fails with one FAIL", () => {
    const ok = { id: "a", name: "a", detail: "" };
    expect(
      allPassed([
        { ...ok, status: "ok" },
        { ...ok, status: "warn" },
        { ...ok, status: "skip" },
      ])
    ).toBe(true);
    expect(
      allPassed([
        { ...ok, status: "ok" },
        { ...ok, status: "fail" },
      ])
    ).toBe(false);
  });
});

describe("clockCheck", () => {
  const at = (offset: number) =>
    clockCheck({
      result: { id: "jira", name: "Jira", status: "ok", detail: "" },
      serverInfo,
      clockOffsetSeconds: offset,
      clockSource: "serverTime",
    });

  it("is OK within a minute, WARN above it, FAIL beyond Jira's 5 minutes", () => {
    expect(at(0)).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("agrees with this computer's"),
    });
    expect(at(-CLOCK_WARN_SECONDS)).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("60 s behind"),
    });
    expect(at(61)).toMatchObject({ status: "warn", fix: expect.stringContaining("NTP") });
    expect(at(300)).toMatchObject({ status: "warn" });
    expect(at(-301)).toMatchObject({
      status: "fail",
      detail: expect.stringContaining(
        "301 s behind this computer's; Jira refuses OAuth timestamps more than 5 minutes off"
      ),
    });
  });

  it("is skipped when Jira did not answer", () => {
    expect(
      clockCheck({ result: { id: "jira", name: "Jira", status: "fail", detail: "" } }).status
    ).toBe("skip");
  });
});
