# Parallax: a static binary in an empty image.
#
#   docker build -t parallax .
#   docker run -p 50051:50051 parallax
#
# BUILDER_IMAGE must provide cargo and a C toolchain with static glibc (the official rust images
# do); CI substitutes a locally assembled image because no registry is reachable there.
ARG BUILDER_IMAGE=docker.io/library/rust:1.95.0-bookworm

FROM ${BUILDER_IMAGE} AS builder
WORKDIR /build
ENV CARGO_TERM_COLOR=never \
    RUSTFLAGS="-C target-feature=+crt-static"
# Dependencies first, in a layer of their own: it is rebuilt only when the manifest, the lock file
# or the protos change, not on every source change. Placeholder sources stand in for the crate.
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto ./proto
# Every [[bench]] of Cargo.toml needs a placeholder too, or cargo refuses the manifest.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN mkdir -p src benches \
    && echo '//! placeholder' > src/main.rs && echo 'fn main() {}' >> src/main.rs \
    && echo '//! placeholder' > src/lib.rs \
    && sed -n '/^\[\[bench\]\]/{n;s/^name = "\(.*\)"/\1/p}' Cargo.toml \
       | while read -r bench; do echo 'fn main() {}' > "benches/$bench.rs"; done \
    && cargo build --release --locked --target x86_64-unknown-linux-gnu \
    && rm -rf src benches
COPY src ./src
COPY benches ./benches
# The trained models and word lists, compiled into the binary.
COPY models ./models
# COPY keeps the sources' timestamps, which may be older than the placeholder build: touch them so
# cargo rebuilds the crate itself.
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked --target x86_64-unknown-linux-gnu --bin parallax \
    && cp target/x86_64-unknown-linux-gnu/release/parallax /parallax

FROM scratch
COPY --from=builder /parallax /parallax
# Any non-root uid works: the binary needs no files and no home directory.
USER 65532:65532
ENV PARALLAX_ADDR=0.0.0.0:50051 \
    PARALLAX_LOG_FORMAT=json
EXPOSE 50051
# `healthcheck` reads PARALLAX_ADDR and dials loopback when it names all interfaces.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/parallax", "healthcheck"]
ENTRYPOINT ["/parallax"]
CMD ["serve"]
