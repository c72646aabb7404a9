// The preview's webpack config imports `*.eml` with `asset/source`: the module is the file's text.
declare module "*.eml" {
  const source: string;
  export default source;
}
