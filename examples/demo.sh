#!/usr/bin/env sh
# The whole journey on the shipped level-2 example, in a scratch copy under demo/:
# keys for both representatives, both sign-offs, a clean check, a signed pack, and the assessor's verify.
set -eu
cd "$(dirname "$0")/.."
svmc() { node bin/svmc.js "$@"; }

rm -rf demo
mkdir -p demo
cp -R examples/level-2 demo/application

svmc keygen --as lead --out demo/keys/lead.key --register --dir demo/application
svmc keygen --as senior --out demo/keys/senior.key --register --dir demo/application
svmc sign --as lead --key demo/keys/lead.key --dir demo/application
SVMC_SIGNING_KEY="$(cat demo/keys/senior.key)" svmc sign --as senior --dir demo/application
svmc check demo/application
svmc fee --dir demo/application
svmc pack demo/application --out demo/level-2.zip
svmc verify demo/level-2.zip
echo "Pack written to demo/level-2.zip"
