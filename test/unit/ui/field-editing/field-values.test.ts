/**
 * The values of create-screen fields: Jira's defaults to start from, what Jira would refuse
 * (checked before asking it), and the `fields` JSON of `POST /rest/api/2/issue` for each kind.
 */
import { CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import type { FieldFormValues } from "../../../../src/ui/field-editing/field-form-types";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import type { TimeZoneRule } from "../../../../src/ui/field-editing/field-text-formats";
import {
  fieldValuesToJira,
  initialFieldValues,
  validateFieldValues,
} from "../../../../src/ui/field-editing/field-values";
import {
  customField,
  everyKindScreen,
  options,
  serviceRequestScreen,
  simulatorCreateMeta,
  systemField,
} from "./create-meta-fixtures";

const CUSTOMER_IMPACT = CUSTOM_FIELD_IDS.customerImpact;
/** Fixed offsets for date-times, so the tests don't depend on the machine's zone. */
const fixedZone =
  (offsetMinutes: number): TimeZoneRule =>
  (local) => ({ local, offsetMinutes });

describe("initialFieldValues", () => {
  it("starts SUP / Service Request with Jira's default priority, nothing else", () => {
    expect(initialFieldValues(serviceRequestScreen())).toEqual({
      priority: { type: "ids", ids: ["3"] },
    });
  });

  it("reads Jira's defaults of each kind, and ignores what it can't read or no longer offered", () => {
    const withDefault = (defaultValue: unknown) => ({ hasDefaultValue: true, defaultValue });
    const screen = createScreenOf([
      customField("customfield_1", "Text", "textfield", { type: "string" }, withDefault("n/a")),
      customField("customfield_2", "Number", "float", { type: "number" }, withDefault(3)),
      customField("customfield_3", "Date", "datepicker", { type: "date" }, withDefault("2026-1-1")),
      customField(
        "customfield_4",
        "Select",
        "select",
        { type: "option" },
        { ...withDefault({ id: "20001", value: "Option 2" }), allowedValues: options(3) }
      ),
      customField(
        "customfield_5",
        "Multi",
        "multiselect",
        { type: "array", items: "option" },
        { ...withDefault([{ id: "20002" }, { id: "99999" }, "20000"]), allowedValues: options(3) }
      ),
      customField(
        "customfield_6",
        "Stale",
        "select",
        { type: "option" },
        { ...withDefault({ id: "99999" }), allowedValues: options(3) }
      ),
      customField(
        "customfield_7",
        "Tags",
        "labels",
        { type: "array", items: "string" },
        withDefault(["email", "with space", 7])
      ),
      customField(
        "customfield_8",
        "Contact",
        "userpicker",
        { type: "user" },
        withDefault({ name: "jane", displayName: "Jane Doe" })
      ),
      customField("customfield_9", "When", "datetime", { type: "datetime" }, withDefault("x")),
      customField("customfield_10", "Bad number", "float", { type: "number" }, withDefault("3")),
    ]);
    expect(initialFieldValues(screen)).toEqual({
      customfield_1: { type: "text", value: "n/a" },
      customfield_2: { type: "text", value: "3" },
      customfield_4: { type: "ids", ids: ["20001"] },
      customfield_5: { type: "ids", ids: ["20002", "20000"] },
      customfield_7: { type: "labels", labels: ["email"] },
      customfield_8: { type: "users", users: [{ name: "jane", displayName: "Jane Doe" }] },
    });
  });
});

describe("validateFieldValues", () => {
  it("asks for the required Customer Impact by name, and accepts the rest empty", () => {
    const screen = serviceRequestScreen();
    expect(validateFieldValues(screen, {})).toEqual({
      [CUSTOMER_IMPACT]: "Choose a value for Customer Impact.",
    });
    expect(
      validateFieldValues(screen, { [CUSTOMER_IMPACT]: { type: "ids", ids: ["10202"] } })
    ).toEqual({});
  });

  it("words an empty required field by how it is filled: chosen or typed", () => {
    expect(validateFieldValues(everyKindScreen(true), {})).toEqual({
      customfield_1: "Enter Reference.",
      customfield_2: "Enter Notes.",
      customfield_3: "Enter Affected Users.",
      customfield_4: "Enter Incident Date.",
      customfield_5: "Enter Started.",
      customfield_6: "Choose a value for Impact.",
      customfield_7: "Choose a value for Systems.",
      customfield_8: "Enter Tags.",
      customfield_9: "Choose a value for Contact.",
      customfield_10: "Choose a value for Watchers.",
    });
  });

  it("counts blanks, empty lists and a value of another shape as empty", () => {
    const screen = everyKindScreen(true);
    const problems = validateFieldValues(screen, {
      customfield_1: { type: "text", value: "  \n " },
      customfield_6: { type: "ids", ids: [] },
      customfield_8: { type: "ids", ids: ["20000"] }, // a draft from another issue type
    });
    expect(problems).toMatchObject({
      customfield_1: "Enter Reference.",
      customfield_6: "Choose a value for Impact.",
      customfield_8: "Enter Tags.",
    });
  });

  it("lets Jira fill an empty required field that has a default", () => {
    const screen = createScreenOf([
      customField(
        "customfield_1",
        "Impact",
        "select",
        { type: "option" },
        { required: true, hasDefaultValue: true, allowedValues: options(2) }
      ),
    ]);
    expect(validateFieldValues(screen, {})).toEqual({});
  });

  it("names a number that isn't one", () => {
    const screen = everyKindScreen();
    const problemFor = (text: string) =>
      validateFieldValues(screen, { customfield_3: { type: "text", value: text } }).customfield_3;
    for (const bad of ["12abc", "0x10", "Infinity", "1,5", "1e999", "--1", "."]) {
      expect(problemFor(bad)).toBe("Affected Users must be a number.");
    }
    for (const good of ["1.5", "-2", " 3 ", "1e3", ".5", "7."]) {
      expect(problemFor(good)).toBeUndefined();
    }
  });

  it("names a date or date-time that isn't a real one", () => {
    const screen = everyKindScreen();
    const problems = (date: string, dateTime: string) =>
      validateFieldValues(screen, {
        customfield_4: { type: "text", value: date },
        customfield_5: { type: "text", value: dateTime },
      });
    expect(problems("2026-02-30", "2026-02-29T10:00")).toEqual({
      customfield_4: "Incident Date must be a date (YYYY-MM-DD).",
      customfield_5: "Started must be a date and time.",
    });
    expect(problems("31/03/2026", "2026-03-31T24:00")).toEqual({
      customfield_4: "Incident Date must be a date (YYYY-MM-DD).",
      customfield_5: "Started must be a date and time.",
    });
    expect(problems("2024-02-29", "2026-03-31T23:59:59.5")).toEqual({});
  });

  it("refuses labels with spaces or over Jira's 255 characters", () => {
    const screen = everyKindScreen();
    const problem = (labels: string[]) =>
      validateFieldValues(screen, { customfield_8: { type: "labels", labels } }).customfield_8;
    expect(problem(["fine", "not fine"])).toBe("Labels can't contain spaces.");
    expect(problem(["tab\there"])).toBe("Labels can't contain spaces.");
    expect(problem(["x".repeat(256)])).toBe("A label can have at most 255 characters.");
    expect(problem(["x".repeat(255), "vpn"])).toBeUndefined();
  });

  it("asks to choose again when a draft holds an option Jira no longer offers", () => {
    const screen = createScreenOf([
      customField(
        "customfield_1",
        "Impact",
        "select",
        { type: "option" },
        { allowedValues: [...options(2), { id: "20009", value: "Retired", disabled: true }] }
      ),
      customField(
        "customfield_2",
        "Systems",
        "multiselect",
        { type: "array", items: "option" },
        { allowedValues: options(3) }
      ),
    ]);
    expect(
      validateFieldValues(screen, {
        customfield_1: { type: "ids", ids: ["20009"] },
        customfield_2: { type: "ids", ids: ["20000", "12345"] },
      })
    ).toEqual({
      customfield_1: "Choose Impact again: the option is no longer offered.",
      customfield_2: "Choose Systems again: the option is no longer offered.",
    });
  });

  it("keeps single-line text to Jira's 255 characters, not multi-line text", () => {
    const screen = everyKindScreen();
    const long = "x".repeat(256);
    expect(
      validateFieldValues(screen, {
        customfield_1: { type: "text", value: long },
        customfield_2: { type: "text", value: long },
      })
    ).toEqual({ customfield_1: "Reference can have at most 255 characters (it has 256)." });
  });
});

describe("fieldValuesToJira", () => {
  const filled: FieldFormValues = {
    customfield_1: { type: "text", value: "  REF-42  " },
    customfield_2: { type: "text", value: "  line one\nline two\n" },
    customfield_3: { type: "text", value: " 12.5 " },
    customfield_4: { type: "text", value: "2026-03-31" },
    customfield_5: { type: "text", value: "2026-03-31T14:05" },
    customfield_6: { type: "ids", ids: ["20001"] },
    customfield_7: { type: "ids", ids: ["20003", "20000"] },
    customfield_8: { type: "labels", labels: ["email", "vpn"] },
    customfield_9: { type: "users", users: [{ name: "jane", displayName: "Jane Doe" }] },
    customfield_10: {
      type: "users",
      users: [
        { name: "john", displayName: "John Smith" },
        { name: "jane", displayName: "Jane Doe" },
      ],
    },
  };

  it("writes each kind as Jira's create JSON takes it", () => {
    expect(fieldValuesToJira(everyKindScreen(), filled, { timeZone: fixedZone(120) })).toEqual({
      customfield_1: "REF-42",
      customfield_2: "  line one\nline two\n",
      customfield_3: 12.5,
      customfield_4: "2026-03-31",
      customfield_5: "2026-03-31T14:05:00.000+0200",
      customfield_6: { id: "20001" },
      customfield_7: [{ id: "20003" }, { id: "20000" }],
      customfield_8: ["email", "vpn"],
      customfield_9: { name: "jane" },
      customfield_10: [{ name: "john" }, { name: "jane" }],
    });
  });

  it("writes the system fields: priority and security by id, components and versions as lists", () => {
    const screen = createScreenOf([
      ...simulatorCreateMeta("SUP", ISSUE_TYPE_IDS.bug),
      systemField(
        "security",
        "Security Level",
        { type: "securitylevel" },
        { allowedValues: [{ id: "10100", name: "Internal" }] }
      ),
    ]);
    const values: FieldFormValues = {
      priority: { type: "ids", ids: ["2"] },
      components: { type: "ids", ids: ["10001", "10002"] },
      versions: { type: "ids", ids: ["10000"] },
      fixVersions: { type: "ids", ids: ["10001"] },
      labels: { type: "labels", labels: ["outage"] },
      assignee: { type: "users", users: [{ name: "john", displayName: "John Smith" }] },
      environment: { type: "text", value: "Windows 11" },
      security: { type: "ids", ids: ["10100"] },
      [CUSTOM_FIELD_IDS.affectedSystems]: { type: "ids", ids: ["10211"] },
    };
    expect(fieldValuesToJira(screen, values)).toEqual({
      priority: { id: "2" },
      components: [{ id: "10001" }, { id: "10002" }],
      versions: [{ id: "10000" }],
      fixVersions: [{ id: "10001" }],
      labels: ["outage"],
      assignee: { name: "john" },
      environment: "Windows 11",
      security: { id: "10100" },
      [CUSTOM_FIELD_IDS.affectedSystems]: [{ id: "10211" }],
    });
  });

  it("sends a date-time with the zone's offset west of UTC and at half hours", () => {
    const screen = everyKindScreen();
    const started = { customfield_5: { type: "text" as const, value: "2026-12-01T09:30:15" } };
    expect(fieldValuesToJira(screen, started, { timeZone: fixedZone(-300) })).toEqual({
      customfield_5: "2026-12-01T09:30:15.000-0500",
    });
    expect(fieldValuesToJira(screen, started, { timeZone: fixedZone(330) })).toEqual({
      customfield_5: "2026-12-01T09:30:15.000+0530",
    });
    expect(fieldValuesToJira(screen, started, { timeZone: fixedZone(0) })).toEqual({
      customfield_5: "2026-12-01T09:30:15.000+0000",
    });
  });

  it("sends the instant this computer's zone gives the typed wall-clock time", () => {
    const sent = fieldValuesToJira(everyKindScreen(), {
      customfield_5: { type: "text", value: "2026-07-15T08:45" },
    }).customfield_5 as string;
    expect(sent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
    const asIso = sent.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
    expect(new Date(asIso).getTime()).toBe(new Date(2026, 6, 15, 8, 45).getTime());
  });

  it("leaves out empty values, options no longer offered and values of another shape", () => {
    expect(
      fieldValuesToJira(everyKindScreen(), {
        customfield_1: { type: "text", value: "   " },
        customfield_2: { type: "text", value: "" },
        customfield_6: { type: "ids", ids: ["99999"] },
        customfield_7: { type: "ids", ids: ["99999", "20002", "20002"] },
        customfield_8: { type: "labels", labels: [] },
        customfield_9: { type: "users", users: [] },
        customfield_3: { type: "ids", ids: ["20000"] },
        customfield_404: { type: "text", value: "not on this screen" },
      })
    ).toEqual({ customfield_7: [{ id: "20002" }] });
  });

  it("sends the first choice of a single select and the first user of a user field", () => {
    expect(
      fieldValuesToJira(everyKindScreen(), {
        customfield_6: { type: "ids", ids: ["20002", "20001"] },
        customfield_9: {
          type: "users",
          users: [
            { name: "john", displayName: "John Smith" },
            { name: "jane", displayName: "Jane Doe" },
          ],
        },
      })
    ).toEqual({ customfield_6: { id: "20002" }, customfield_9: { name: "john" } });
  });

  it("never sends a field the screen doesn't list, nor the form's own fields", () => {
    const screen = createScreenOf([
      systemField("summary", "Summary", { type: "string" }, { required: true }),
    ]);
    expect(
      fieldValuesToJira(screen, {
        summary: { type: "text", value: "from the values" },
        reporter: { type: "users", users: [{ name: "admin", displayName: "Admin" }] },
      })
    ).toEqual({});
  });
});
