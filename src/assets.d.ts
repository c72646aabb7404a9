// Images imported by components are bundled by webpack (inlined when small): the import is a URL.
declare module "*.png" {
  const url: string;
  export default url;
}
