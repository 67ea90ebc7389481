#!/usr/bin/env bash
# Makes the base of Cairn's container image without pulling anything: a Java runtime cut from the
# build's JDK with jlink, the shared libraries it and the native libraries in Cairn's jars need
# (found with ldd, copied from this machine), a passwd/group entry for the fixed non-root user, and
# the directories that are writable at run time. Packs it as a `docker save` tar that Jib reads
# as `tar://` base.
#
# usage: base-image.sh JAVA_HOME MODULES UID NATIVE_JAR_DIR OUT_DIR SOURCE_DIR
#   MODULES         comma-separated modules for jlink
#   UID             numeric uid and gid of the user the image runs as
#   NATIVE_JAR_DIR  jars whose linux-amd64 .so files are loaded at run time (Helm, JNA)
#   OUT_DIR         gets base-image.tar and base-image-libraries.txt
#   SOURCE_DIR      a directory of the Git working tree: its HEAD is the image's revision label
set -euo pipefail

if [[ $# -ne 6 ]]; then
  echo "usage: base-image.sh JAVA_HOME MODULES UID NATIVE_JAR_DIR OUT_DIR SOURCE_DIR" >&2
  exit 2
fi
java_home="$1" modules="$2" uid="$3" native_jars="$4" out="$5" sources="$6"

if [[ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]]; then
  echo "base-image.sh: the image is linux/amd64 and is made from this machine's JDK and C library," >&2
  echo "  so it is built on Linux x86_64 only (this is $(uname -s)/$(uname -m)). Build with -DskipImage." >&2
  exit 1
fi
for tool in ldd tar sha256sum unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "base-image.sh: '$tool' is needed and was not found" >&2; exit 1; }
done
if [[ ! -x "$java_home/bin/jlink" ]]; then
  # Maven's java.home is the JDK itself since Java 9; a JRE without jlink cannot make the runtime
  echo "base-image.sh: no jlink in $java_home/bin; build with a full JDK (openjdk-17-jdk-headless)" >&2
  exit 1
fi

# The git command, not a Maven plugin: it reads linked worktrees too.
if ! revision="$(git -C "$sources" rev-parse HEAD 2>/dev/null)"; then
  echo "base-image.sh: $sources is not in a Git working tree; the revision label says 'unknown'" >&2
  revision="unknown"
fi

work="$out/base-work"
rootfs="$work/rootfs"
rm -rf "$work" "$out/base-image.tar"
mkdir -p "$rootfs" "$work/native"

# The runtime: legal/ holds relative symlinks, so it is copied with them resolved.
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$work/jre"
mkdir -p "$rootfs/opt"
cp -rL "$work/jre" "$rootfs/opt/java"

for jar in "$native_jars"/*.jar; do
  unzip -q -o "$jar" 'helm-linux-amd64.so' 'com/sun/jna/linux-x86-64/*' -d "$work/native" 2>/dev/null || true
done
natives=("$work"/native/helm-linux-amd64.so "$work"/native/com/sun/jna/linux-x86-64/libjnidispatch.so)
for lib in "${natives[@]}"; do
  [[ -f "$lib" ]] || { echo "base-image.sh: $(basename "$lib") is in none of the jars in $native_jars" >&2; exit 1; }
done

# What is loaded in a headless JVM: the launcher, the VM and the runtime's libraries except the
# AWT/X11, sound, image and font ones (never loaded with java.awt.headless=true).
desktop='libawt_xawt|libfontmanager|libjavajpeg|libjawt|libjsound|liblcms|libmlib_image|libsplashscreen'
loaded=("$rootfs/opt/java/bin/java" "$rootfs/opt/java/lib/server/libjvm.so")
while IFS= read -r lib; do loaded+=("$lib"); done \
  < <(find "$rootfs/opt/java/lib" -maxdepth 1 -name '*.so' | grep -Ev "/($desktop)\.so$" | sort)
loaded+=("${natives[@]}")

ldd_out="$(ldd "${loaded[@]}")"
# "not found" is acceptable only for the runtime's own libraries, which the VM loads by full path.
missing="$(sed -n 's/^[[:space:]]*\([^[:space:]]*\) => not found$/\1/p' <<<"$ldd_out" | sort -u)"
for name in $missing; do
  if [[ ! -f "$rootfs/opt/java/lib/$name" && ! -f "$rootfs/opt/java/lib/server/$name" ]]; then
    echo "base-image.sh: ldd finds no $name on this machine" >&2
    exit 1
  fi
done
system_libs="$(sed -n 's/^.* => \(\/[^ ]*\) (0x.*$/\1/p; s/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\) (0x.*$/\1/p' <<<"$ldd_out" \
  | grep -v "^$rootfs" | grep -v '^/opt/java' | sort -u)"
if ! grep -q 'ld-linux' <<<"$system_libs"; then
  echo "base-image.sh: ldd named no dynamic loader for $rootfs/opt/java/bin/java" >&2
  exit 1
fi
for lib in $system_libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
printf '%s\n' $system_libs > "$out/base-image-libraries.txt"

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncairn:x:%s:%s:cairn:/tmp:/sbin/nologin\n' "$uid" "$uid" \
  > "$rootfs/etc/passwd"
printf 'root:x:0:\ncairn:x:%s:\n' "$uid" > "$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
find "$rootfs" -type d -exec chmod 755 {} +
find "$rootfs" -type f -exec chmod go-w {} +
chmod 1777 "$rootfs/tmp"
chmod 755 "$rootfs/data"

# One layer, reproducible: fixed order and times; root owns everything but the artifact storage.
layer="$work/layer.tar"
tar_flags=(--format=pax --sort=name --mtime=@0 --numeric-owner --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
(cd "$rootfs" && tar -cf "$layer" "${tar_flags[@]}" --owner=0 --group=0 --exclude=./data . \
  && tar -rf "$layer" "${tar_flags[@]}" --owner="$uid" --group="$uid" ./data)
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"

image="$work/image"
mkdir -p "$image"
mv "$layer" "$image/layer.tar"
cat > "$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$uid:$uid","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"],
   "Labels":{"org.opencontainers.image.revision":"$revision"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"base-image.sh: jlink runtime, system libraries, passwd"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["cairn-base:local"],"Layers":["layer.tar"]}]\n' \
  > "$image/manifest.json"
(cd "$image" && tar -cf "$out/base-image.tar" "${tar_flags[@]}" --owner=0 --group=0 \
  manifest.json config.json layer.tar)
rm -rf "$work"
echo "base-image.sh: $out/base-image.tar ($(du -h "$out/base-image.tar" | cut -f1), $(wc -l < "$out/base-image-libraries.txt") system libraries)"
