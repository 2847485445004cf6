#!/usr/bin/env bash
# Makes a local base image for Dockerfile.jvm where no image registry can be reached: Debian bookworm (minbase)
# with openjdk-17-jre-headless, made by debootstrap from the machine's own apt mirror and imported into the
# running Docker engine. Cached: an image the engine already has is reused; otherwise a complete root file system
# under $SG_BASE_CACHE (default /var/cache/servicegroups) is imported again; only if neither exists does
# debootstrap run (a few minutes, ~400 MB). Needs root and a running engine. Prints the image name on stdout.
#   SG_BASE_IMAGE  image name (default servicegroups/debian-openjdk17:bookworm)
#   SG_BASE_CACHE  cache directory (default /var/cache/servicegroups); keep it outside the repository
#   SG_APT_MIRROR  Debian mirror (default: the bookworm entry of /etc/apt/sources.list[.d])
set -euo pipefail

image=${SG_BASE_IMAGE:-servicegroups/debian-openjdk17:bookworm}
cache=${SG_BASE_CACHE:-/var/cache/servicegroups}
rootfs=$cache/debian-openjdk17-bookworm
log() { echo "container-base: $*" >&2; }

# The first "deb" source for suite bookworm in the machine's apt configuration (one-line and deb822 formats).
apt_mirror() {
  local files=()
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  awk '
    function reset() { types = ""; uris = ""; suites = ""; enabled = "yes" }
    function check() {
      if (!found && enabled != "no" && types ~ /[ \t]deb([ \t]|$)/ && suites ~ /[ \t]bookworm([ \t]|$)/ && uris != "") {
        print uris; found = 1
      }
    }
    FNR == 1 { check(); reset() }
    found { next }
    FILENAME ~ /\.list$/ && $1 == "deb" {
      line = $0; sub(/\[[^]]*\]/, "", line); split(line, f, /[ \t]+/)
      if (f[3] == "bookworm") { print f[2]; found = 1 }
      next
    }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[ \t]*$/) { check(); reset(); next }
      key = tolower($1)
      if (key == "types:") types = $0
      if (key == "uris:") uris = $2
      if (key == "suites:") suites = $0
      if (key == "enabled:") enabled = tolower($2)
    }
    END { check() }
  ' "${files[@]}"
}

if docker image inspect "$image" >/dev/null 2>&1; then
  log "reusing the base image $image"
  echo "$image"
  exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9   # one build at a time; a second caller waits and then finds the result
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

if [[ ! -f $rootfs.complete ]]; then
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2
  fi
  mirror=${SG_APT_MIRROR:-$(apt_mirror || true)}
  if [[ -z $mirror ]]; then
    mirror=http://deb.debian.org/debian
    log "no bookworm source in /etc/apt; using $mirror"
  fi
  log "debootstrap bookworm from $mirror into $rootfs (a few minutes; log: $cache/debootstrap.log)"
  rm -rf "$rootfs"
  if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
      bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1; then
    log "debootstrap failed; the end of its log:"
    tail -n 30 "$cache/debootstrap.log" >&2
    exit 1
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  touch "$rootfs.complete"
fi

log "importing $rootfs as $image"
tar --numeric-owner -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  - "$image" >/dev/null
echo "$image"
