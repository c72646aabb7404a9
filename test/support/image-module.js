// Jest stand-in for webpack's image modules: an import of a .png is its URL.
module.exports = "test-image.png";
