# The two commands a newcomer needs: `make serve` and `make test`.
# Each target calls a script in scripts/ that says what it does.

.PHONY: serve test bench tools test-tools build fmt clippy unit wasm-test e2e

serve:            ## install what is missing, build, serve on http://127.0.0.1:8080
	@scripts/serve.sh

test:             ## install what is missing, then run every suite
	@scripts/test.sh

bench:            ## build the release app and measure it; writes bench/results.json
	@scripts/bench.sh

tools:            ## install the build tools only
	@scripts/install-build-tools.sh

test-tools:       ## install the build and test tools only
	@scripts/install-test-tools.sh
