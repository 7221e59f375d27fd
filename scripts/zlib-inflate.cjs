const { inflateRawSync } = require('node:zlib');

// Stands in for tiny-inflate in the summary worker's bundle, with its contract: inflates raw
// DEFLATE `source` into `dest`, returning `dest`, or the part of it filled when the data is shorter.
module.exports = function inflate(source, dest) {
  const inflated = inflateRawSync(source);
  dest.set(inflated);
  return inflated.length < dest.length ? dest.slice(0, inflated.length) : dest;
};
