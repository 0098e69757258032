#!/usr/bin/env bash
# Under CI (CI=true) the real-server conformance suite must have RUN: this fails the build when Failsafe's
# summary says no IT completed, or any was skipped (an assumption, @Disabled, a missing server...), naming
# the count. Run by the Maven build in the `verify` phase after Failsafe (profile `ci`, active when CI=true);
# --skip-if=true (from -DskipITs / -DskipTests / -Dmaven.test.skip) turns it off, as those flags are an
# explicit choice.
#   src/test/mastra-server/check-its-ran.sh target/failsafe-reports/failsafe-summary.xml
set -euo pipefail
summary=""
for arg in "$@"; do
  case "$arg" in
    --skip-if=true) echo "check-its-ran: ITs skipped on request (-DskipITs/-DskipTests), not checked"; exit 0 ;;
    --skip-if=*) ;;
    *) summary="$arg" ;;
  esac
done
[ -n "$summary" ] || { echo "usage: $0 FAILSAFE_SUMMARY_XML" >&2; exit 2; }
if [ ! -f "$summary" ]; then
  echo "######## ERROR: CI=true but there is no Failsafe summary ($summary): the real-server conformance tests did not run ########" >&2
  exit 1
fi
count() { sed -n "s:.*<$1>\([0-9]*\)</$1>.*:\1:p" "$summary"; }
completed="$(count completed)"
skipped="$(count skipped)"
completed="${completed:-0}"
skipped="${skipped:-0}"
echo "check-its-ran: real-server conformance tests: $completed run, $skipped skipped"
if [ "$completed" -eq 0 ] || [ "$skipped" -ne 0 ]; then
  echo "######## ERROR: CI=true but the real-server conformance suite ran $completed tests and SKIPPED $skipped" \
    "(see the SKIPPED/CANNOT RUN messages above and target/failsafe-reports): CI must run every IT ########" >&2
  exit 1
fi
