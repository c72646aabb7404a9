/** What the New issue form keeps chosen once Jira's lists are in. */
import {
  chosenIssueTypeId,
  chosenProjectKey,
  creatableIssueTypes,
  projectOptionText,
} from "../../../../src/ui/new-issue/new-issue-choices";
import { filterChoices } from "../../../../src/ui/field-editing/editors/choices";

describe("chosenProjectKey", () => {
  const projects = [{ key: "OPS" }, { key: "SUP" }];

  it("keeps the draft's project while the list loads, and when the list has it", () => {
    expect(chosenProjectKey(undefined, "GONE")).toBe("GONE");
    expect(chosenProjectKey(projects, "SUP")).toBe("SUP");
  });

  it("drops a remembered project that is gone or no longer visible", () => {
    expect(chosenProjectKey(projects, "GONE")).toBe("");
    expect(chosenProjectKey([], "OPS")).toBe("");
  });
});

describe("creatableIssueTypes and chosenIssueTypeId", () => {
  const types = [
    { id: "1", name: "Bug", subtask: false },
    { id: "5", name: "Sub-task", subtask: true },
    { id: "3", name: "Task" },
  ];

  it("leaves out sub-tasks, which need a parent issue", () => {
    expect(creatableIssueTypes(types).map((type) => type.id)).toEqual(["1", "3"]);
  });

  it("keeps the draft's issue type only when the project still offers it", () => {
    const creatable = creatableIssueTypes(types);
    expect(chosenIssueTypeId(undefined, "5")).toBe("5");
    expect(chosenIssueTypeId(creatable, "3")).toBe("3");
    expect(chosenIssueTypeId(creatable, "5")).toBe("");
  });
});

describe("the pickers' options", () => {
  const options = [
    { value: "SUP", text: projectOptionText({ key: "SUP", name: "Customer Support" }) },
    { value: "OPS", text: projectOptionText({ key: "OPS", name: "IT Operations" }) },
    { value: "REC", text: projectOptionText({ key: "REC", name: "Réception" }) },
  ];

  it("shows a project as 'Name (KEY)'", () => {
    expect(options[0]?.text).toBe("Customer Support (SUP)");
  });

  it("filters by every typed word, in any order, ignoring case and accents", () => {
    const values = (query: string) => filterChoices(options, query).map((option) => option.value);
    expect(values("")).toEqual(["SUP", "OPS", "REC"]);
    expect(values("sup")).toEqual(["SUP"]);
    expect(values("support cust")).toEqual(["SUP"]);
    expect(values("(ops)")).toEqual(["OPS"]);
    expect(values("reception")).toEqual(["REC"]);
    expect(values("nothing like it")).toEqual([]);
  });
});
