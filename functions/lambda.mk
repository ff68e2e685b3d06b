# Builds one function module of the Maven reactor and lays out its shaded jar for Lambda.
# Called by each function's Makefile, which sam build runs in place (build_in_source).
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

lambda:
	cd "$(ROOT)" && mvn -B -q -pl functions/$(MODULE) -am -DskipTests -Dspotless.check.skip=true package
	cd "$(ARTIFACTS_DIR)" && jar xf "$(ROOT)/functions/$(MODULE)/target/function.jar"
