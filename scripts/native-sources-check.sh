#!/usr/bin/env bash
# Checks the native build as far as it goes without GraalVM/Mandrel: runs Quarkus' native build steps with
# quarkus.native.sources-only=true (every extension's native processing; a build step that fails for native
# fails here), then checks the generated native-image configuration with scripts/native/NativeReflectionCheck.java
# (every class of ours bound to JSON registered for reflection, the PostgreSQL binaries included as a resource),
# and that this check fails when one registration is missing.
# The build runs in a copy of the sources under target/native-check, so api/target/quarkus-app stays as it is.
# Left behind for inspection: target/native-check/api/target/native-sources (the runner jar, lib/,
# native-image.args, graalvm.version); what GraalVM itself would report (analysis, class initialisation at
# build time) is only found by a real native-image run, see README.
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/native-check
sources=$work/api/target/native-sources
rm -rf "$work"
mkdir -p "$work"
# The repository's files as they are in the working tree (tracked and new, not ignored ones).
git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e $f ]] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$work"

echo "native-sources-check: Quarkus native build steps (sources only, no GraalVM) in $work"
if ! (cd "$work" && ./mvnw -B package -pl api -am -Dmaven.test.skip=true -Dquarkus.native.enabled=true \
    -Dquarkus.native.sources-only=true -Dquarkus.package.jar.enabled=false >build.log 2>&1); then
  grep -E '\[(ERROR|WARNING)\]' "$work/build.log" | head -n 60 >&2
  echo "native-sources-check: FAILED: the native build steps failed (full log: $work/build.log)" >&2
  exit 1
fi
# Warnings of Quarkus' build steps (not Maven's own) are shown: they often name what native mode lacks.
grep -E '^\[WARNING\] \[io\.quarkus' "$work/build.log" || true
[[ -f $sources/native-image.args ]] || { echo "native-sources-check: FAILED: no $sources/native-image.args" >&2; exit 1; }

runner=$(ls "$sources"/*-runner.jar)
classpath="$sources/lib/*:$runner"
java -cp "$classpath" scripts/native/NativeReflectionCheck.java "$sources"
# The check must be able to fail: drop the envelope's registration and expect it to say so.
if java -cp "$classpath" scripts/native/NativeReflectionCheck.java "$sources" \
    --without io.servicegroups.api.envelope.Envelope 2>/dev/null; then
  echo "native-sources-check: FAILED: the reflection check passed with the envelope's registration removed" >&2
  exit 1
fi
echo "native-sources-check: passed (GraalVM $(cat "$sources/graalvm.version") expected; native sources in $sources)"
