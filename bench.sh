#!/usr/bin/env bash
# Benchmarks of what the agent costs the application (docs/benchmarks.md):
#   ./bench.sh side-by-side [options]   the load workload with no agent, the agent on a URL it does not follow,
#                                       the agent in sync and async mode, and a hand-written dual write;
#                                       --help lists the options, --quick is a short smoke run
#   ./bench.sh micro [--quick] [regex]  the JMH micro-benchmarks of the agent's hot paths
# Builds first; side-by-side needs PostgreSQL on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306 (or the
# DUALWRITE_IT_* variables of the integration tests).
set -euo pipefail

cd "$(dirname "$0")"
what=${1:-}
case $what in
  side-by-side) main=io.dualwrite.it.SideBySideBenchmark ;;
  micro) main=io.dualwrite.it.micro.MicroBenchmarks ;;
  *) echo "usage: ./bench.sh side-by-side [options] | ./bench.sh micro [--quick] [regex]" >&2; exit 2 ;;
esac
shift

echo "Building (mvn package)..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test -pl it -am

# Copies, so that a build running meanwhile cannot replace the jars under a benchmark.
work=it/target/bench
rm -rf "$work"
mkdir -p "$work/jars"
cp agent/target/dualwrite-agent.jar sample-target/target/sample-target.jar "$work/jars/"

exec java -cp "it/target/test-classes:$(cat it/target/test.classpath)" \
  -Ddualwrite.agent.jar="$work/jars/dualwrite-agent.jar" \
  -Ddualwrite.sample.jar="$work/jars/sample-target.jar" \
  -Ddualwrite.it.workdir="$work/runs" \
  "$main" "$@"
