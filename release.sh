#!/usr/bin/env bash
# Builds a release from a tag: ./release.sh v0.9.0 [more Maven arguments]
#
# Run it on a clean checkout of the tag (git checkout v0.9.0). It builds every module at the tag's
# version with every check and test (./mvnw -B verify), builds the service images as tarballs with
# Jib, and collects into target/release/:
#   jars/     each runnable jar, named <name>-<version>.jar
#   images/   each image tarball (okr-ledger/<module>:<version>), <module>-<version>-image.tar
#   sbom/     each runnable module's CycloneDX SBOM, <module>-<version>.cdx.json (also inside its
#             jar and image at META-INF/sbom/application.cdx.json)
#   LICENSE, NOTICE, CHANGELOG.md, SHA256SUMS (sha256sum -c SHA256SUMS checks them)
#
# More Maven arguments go to the build, e.g. -Plocal-base-image for images on the offline base image
# (docs/deployment.md), or -DskipTests to try the script without the tests.
set -euo pipefail
cd "$(dirname "$0")"

tag="${1:-}"
if [[ ! "$tag" =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?)$ ]]; then
    echo "usage: ./release.sh vMAJOR.MINOR.PATCH [maven arguments]   (e.g. ./release.sh v0.9.0)" >&2
    exit 2
fi
version="${BASH_REMATCH[1]}"
shift

if ! git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
    echo "release: no tag $tag" >&2
    exit 1
fi
if [ "$(git rev-parse HEAD)" != "$(git rev-parse "$tag^{commit}")" ]; then
    echo "release: HEAD is not $tag; run 'git checkout $tag' first" >&2
    exit 1
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "release: the work tree has changes; a release is built from the tag as committed" >&2
    exit 1
fi
if ! grep -q "^## \[$version\]" CHANGELOG.md; then
    echo "release: warning: CHANGELOG.md has no section '## [$version]'" >&2
fi

# every module's target/ goes, the root's stays: it holds the offline base image (-Plocal-base-image)
./mvnw -B -q -Drevision="$version" clean -pl '!:okr-ledger'
./mvnw -B -Drevision="$version" "$@" verify jib:buildTar

out=target/release
rm -rf "$out"
mkdir -p "$out/jars" "$out/images" "$out/sbom"

# a runnable module is one that makes an SBOM (CONTRIBUTING.md, "CycloneDX"); its runnable jar is the
# one Spring Boot repackaged (BOOT-INF/ inside)
while IFS= read -r sbom; do
    target="${sbom%/classes/META-INF/sbom/application.cdx.json}"
    module="${target%/target}"
    module="${module#./}"
    name="$(basename "$module")"
    cp "$sbom" "$out/sbom/$name-$version.cdx.json"
    for jar in "$target"/*.jar; do
        if unzip -l "$jar" 'BOOT-INF/lib/*' >/dev/null 2>&1; then
            base="$(basename "$jar" .jar)"
            base="${base%-exec}"
            base="${base%-$version}"
            cp "$jar" "$out/jars/$base-$version.jar"
        fi
    done
    if [ -f "$target/jib-image.tar" ]; then
        cp "$target/jib-image.tar" "$out/images/$name-$version-image.tar"
    fi
done < <(find . -path '*/target/classes/META-INF/sbom/application.cdx.json' -not -path './target/*' | sort)

cp LICENSE NOTICE CHANGELOG.md "$out/"
(cd "$out" && find . -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS)

echo
echo "release $version in $out:"
(cd "$out" && find . -type f -printf '%P\t%s bytes\n' | sort)
