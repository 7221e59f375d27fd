#!/usr/bin/env sh
# The whole journey on the shipped level-2 example, in a scratch copy (demo/, or $DEMO_DIR):
# keys for both representatives, both sign-offs, a clean check, the fee, a signed pack, and the
# assessor's verification.
set -eu
cd "$(dirname "$0")/.."
out="${DEMO_DIR:-demo}"
svmc() { node bin/svmc.js "$@"; }

rm -rf "$out"
mkdir -p "$out"
cp -R examples/level-2 "$out/application"

svmc keygen --as lead --no-passphrase --out "$out/keys/lead.key" --register --dir "$out/application"
svmc keygen --as senior --no-passphrase --out "$out/keys/senior.key" --register --dir "$out/application"
svmc sign --as lead --key "$out/keys/lead.key" --dir "$out/application"
SVMC_SIGNING_KEY="$(cat "$out/keys/senior.key")" svmc sign --as senior --dir "$out/application"
svmc check "$out/application"
svmc fee --dir "$out/application"
svmc pack "$out/application" --out "$out/level-2.zip"
svmc verify "$out/level-2.zip"
echo "Pack written to $out/level-2.zip"
