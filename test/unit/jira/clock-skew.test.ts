/** Jira's clock from a timestamp_refused answer. */
import { clockOffsetSeconds } from "../../../src/jira/clock-skew";

const LOCAL = Date.parse("2024-05-01T12:00:00Z");

describe("clockOffsetSeconds", () => {
  it("takes Jira's clock from the Date header", () => {
    expect(clockOffsetSeconds({ dateHeader: "Wed, 01 May 2024 12:10:00 GMT" }, LOCAL)).toBe(600);
    expect(clockOffsetSeconds({ dateHeader: "Wed, 01 May 2024 11:50:00 GMT" }, LOCAL)).toBe(-600);
  });

  it("prefers oauth_acceptable_timestamps (Jira's own clock; Date may be a proxy's)", () => {
    const jiraNow = LOCAL / 1000 + 900;
    expect(
      clockOffsetSeconds(
        {
          acceptableTimestamps: `${jiraNow - 300}-${jiraNow + 300}`,
          dateHeader: "Wed, 01 May 2024 12:00:00 GMT",
        },
        LOCAL
      )
    ).toBe(900);
  });

  it("is undefined when the answer says nothing usable", () => {
    expect(clockOffsetSeconds({ dateHeader: null }, LOCAL)).toBeUndefined();
    expect(
      clockOffsetSeconds({ acceptableTimestamps: "x", dateHeader: "not a date" }, LOCAL)
    ).toBeUndefined();
  });
});
