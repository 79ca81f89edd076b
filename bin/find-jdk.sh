# Sourced (POSIX sh) by ./openler, ./mvnw and .ci/run: make JAVA_HOME point at a JDK 21 or newer.
# Looks at JAVA_HOME, then the javac on PATH, then /usr/lib/jvm/* and a few usual places;
# JAVA_HOME wins when it is new enough, otherwise the newest JDK found is used.
# Prints a clear message and returns 1 when there is none.

openler_java_major() { # $1 = a java binary; prints its feature version (17, 21, 25 ...)
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

openler_find_jdk() {
  openler_min=21
  openler_best=""
  openler_best_v=0
  openler_globbing_was_off=""
  case $- in *f*) openler_globbing_was_off=1; set +f ;; esac
  openler_path_jdk=""
  if command -v javac >/dev/null 2>&1; then
    openler_path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for openler_c in "${JAVA_HOME:-}" "$openler_path_jdk" /usr/lib/jvm/* /opt/java/* /opt/jdk* \
    "${HOME:-/nonexistent}"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$openler_c" ] && [ -x "$openler_c/bin/java" ] && [ -x "$openler_c/bin/javac" ] || continue
    openler_v=$(openler_java_major "$openler_c/bin/java")
    [ -n "$openler_v" ] && [ "$openler_v" -ge "$openler_min" ] || continue
    if [ "$openler_c" = "${JAVA_HOME:-}" ]; then openler_best=$openler_c; break; fi
    if [ "$openler_v" -gt "$openler_best_v" ]; then openler_best=$openler_c; openler_best_v=$openler_v; fi
  done
  [ -n "$openler_globbing_was_off" ] && set -f
  if [ -z "$openler_best" ]; then
    echo "OpenLER needs a JDK $openler_min or newer, and none was found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$openler_best
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
