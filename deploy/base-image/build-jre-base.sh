#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a docker-archive tarball, from the local JDK only
# (jlink + the host's glibc/zlib/libstdc++ shared libraries + bash for health checks).
# No Docker daemon or registry access needed. Used for offline Jib builds:
#
#   deploy/base-image/build-jre-base.sh
#   mvn -B -pl command-service -am package jib:buildTar -DskipTests -Plocal-base-image
#
# Real builds keep eclipse-temurin:17-jre as their base (the default, without the profile).
# Needs: a glibc-based Linux host, a full JDK 17 (with jmods) on JAVA_HOME or PATH, GNU tar, sha256sum, ldd.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$repo_root/target/base-image/jre17-base.tar}"
tag="${BASE_IMAGE_TAG:-okr-ledger/jre-base:17}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.localedata,jdk.zipfs,jdk.charsets,jdk.jfr"

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp" "$rootfs/bin"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$rootfs/opt/java/openjdk"
# Debian-style JDKs symlink some files (cacerts, legal notices) outside the JDK: copy the targets in, drop dangling links.
find "$rootfs/opt/java/openjdk" -type l -exec sh -c 'echo "$1 $(readlink -e "$1" || true)"' _ {} \; > "$work/links"
while read -r link target; do
  rm "$link"
  if [ -n "$target" ]; then cp "$target" "$link"; fi
done < "$work/links"
cp -L /bin/bash "$rootfs/bin/bash"
ln -s bash "$rootfs/bin/sh"

# Shared libraries (and the dynamic loader) the JVM and bash link against, at the same paths as on the host.
# AWT/font libraries are skipped: the services run headless.
{
  echo "$rootfs/bin/bash"
  find "$rootfs/opt/java/openjdk" -type f \( -path '*/bin/*' -o -name '*.so' \) \
    ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' \
    ! -name 'libjsound.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so'
} | xargs ldd 2>/dev/null | grep -oE '(=> )?/[^ ]+ \(0x' | sed -E 's/^=> //; s/ \(0x$//' | sort -u |
  while read -r lib; do
    case "$lib" in "$rootfs"*) continue ;; esac
    cp -L --parents "$lib" "$rootfs/"
  done
for nss in /lib/*/libnss_files.so.2 /lib/*/libnss_dns.so.2 /lib64/libnss_files.so.2 /lib64/libnss_dns.so.2; do
  [ -e "$nss" ] && cp -L --parents "$nss" "$rootfs/"
done

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
chmod 1777 "$rootfs/tmp"
mkdir -p "$rootfs/root"

# docker-archive layout: manifest.json + config + one uncompressed layer (what `docker save` writes).
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
           "Cmd":["java","-version"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/base-image/build-jre-base.sh (jlink from $("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'))"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$tag" > "$work/manifest.json"

mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "wrote $out ($(du -h "$out" | cut -f1), $tag, linux/$arch)"
