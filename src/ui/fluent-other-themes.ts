/**
 * Fluent's dark and high-contrast themes, a chunk of their own (fluent-theme.ts loads it): Fluent
 * computes each theme's hundreds of tokens when its module is evaluated, which cost the pane ~10 ms
 * of a slow CPU at every start for themes most users never see (docs/performance.md).
 */
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
