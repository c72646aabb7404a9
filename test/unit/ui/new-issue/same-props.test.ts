/**
 * sameProps, the comparison of the form's memoized pickers: unchanged values, and lists built
 * again from the same items, need no new render; anything else does.
 */
import { sameProps } from "../../../../src/ui/new-issue/components/same-props";

const task = { id: "1", name: "Task" };
const bug = { id: "2", name: "Bug" };
const onChange = () => undefined;

describe("sameProps", () => {
  it("holds for the same values, and for lists of the same items in the same order", () => {
    expect(
      sameProps(
        { value: "SUP", disabled: false, onChange },
        { value: "SUP", disabled: false, onChange }
      )
    ).toBe(true);
    expect(sameProps({ items: [task, bug] }, { items: [task, bug] })).toBe(true);
    expect(sameProps({ items: undefined }, { items: undefined })).toBe(true);
    expect(sameProps({ value: Number.NaN }, { value: Number.NaN })).toBe(true);
  });

  it("fails for a changed value, a changed handler or a list that differs in any way", () => {
    expect(sameProps({ value: "SUP" }, { value: "OPS" })).toBe(false);
    expect(sameProps({ onChange }, { onChange: () => undefined })).toBe(false);
    expect(sameProps({ items: [task, bug] }, { items: [bug, task] })).toBe(false);
    expect(sameProps({ items: [task] }, { items: [task, bug] })).toBe(false);
    expect(sameProps({ items: [task] }, { items: [{ ...task }] })).toBe(false);
    expect(sameProps({ items: [task] }, { items: undefined })).toBe(false);
  });

  it("fails when a prop comes or goes", () => {
    expect(sameProps<{ problem?: string }>({}, { problem: "Choose a project." })).toBe(false);
    expect(sameProps<{ a?: number; b?: number }>({ a: undefined }, { b: 1 })).toBe(false);
  });
});
