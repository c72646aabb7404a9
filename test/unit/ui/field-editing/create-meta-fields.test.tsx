/**
 * The create-screen fields rendered to markup: each labelled with the field's name exactly
 * (required ones marked), the common and required ones first, the optional rest under "More
 * fields", the control of each kind, problems shown, and Jira's text shown as text only.
 */
import { CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import { CreateMetaFields } from "../../../../src/ui/field-editing/CreateMetaFields";
import type { CreateMetaFieldsProps } from "../../../../src/ui/field-editing/CreateMetaFields";
import type {
  CreateScreen,
  FieldFormValues,
} from "../../../../src/ui/field-editing/field-form-types";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import { initialFieldValues } from "../../../../src/ui/field-editing/field-values";
import {
  customField,
  everyKindScreen,
  options,
  serviceRequestScreen,
  simulatorCreateMeta,
} from "./create-meta-fixtures";
import {
  all,
  controlOf,
  fieldLabel,
  fieldOf,
  first,
  labelTexts,
  renderDocument,
} from "./render-markup";

const HOSTILE = '<img src=x onerror="alert(1)">';
const noop = () => undefined;

function render(props: Partial<CreateMetaFieldsProps> & { screen: CreateScreen }) {
  return renderDocument(
    <CreateMetaFields
      values={{}}
      problems={{}}
      disabled={false}
      onChange={noop}
      searchUsers={async () => []}
      {...props}
    />
  );
}

const moreFieldsButton = (doc: Document) => {
  const button = all(doc, "button").find(
    (candidate) => candidate.textContent?.trim() === "More fields"
  );
  if (!button) throw new Error("No More fields button");
  return button;
};

describe("CreateMetaFields on SUP / Service Request", () => {
  it("shows the required and common fields, labelled with their names, required ones marked", () => {
    const screen = serviceRequestScreen();
    const { doc } = render({ screen, values: initialFieldValues(screen) });

    expect(labelTexts(doc)).toEqual([
      "Customer Impact",
      "Priority",
      "Labels",
      "Due Date",
      "Assignee",
    ]);
    expect(fieldLabel(doc, "Customer Impact").innerHTML).toMatch(
      /<span aria-hidden="true"[^>]*>\*<\/span>/
    );
    expect(fieldLabel(doc, "Priority").innerHTML).not.toContain("*");
    expect(controlOf(doc, "Customer Impact").getAttribute("aria-required")).toBe("true");
    // Jira's default priority is chosen from the start.
    expect(controlOf(doc, "Priority").textContent).toContain("Medium");
  });

  it("keeps the optional rest under a collapsed More fields", () => {
    const { doc } = render({ screen: serviceRequestScreen() });
    const more = moreFieldsButton(doc);
    expect(more.getAttribute("aria-expanded")).toBe("false");
    for (const name of [
      "Affected Systems",
      "Customer Reference",
      "Incident Date",
      "Escalation Contact",
    ]) {
      expect(labelTexts(doc)).not.toContain(name);
    }
  });

  it("opens More fields while one of its fields has a problem, the problem shown on it", () => {
    const { doc } = render({
      screen: serviceRequestScreen(),
      values: { [CUSTOM_FIELD_IDS.incidentDate]: { type: "text", value: "2026-02-30" } },
      problems: { [CUSTOM_FIELD_IDS.incidentDate]: "Incident Date must be a date (YYYY-MM-DD)." },
    });
    expect(moreFieldsButton(doc).getAttribute("aria-expanded")).toBe("true");
    expect(labelTexts(doc)).toEqual(
      expect.arrayContaining([
        "Affected Systems",
        "Customer Reference",
        "Incident Date",
        "Escalation Contact",
      ])
    );
    const incident = fieldOf(doc, "Incident Date");
    expect(first(incident, '[role="alert"]')?.textContent).toBe(
      "Incident Date must be a date (YYYY-MM-DD)."
    );
    expect(controlOf(doc, "Incident Date").getAttribute("aria-invalid")).toBe("true");
  });

  it("says how many of the hidden fields are filled in", () => {
    const { doc } = render({
      screen: serviceRequestScreen(),
      values: {
        [CUSTOM_FIELD_IDS.customerReference]: { type: "text", value: "REF-1" },
        [CUSTOM_FIELD_IDS.affectedSystems]: { type: "ids", ids: ["10211"] },
        [CUSTOM_FIELD_IDS.incidentDate]: { type: "text", value: " " },
      },
    });
    expect(doc.body.textContent).toContain("2 of 4 filled in");
  });

  it("shows a required field's problem where it is", () => {
    const { doc } = render({
      screen: serviceRequestScreen(),
      problems: { [CUSTOM_FIELD_IDS.customerImpact]: "Choose a value for Customer Impact." },
    });
    expect(first(fieldOf(doc, "Customer Impact"), '[role="alert"]')?.textContent).toBe(
      "Choose a value for Customer Impact."
    );
    expect(moreFieldsButton(doc).getAttribute("aria-expanded")).toBe("false");
  });
});

describe("the editor of each kind", () => {
  const values: FieldFormValues = {
    customfield_1: { type: "text", value: "REF-42" },
    customfield_2: { type: "text", value: "Line one" },
    customfield_3: { type: "text", value: "1." },
    customfield_4: { type: "text", value: "2026-03-31" },
    customfield_5: { type: "text", value: "2026-03-31T14:05" },
    customfield_6: { type: "ids", ids: ["20001"] },
    customfield_7: { type: "ids", ids: ["20003"] },
    customfield_8: { type: "labels", labels: ["email", "vpn"] },
    customfield_9: { type: "users", users: [{ name: "jane", displayName: "Jane Doe" }] },
    customfield_10: { type: "users", users: [{ name: "john", displayName: "John Smith" }] },
  };

  it("renders the control each kind needs, with the value kept as typed", () => {
    const { doc } = render({ screen: everyKindScreen(true), values });

    const text = controlOf(doc, "Reference");
    expect([text.tagName, text.getAttribute("type"), text.getAttribute("value")]).toEqual([
      "INPUT",
      "text",
      "REF-42",
    ]);
    expect(controlOf(doc, "Notes").tagName).toBe("TEXTAREA");
    expect(controlOf(doc, "Notes").textContent).toBe("Line one");
    const number = controlOf(doc, "Affected Users");
    expect([number.getAttribute("inputmode"), number.getAttribute("value")]).toEqual([
      "decimal",
      "1.",
    ]);
    expect(controlOf(doc, "Incident Date").getAttribute("type")).toBe("date");
    expect(controlOf(doc, "Incident Date").getAttribute("value")).toBe("2026-03-31");
    expect(controlOf(doc, "Started").getAttribute("type")).toBe("datetime-local");

    // 3 options: a dropdown (a button combobox) showing the chosen option.
    const impact = controlOf(doc, "Impact");
    expect([impact.tagName, impact.getAttribute("role")]).toEqual(["BUTTON", "combobox"]);
    expect(impact.textContent).toContain("Option 2");

    // 8 options: a searchable multi-select, the chosen ones as removable tags.
    const systems = controlOf(doc, "Systems");
    expect([systems.tagName, systems.getAttribute("role")]).toEqual(["INPUT", "combobox"]);
    const systemTags = first(fieldOf(doc, "Systems"), '[aria-label="Systems chosen"]');
    expect((systemTags && first(systemTags, "button"))?.getAttribute("aria-label")).toBe(
      "Remove System 4"
    );

    // Labels: an input, the labels as removable tags, and how to add one.
    expect(controlOf(doc, "Tags").tagName).toBe("INPUT");
    const tags = all(fieldOf(doc, "Tags"), '[aria-label="Tags chosen"] button');
    expect([...tags].map((tag) => tag.getAttribute("aria-label"))).toEqual([
      "Remove email",
      "Remove vpn",
    ]);
    expect(fieldOf(doc, "Tags").textContent).toContain("Enter, a comma or a space adds the label.");

    // Users: a searching combobox showing display names.
    const contact = controlOf(doc, "Contact");
    expect([contact.getAttribute("role"), contact.getAttribute("value")]).toEqual([
      "combobox",
      "Jane Doe",
    ]);
    expect(first(fieldOf(doc, "Contact"), '[role="status"]')).not.toBeNull();
    const watchers = all(fieldOf(doc, "Watchers"), '[aria-label="Watchers chosen"] button');
    expect([...watchers].map((tag) => tag.textContent)).toEqual(["John Smith"]);
  });

  it("makes nothing editable while a create runs", () => {
    const { doc } = render({
      screen: everyKindScreen(true),
      values,
      disabled: true,
    });
    for (const name of [
      "Reference",
      "Notes",
      "Affected Users",
      "Incident Date",
      "Started",
      "Tags",
    ]) {
      expect(controlOf(doc, name).hasAttribute("readonly")).toBe(true);
    }
    for (const name of ["Impact", "Systems", "Contact", "Watchers"]) {
      expect(controlOf(doc, name).hasAttribute("disabled")).toBe(true);
    }
    expect(
      first(fieldOf(doc, "Tags"), '[aria-label="Tags chosen"] button')?.hasAttribute("disabled")
    ).toBe(true);
  });

  it("offers few choices of a multi-select as checkboxes, in a group named by the field", () => {
    const screen = createScreenOf(simulatorCreateMeta("SUP", ISSUE_TYPE_IDS.bug));
    const { doc } = render({
      screen,
      values: { components: { type: "ids", ids: ["10001"] } },
    });
    const group = controlOf(doc, "Component/s");
    expect(group.getAttribute("role")).toBe("group");
    const boxes = all(group, 'input[type="checkbox"]');
    expect(boxes.map((box) => first(doc, `label[for="${box.id}"]`)?.textContent)).toEqual([
      "Portal",
      "Network",
      "Billing",
    ]);
    expect(boxes.map((box) => box.hasAttribute("checked"))).toEqual([false, true, false]);
    expect(new Set(boxes.map((box) => box.id)).size).toBe(3);
  });

  it("offers None for an optional select without a default, and search above ten choices", () => {
    const screen = createScreenOf([
      customField(
        "customfield_1",
        "Short",
        "select",
        { type: "option" },
        { required: true, allowedValues: options(10) }
      ),
      customField(
        "customfield_2",
        "Long",
        "select",
        { type: "option" },
        { required: true, allowedValues: options(11) }
      ),
      {
        ...customField(
          "customfield_3",
          "Optional",
          "select",
          { type: "option" },
          { allowedValues: options(2) }
        ),
        required: true,
      },
    ]);
    const { doc } = render({ screen });
    expect(controlOf(doc, "Short").tagName).toBe("BUTTON");
    expect(controlOf(doc, "Short").textContent).toContain("Choose…");
    const long = controlOf(doc, "Long");
    expect([long.tagName, long.getAttribute("placeholder")]).toEqual(["INPUT", "Type to search"]);

    const optional = createScreenOf([
      customField(
        "customfield_4",
        "Channel",
        "select",
        { type: "option" },
        { allowedValues: options(2) }
      ),
      customField(
        "customfield_5",
        "Level",
        "select",
        { type: "option" },
        { allowedValues: options(2), hasDefaultValue: true }
      ),
    ]);
    optional.editable.forEach((editable) => (editable.prominent = true));
    const rendered = render({ screen: optional }).doc;
    expect(controlOf(rendered, "Channel").textContent).toContain("None");
    expect(controlOf(rendered, "Level").textContent).toContain("Choose…");
  });
});

describe("Jira's text", () => {
  it("is shown as text: field names, option values, user names, labels", () => {
    const screen = createScreenOf([
      customField(
        "customfield_1",
        HOSTILE,
        "select",
        { type: "option" },
        { required: true, allowedValues: [{ id: "1", value: HOSTILE }] }
      ),
      customField(
        "customfield_2",
        "Systems",
        "multiselect",
        { type: "array", items: "option" },
        { required: true, allowedValues: [{ id: "2", value: HOSTILE }] }
      ),
      customField("customfield_3", "Contact", "userpicker", { type: "user" }, { required: true }),
      customField(
        "customfield_4",
        "Tags",
        "labels",
        { type: "array", items: "string" },
        { required: true }
      ),
    ]);
    const { doc, html } = render({
      screen,
      values: {
        customfield_1: { type: "ids", ids: ["1"] },
        customfield_2: { type: "ids", ids: ["2"] },
        customfield_3: { type: "users", users: [{ name: "x", displayName: HOSTILE }] },
        customfield_4: { type: "labels", labels: [HOSTILE] },
      },
      problems: { customfield_1: `Choose a value for ${HOSTILE}.` },
    });
    expect(html).not.toContain("<img");
    expect(first(doc, "img")).toBeNull();
    expect(labelTexts(doc)).toContain(HOSTILE);
    expect(controlOf(doc, HOSTILE).textContent).toContain(HOSTILE);
    expect(controlOf(doc, "Contact").getAttribute("value")).toBe(HOSTILE);
    expect(first(fieldOf(doc, HOSTILE), '[role="alert"]')?.textContent).toBe(
      `Choose a value for ${HOSTILE}.`
    );
  });
});

describe("a screen without optional fields", () => {
  it("has no More fields", () => {
    const screen = createScreenOf([
      customField(
        "customfield_1",
        "Reference",
        "textfield",
        { type: "string" },
        { required: true }
      ),
    ]);
    const { doc } = render({ screen });
    expect(labelTexts(doc)).toEqual(["Reference"]);
    expect(doc.body.textContent).not.toContain("More fields");
  });
});
