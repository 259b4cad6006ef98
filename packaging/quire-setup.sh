#!/usr/bin/env bash
# Sets Quire up on Debian 12 and then runs it or its tests. Used by README.md and .ci/run.
#
#   bash packaging/quire-setup.sh run [QUIRE ARGUMENTS…]   install what is missing, build, launch
#   bash packaging/quire-setup.sh test                     install what is missing, build, run every test
#
# Installing needs root (or sudo); when every package is already there, nothing is installed and
# any user can run it. The build goes to ./build (QUIRE_BUILD_DIR to change it; ./build-USER when
# ./build belongs to someone else).
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test) shift ;;
  *) echo "usage: bash packaging/quire-setup.sh run|test [arguments]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
build=${QUIRE_BUILD_DIR:-build}
# A build folder made by another user (root, say) is not ours to write: use one of our own.
if [ -e "$build" ] && [ ! -w "$build" ]; then
  build="$build-$(id -un)"
fi

# Build tools and libraries, the Qt parts Quire uses, and the runtime bits the minimal Debian
# image lacks (WebEngine's helper process, Qt's platform and image format plugins, a font, the
# SVG icon engine, Node.js with KaTeX and highlight.js for rendering math and code).
packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-webengine-dev libqt6webenginecore6-bin qt6-qpa-plugins libqt6svg6
  # WebP (and TIFF) for QImage: the asset browser's thumbnails and the site's scaled copies.
  qt6-image-formats-plugins
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libmd4c-dev libmd4c-html0-dev libyaml-cpp-dev libtomlplusplus-dev libsqlite3-dev libxxhash-dev
  # The revisions dialog diffs words with dtl (header-only).
  libdtl-dev
  libhunspell-dev hunspell-en-us
  fonts-dejavu-core
  # Math and code for the site: KaTeX and highlight.js run in one Node.js worker process.
  nodejs libjs-katex libjs-highlight.js fonts-katex
  # Publishing to a git branch or with rsync (over ssh) runs these programs.
  git rsync openssh-client
)
# The tests also run the corpus generator from ../shared/bench, check the built site with HTML
# Tidy and xmllint, and build the Markdown export with Hugo.
[ "$mode" = test ] && packages+=(python3 tidy libxml2-utils hugo)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "quire-setup: installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUIRE_BUILD_TESTS=$([ "$mode" = test ] && echo ON || echo OFF) >/dev/null
cmake --build "$build" -j"$(nproc)"

if [ "$mode" = run ]; then
  exec "$build/app/quire" "$@"
fi

# Headless: Qt's offscreen platform renders widgets and WebEngine pages without a display.
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/quire-runtime.XXXXXX)}
chmod 0700 "$XDG_RUNTIME_DIR"
cd "$build"
ctest --output-on-failure --timeout 900
