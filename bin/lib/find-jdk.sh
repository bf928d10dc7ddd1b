# shellcheck shell=sh
# Finds a JDK 21 or newer and exports JAVA_HOME to it. Sourced by bin/heed, ./mvnw and .ci/run.
#
# Order: $JAVA_HOME when it is 21 or newer, then the newest JDK installed in the usual places
# (/usr/lib/jvm, /usr/java, /opt, /usr/local, SDKMAN, macOS), then the `java` on PATH.
# Prints why and returns 1 when none is found.

heed_jdk_major() {
  # $1: a JDK home. Sets heed_major to its major version, or to nothing. Reads the release file with the shell's
  # own `read` (no sed or subshell per JDK: this runs before every heed command, where each fork shows).
  heed_major=""
  if [ -f "$1/release" ]; then
    while IFS= read -r heed_line || [ -n "$heed_line" ]; do
      case $heed_line in
        JAVA_VERSION=\"*)
          heed_v=${heed_line#JAVA_VERSION=\"}; heed_v=${heed_v%%[!0-9]*}
          if [ "$heed_v" = "1" ]; then heed_v=8; fi
          [ -n "$heed_v" ] && { heed_major=$heed_v; return; }
          break ;;
      esac
    done < "$1/release"
  fi
  [ -x "$1/bin/java" ] || return 0
  heed_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
}

heed_use_jdk21() {
  case $- in *f*) heed_noglob=1; set +f ;; *) heed_noglob=0 ;; esac
  heed_find_jdk21; heed_rc=$?
  [ "$heed_noglob" = 1 ] && set -f
  return $heed_rc
}

heed_find_jdk21() {
  heed_min=21
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    heed_jdk_major "$JAVA_HOME"; m=$heed_major
    if [ -n "$m" ] && [ "$m" -ge "$heed_min" ]; then export JAVA_HOME; return 0; fi
    echo "heed: JAVA_HOME=$JAVA_HOME is Java ${m:-?}, older than $heed_min; looking for a newer JDK" >&2
  fi
  best=""; best_major=0
  for d in /usr/lib/jvm/* /usr/java/* /opt/*jdk* /opt/java/* /usr/local/*jdk* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] || continue
    heed_jdk_major "$d"; m=$heed_major
    [ -n "$m" ] || continue
    if [ "$m" -ge "$heed_min" ] && [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    heed_jdk_major "$d"; m=$heed_major
    if [ -n "$m" ] && [ "$m" -ge "$heed_min" ]; then best=$d; fi
  fi
  if [ -z "$best" ]; then
    echo "heed: no JDK $heed_min or newer found (looked at JAVA_HOME, /usr/lib/jvm, /usr/java, /opt, /usr/local, SDKMAN)." >&2
    echo "heed: install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
  return 0
}
