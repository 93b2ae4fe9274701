# launch-render in a small image: the command line, and the Argo CD Config Management Plugin
# sidecar of plugins/argocd (launch-render-cmp and plugin.yaml, run as uid 999).
#   docker build -t launch-render .
#   docker run --rm -i launch-render - < values.yaml          # render from standard input
#   docker run --rm -v "$PWD:/work" -w /work launch-render validate . --summary

# Build stage: the Debian packages of the Makefile's DEBS list (make deps), then the release
# preset; the binary is linked statically, so nothing else is needed at run time.
FROM debian:bookworm AS build
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends make \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile ./
RUN make deps && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake --preset release \
 && cmake --build --preset release --target launch-render -j "$(nproc)" \
 && strip build-release/launch-render \
 && if ldd build-release/launch-render > /dev/null 2>&1; then echo "launch-render is not static" >&2; exit 1; fi \
 && build-release/launch-render examples/quickstart/values.yaml > /dev/null

FROM debian:bookworm-slim
RUN useradd --uid 999 --user-group --create-home --home-dir /home/argocd --shell /bin/sh argocd
COPY --from=build /src/build-release/launch-render /usr/local/bin/launch-render
COPY plugins/argocd/launch-render-cmp.sh /usr/local/bin/launch-render-cmp
COPY plugins/argocd/plugin.yaml /home/argocd/cmp-server/config/plugin.yaml
COPY completion/launch-render.bash /usr/share/bash-completion/completions/launch-render
RUN chmod 0755 /usr/local/bin/launch-render-cmp \
 && chmod 0644 /home/argocd/cmp-server/config/plugin.yaml /usr/share/bash-completion/completions/launch-render
USER 999
WORKDIR /home/argocd
ENTRYPOINT ["launch-render"]
CMD ["--help"]
