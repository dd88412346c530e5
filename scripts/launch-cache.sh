# Sourced by scripts/gridstack and, from the repository's build, scripts/gridstack-node: what a launch makes once
# per build (in plugin/target/launch-cache) so that every later fresh JVM starts seconds sooner. Each is made under
# a lock by one launch; launches meanwhile, and any launch for which making one failed, run without it, as before.
# GRIDSTACK_LAUNCH_CACHE=off leaves both out.
#
# 1. ImageJ's jar with ij1-patcher's headless patches applied (HeadlessImageJJar), used in place of ij.jar, so no
#    -javaagent patches ImageJ's classes with Javassist at every start (2.5 s of a fresh JVM on a 2-core machine).
# 2. A class-data-sharing archive (JDK CDS) of the classes a run loads, recorded by running LauncherTraining under
#    -XX:ArchiveClassesAtExit: later JVMs map it instead of finding, reading and verifying thousands of classes
#    (the embedded Ignite node starts in about half the time). A JVM that cannot map it (another heap mode, say)
#    runs without it, silently. The file name hashes the java binary and every jar on the class path.

launch_cache_on() {
  [[ "${GRIDSTACK_LAUNCH_CACHE:-on}" != "off" ]] && command -v flock >/dev/null 2>&1
}

# Makes $1 unless it is there: runs "${@:2}" PARTIAL under the cache folder's lock (PARTIAL: a file beside $1 that
# the command writes) and moves PARTIAL to $1 when the command succeeds. If another launch holds the lock, or the
# command fails, $1 stays absent and the caller runs without it.
make_once() {
  local out="$1" dir
  shift
  dir="$(dirname "$out")"
  [[ -s "$out" ]] && return 0
  mkdir -p "$dir" 2>/dev/null || return 0
  (
    flock -n 9 || exit 0
    [[ -s "$out" ]] && exit 0
    partial="$out.partial.$$"
    if "$@" "$partial" >/dev/null 2>&1; then mv -f "$partial" "$out"; fi
    rm -f "$partial"
  ) 9>"$dir/.lock" || true
}

write_headless_imagej_jar() { # classpath flags_file ij_jar partial
  java @"$2" -Djava.awt.headless=true -cp "$1" org.gridstack.plugin.ij1.HeadlessImageJJar "$3" "$4"
}

# Prints the headless ImageJ jar for $ij_jar, making it first if needed; prints nothing if it cannot.
headless_imagej_jar() {
  local ij_jar="$1" classpath="$2" dir="$3" flags_file="$4"
  launch_cache_on || return 0
  local out="$dir/$(basename "$ij_jar" .jar)-headless.jar"
  [[ "$out" -ot "$ij_jar" ]] && rm -f "$out"
  make_once "$out" write_headless_imagej_jar "$classpath" "$flags_file" "$ij_jar"
  [[ -s "$out" ]] && echo "$out"
  return 0
}

record_class_archive() { # classpath flags_file training_jvm_options... partial
  local classpath="$1" flags_file="$2" partial="${*: -1}"
  local options=("${@:3:$#-3}")
  rm -f "$(dirname "$partial")"/classes-*.jsa
  java @"$flags_file" -Xmx1g -XX:ArchiveClassesAtExit="$partial" -Xlog:cds*=off -Xlog:class+path=off \
    -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true "${options[@]}" -cp "$classpath" \
    org.gridstack.plugin.ij1.LauncherTraining || return 1
  # a JVM aborts on an archive cut short, so it is tried once before any launch relies on it
  java @"$flags_file" -XX:SharedArchiveFile="$partial" -Xlog:cds*=off -Xlog:class+path=off -cp "$classpath" -version
}

# Prints the JVM options that map the class archive for $classpath (explicit jars, ':'-separated), recording it
# first if needed, in a JVM that also gets the options after the third argument; prints nothing if it cannot.
class_archive_options() {
  local classpath="$1" dir="$2" flags_file="$3"
  shift 3
  launch_cache_on || return 0
  local java_bin key archive
  java_bin="$(readlink -f "$(command -v java)")"
  key="$({ stat -c '%n %s %Y' "$java_bin"; tr ':' '\n' <<<"$classpath" | xargs -d '\n' stat -c '%n %s %Y'; } | sha1sum | cut -c 1-16)"
  archive="$dir/classes-$key.jsa"
  make_once "$archive" record_class_archive "$classpath" "$flags_file" "$@"
  [[ -s "$archive" ]] && echo "-XX:SharedArchiveFile=$archive -Xlog:cds*=off -Xlog:class+path=off"
  return 0
}

# For a launch from the repository's build: sets `classpath` to the plugin jar $2 and every jar of $1/dependency,
# in a fixed order (the class archive is valid only for the class path it was recorded with), with ImageJ's jar
# replaced by the headless one; `archive_options` to the options that map the class archive; and
# `headless_imagej` to 1 when ImageJ is pre-patched (else the caller decides how ImageJ gets patched).
prepare_launch() {
  local target="$1" plugin_jar="$2" flags_file="$3" plugins_dir="$4"
  local cache="$target/launch-cache" ij_jar headless_ij jar
  ij_jar="$(ls "$target"/dependency/ij-[0-9]*.jar | head -n 1)"
  classpath="$plugin_jar"
  for jar in "$target"/dependency/*.jar; do classpath+=":$jar"; done
  archive_options=""
  headless_imagej=0
  # the training run is a macro of Grid Stack's commands: ImageJ finds them in its plugins folder
  mkdir -p "$plugins_dir"
  ln -sf "$plugin_jar" "$plugins_dir/$(basename "$plugin_jar")"
  headless_ij="$(headless_imagej_jar "$ij_jar" "$classpath" "$cache" "$flags_file")"
  [[ -n "$headless_ij" ]] || return 0
  classpath="${classpath/"$ij_jar"/"$headless_ij"}"
  headless_imagej=1
  archive_options="$(class_archive_options "$classpath" "$cache" "$flags_file" -Dplugins.dir="$plugins_dir")"
}
