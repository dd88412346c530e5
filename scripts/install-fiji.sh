#!/usr/bin/env bash
# Installs Grid Stack into an existing Fiji.app (one-time step; re-run after updating Grid Stack):
#   scripts/install-fiji.sh /path/to/Fiji.app
# - plugins/Grid_Stack-<version>.jar          (menus: Plugins > Grid Stack)
# - jars/ grid-stack-backend and every runtime dependency (Ignite, JTransforms, Jackson, zstd-jni, TwelveMonkeys'
#   TIFF reader, ...), each only if Fiji has no jar of that artifact already (at any version: Fiji's own wins, so
#   no second copy of a library ends up on its classpath)
# - config/gridstack/ignite-jvm-flags.txt     (the JVM options Ignite needs)
# - config/jaunch/fiji.toml: the options added to jvm.runtime-args, if this launcher config exists and
#   does not open the JDK's packages already. Fiji-Latest passes -Dscijava.app.unlock-modules=true, which
#   opens them all, so nothing needs to change there; Grid Stack checks at start and says what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fiji="${1:?usage: scripts/install-fiji.sh /path/to/Fiji.app}"
[[ -d "$fiji/jars" && -d "$fiji/plugins" ]] || { echo "install-fiji: $fiji is not a Fiji.app (no jars/ and plugins/)" >&2; exit 2; }
deps="$root/plugin/target/dependency"
plugin_jar="$(ls "$root"/plugin/target/Grid_Stack-*.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$plugin_jar" && -d "$deps" ]] || { echo "install-fiji: build first: mvn -q -DskipTests package" >&2; exit 2; }

rm -f "$fiji"/plugins/Grid_Stack-*.jar "$fiji"/jars/grid-stack-backend-*.jar
cp "$plugin_jar" "$fiji/plugins/"
for jar in "$deps"/*.jar; do
  name="$(basename "$jar")"
  artifact="${name%-[0-9]*}"
  # ImageJ, SciJava and ImgLib2 are Fiji itself (and the headless launcher's ImageJ pieces): never ours to install
  case "$artifact" in ij|ij1-patcher|javassist|classgraph|scijava-common|parsington|imglib2) continue ;; esac
  if ! ls "$fiji"/jars/"$artifact"-[0-9]*.jar "$fiji"/jars/*/"$artifact"-[0-9]*.jar >/dev/null 2>&1; then cp "$jar" "$fiji/jars/"; fi
done

mkdir -p "$fiji/config/gridstack"
cp "$root/scripts/ignite-jvm-flags.txt" "$fiji/config/gridstack/ignite-jvm-flags.txt"
toml="$fiji/config/jaunch/fiji.toml"
if [[ -f "$toml" ]] && ! grep -q 'scijava.app.unlock-modules=true' "$toml" && ! grep -q 'Grid Stack' "$toml"; then
  lines="    # Grid Stack: JVM options Apache Ignite needs"
  while read -r flag; do
    [[ -n "$flag" ]] && lines+=$'\n'"    'JAVA:9+|$flag',"
  done < "$root/scripts/ignite-jvm-flags.txt"
  awk -v add="$lines" '{ print } /^jvm\.runtime-args *= *\[/ && !done { print add; done = 1 }' "$toml" > "$toml.new"
  mv "$toml.new" "$toml"
  echo "install-fiji: added Ignite's JVM options to $toml"
fi
echo "install-fiji: Grid Stack installed into $fiji; restart Fiji and see Plugins > Grid Stack"
