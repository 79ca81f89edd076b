#!/bin/sh
# Runs the W3C conformance suites against a running OpenLER demo (./openler demo --https). See docs/w3c-conformance.md.
#   scripts/w3c/run-suites.sh [SUITE_DIR...]
# SUITE_DIR defaults to the suites checked out under $W3C_SUITES (default /work/w3c-suites): each needs `npm install`
# done once (their GitHub-only dependencies vc-test-suite-implementations and data-integrity-test-suite-assertion
# may be given as file: tarballs, see the doc). Writes <suite>/openler-results.json (mocha's json reporter) and prints
# passes/failures/pending per suite.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
W3C_SUITES=${W3C_SUITES:-/work/w3c-suites}
export OPENLER_URL=${OPENLER_URL:-https://localhost:8443}
export OPENLER_ORG=${OPENLER_ORG:-demo-university}
export OPENLER_CLIENT_ID=${OPENLER_CLIENT_ID:-demo-issuer}
export OPENLER_CLIENT_SECRET=${OPENLER_CLIENT_SECRET:-demo-issuer-secret}
if [ -z "${OPENLER_ISSUER_DID:-}" ]; then
  # the organization's did:key is its current Ed25519 key's Multikey value
  OPENLER_ISSUER_DID=$(curl -sk "$OPENLER_URL/orgs/$OPENLER_ORG/did.json" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const doc = JSON.parse(s);
      const vm = (doc.verificationMethod || []).find(m => (m.publicKeyMultibase || "").startsWith("z6Mk"));
      if(!vm) { process.exit(1); }
      console.log("did:key:" + vm.publicKeyMultibase);
    });')
  export OPENLER_ISSUER_DID
fi
echo "issuer $OPENLER_ISSUER_DID at $OPENLER_URL/orgs/$OPENLER_ORG" >&2
# the JCS verifier tests take their credential from the issuer named here
export ISSUER_NAME_JCS=OpenLER
[ $# -eq 0 ] && set -- "$W3C_SUITES/vc-data-model-2.0-test-suite" "$W3C_SUITES/vc-di-eddsa-test-suite" \
  "$W3C_SUITES/vc-bitstring-status-list-test-suite" "$W3C_SUITES/vc-api-issuer-test-suite" "$W3C_SUITES/vc-api-verifier-test-suite"
for suite in "$@"; do
  [ -d "$suite/node_modules" ] || { echo "skip $suite (no node_modules: run npm install there)" >&2; continue; }
  ln -sf "$HERE/localConfig.cjs" "$suite/localConfig.cjs"
  (cd "$suite" && npx mocha tests/ --timeout 15000 --preserve-symlinks --reporter json \
    > openler-results.json 2> openler-stderr.log || true)
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1] + "/openler-results.json", "utf8"));
    console.log(require("path").basename(process.argv[1]) + ": " + r.stats.tests + " tests, " + r.stats.passes +
      " passed, " + r.stats.failures + " failed, " + r.stats.pending + " pending");
    for(const f of r.failures) { console.log("  FAILED " + f.fullTitle); }' "$suite"
done
