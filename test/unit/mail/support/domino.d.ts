// @mixmark-io/domino ships `declare module 'domino'` (its old name), which TypeScript can't use for
// an import of "@mixmark-io/domino". The part the tests use:
declare module "@mixmark-io/domino" {
  const domino: {
    /** Parses an HTML document as a browser's parser would; never runs scripts or loads resources. */
    createDocument(html?: string, force?: boolean): Document;
  };
  export default domino;
}
