#!/usr/bin/env bash
# Runs the sample application under the dualwrite agent: it writes to an H2 "primary" only, the agent
# mirrors every write onto an H2 "secondary", and the sample then prints both side by side.
# Exit code: the sample's (0 when both databases are equal, 1 when they differ or something failed).
set -euo pipefail

cd "$(dirname "$0")"
agent_jar=agent/target/dualwrite-agent.jar
sample_jar=sample-target/target/sample-target.jar

# True when $1 is missing or older than any file under the other arguments.
is_stale() {
  local jar=$1
  shift
  [[ ! -f $jar ]] || [[ -n $(find "$@" -type f -newer "$jar" -print -quit) ]]
}

if is_stale "$agent_jar" pom.xml bootstrap/pom.xml bootstrap/src agent/pom.xml agent/src \
  || is_stale "$sample_jar" pom.xml sample-target/pom.xml sample-target/src; then
  echo "Building dualwrite (mvn package)..."
  mvn -B -q -DskipTests -pl bootstrap,agent,sample-target -am package
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dualwrite-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

# H2 records a database's admin user when it creates the file; the sample's demo connects as sa too.
cat > "$work/dualwrite.yaml" <<EOF
primary:
  url-pattern: "jdbc:h2:file:$work/primary*"
secondary:
  url: "jdbc:h2:file:$work/secondary"
  user: sa
writes:
  mode: sync
EOF

status=0
java -javaagent:"$agent_jar"=config="$work/dualwrite.yaml" -jar "$sample_jar" demo \
  --primary "jdbc:h2:file:$work/primary" --secondary "jdbc:h2:file:$work/secondary" || status=$?
exit "$status"
