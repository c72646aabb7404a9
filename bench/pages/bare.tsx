/**
 * The baseline page of "pane interactive": React and a FluentProvider rendering one line of text,
 * built by the same webpack rules as the pane. Whatever the pane takes beyond this page is the
 * add-in's own cost (Office start-up, configuration, Jira requests, its code).
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (!container) throw new Error("bare.html has no #root element.");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Text data-testid="bare-hello">Hello</Text>
  </FluentProvider>
);
