/** Why a delivery step failed, in words naming what to do (stepProblemOf). */
import { JiraHttpError } from "../../../../src/jira/jira-errors";
import { stepProblemOf } from "../../../../src/ui/new-issue/step-problem";
import { officeError } from "../ui-fakes";

const JIRA = "https://jira.example.com";

describe("stepProblemOf", () => {
  it("asks to open the email again when Outlook can't read it any more (9030)", () => {
    expect(stepProblemOf(officeError(9030), JIRA)).toEqual({
      code: "item_not_current",
      message: "Outlook can only read the email that is open. Open the email again to retry.",
    });
  });

  it("keeps the add-in's own coded errors' words", () => {
    const unavailable = Object.assign(
      new Error("This Outlook can't read attachment content, so \"a.pdf\" can't be attached here."),
      { code: "attachment_unavailable" }
    );
    expect(stepProblemOf(unavailable, JIRA)).toEqual({
      code: "attachment_unavailable",
      message: unavailable.message,
    });
  });

  it("explains Jira's refusals as the session's notices do, as plain data", () => {
    const tooLarge = new JiraHttpError({
      code: "payload_too_large",
      status: 413,
      message: "The file is larger than Jira accepts.",
      request: { method: "POST", path: "/rest/api/2/issue/SUP-1/attachments" },
    });
    const problem = stepProblemOf(tooLarge, JIRA);
    expect(problem.code).toBe("payload_too_large");
    expect(typeof problem.message).toBe("string");
    expect(JSON.parse(JSON.stringify(problem))).toEqual(problem);
  });
});
