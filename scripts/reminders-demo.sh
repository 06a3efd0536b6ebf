#!/usr/bin/env bash
# Reminder demo with short settings: MailDev (from npm) catches the mail, the application runs with
# tasks due the moment they are created and a sweep every 30 seconds, two units apply, and the
# digests, an escalation to supervision and an assignment notice arrive in the mail catcher.
#
#   scripts/reminders-demo.sh          # leaves both running; Ctrl-C stops them
#   scripts/reminders-demo.sh --stop   # prints what arrived, with figures, and stops
#
# Needs Java 17, Maven, Node.js/npm and curl. Everything listens on 127.0.0.1 only.
# Ports: PORT (8080), SMTP_PORT (1025), MAILDEV_PORT (1080).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in java mvn node npm curl; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool / $tool is missing: the demo needs Java 17, Maven, Node.js 18+, npm and curl" >&2; exit 1; }
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || { echo "MailDev needs Node.js 18 or newer; this is $(node -v)" >&2; exit 1; }

PORT=${PORT:-8080}
SMTP_PORT=${SMTP_PORT:-1025}
MAILDEV_PORT=${MAILDEV_PORT:-1080}
MAILDEV_VERSION=2.2.1
STOP=false
[ "${1:-}" = "--stop" ] && STOP=true
work=target/reminders-demo
mkdir -p "$work"

busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PORT" "$SMTP_PORT" "$MAILDEV_PORT"; do
  if busy "$port"; then
    echo "端口 $port 已被占用 / port $port is in use: stop what runs there or set PORT, SMTP_PORT, MAILDEV_PORT" >&2
    exit 1
  fi
done

pids=()
stop() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

# The mail catcher.
if [ ! -x "$work/maildev/node_modules/.bin/maildev" ]; then
  echo "Installing MailDev $MAILDEV_VERSION from npm into $work/maildev ..."
  npm install --silent --no-audit --no-fund --prefix "$work/maildev" "maildev@$MAILDEV_VERSION" >/dev/null
fi
"$work/maildev/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_PORT" \
  >"$work/maildev.log" 2>&1 &
pids+=($!)

# The application, built again when a source is newer than the jar.
jar=$(ls -t target/demonstration-units-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src bpmn forms pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building the application (mvn package, tests skipped) ..."
  mvn -B -q -DskipTests package
  jar=$(ls -t target/demonstration-units-*.jar | head -n 1)
fi
# Short settings: every task is due when created (service level 0 working days), overdue tasks
# are escalated at once, the sweep runs every 30 s, all day and (for a demo) on weekends too.
# The dev profile, the embedded database and no SMTP login whatever this shell has set for production.
started=$(date +%s)
MAIL_HOST=127.0.0.1 MAIL_PORT=$SMTP_PORT BASE_URL="http://localhost:$PORT" \
  java -jar "$jar" --spring.profiles.active=dev --spring.datasource.url= --spring.mail.username= --spring.mail.password= \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --app.service-levels.default-days=0 --app.service-levels.days.PreliminaryReview=0 \
  --app.reminders.sweep-cycle=R/PT30S --app.reminders.escalation-working-days=0 \
  --app.reminders.quiet-from=00:00 --app.reminders.quiet-until=00:00 \
  --app.reminders.on-non-working-days=true \
  >"$work/application.log" 2>&1 &
pids+=($!)

app="http://127.0.0.1:$PORT"
echo "Starting the application (log: $work/application.log) ..."
# Ready once the demo users exist: they are created after the web server already answers.
ready() { curl -fs -u unit1:demo "$app/engine-rest/process-definition/key/nomination" >/dev/null 2>&1; }
for _ in $(seq 1 180); do
  ready && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "The application stopped; see $work/application.log" >&2; exit 1; }
  sleep 1
done
ready || { echo "No answer from $app after 180 s; see $work/application.log" >&2; exit 1; }
echo "Application up after $(( $(date +%s) - started )) s."

json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);$1})"; }
year=$(TZ=Asia/Shanghai date +%Y)
apply() { # user campaign
  curl -fsS -u "$1:demo" -H 'Content-Type: application/json' \
    "$app/engine-rest/process-definition/key/nomination/submit-form" -d @- <<EOF | json 'console.log(j.id)'
{"variables": {
  "campaignCode": {"value": "$2"},
  "creationSummary": {"value": "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。"},
  "selfScore_leadership": {"value": 18}, "selfScore_consciousness": {"value": 22},
  "selfScore_exchange": {"value": 18}, "selfScore_publicity": {"value": 13},
  "selfScore_governance": {"value": 13}, "selfScore_achievement": {"value": 22},
  "attachments": {"value": "https://pan.example/materials/$1"}}}
EOF
}
applied=$(date +%s)
first=$(apply unit1 "$year-BANNER-150525")
apply unit3 "$year-BANNER-150522" >/dev/null
echo "unit1 (奈曼旗第一中学) and unit3 (甘旗卡第二小学) applied; both 属地初审 tasks are due at once."

# Somebody else assigning a task sends an assignment notice: the administrator gives the first review to prelim1.
task=$(curl -fsS -u admin:demo "$app/engine-rest/task?processInstanceId=$first" | json 'console.log(j[0].id)')
curl -fsS -u admin:demo -H 'Content-Type: application/json' "$app/engine-rest/task/$task/assignee" \
  -d '{"userId": "prelim1"}'
echo "admin assigned that review to prelim1. Waiting for the sweep (every 30 s) ..."

mails="http://127.0.0.1:$MAILDEV_PORT/email"
expected='["prelim1@demo.example","prelim2@demo.example","supervisor1@demo.example","supervisor2@demo.example"]'
for _ in $(seq 1 120); do
  complete=$(curl -fs "$mails" | json "const to=j.filter(m=>m.subject.includes('待办提醒')).map(m=>m.to[0].address);
    console.log($expected.every(a=>to.includes(a)))" || echo false)
  [ "$complete" = true ] && break
  sleep 1
done
arrived=$(date +%s)

echo
echo "Mail in MailDev ($mails):"
curl -fs "$mails" | json "j.forEach(m=>console.log('  '+m.to[0].address.padEnd(28)+m.subject))"
echo
curl -fs -u admin:demo "$app/actuator/reminders" | json "const r=j.lastRunOnThisNode;
  console.log(!r ? 'No sweep has run yet.' : 'Sweep at '+r.at+': '+r.tasks+' tasks, '+r.recipients+' recipients, '+
    r.digestsQueued+' digests queued, '+r.escalatedTasks+' escalated, '+r.millis+' ms')"
echo "From the applications to the last digest in MailDev: $(( arrived - applied )) s."
[ "$complete" = true ] || { echo "Not every expected digest arrived within 120 s; see $work/application.log" >&2; exit 1; }

if $STOP; then
  exit 0
fi
echo
echo "MailDev:  http://127.0.0.1:$MAILDEV_PORT/   (the digests, the escalations to supervisor1 and supervisor2, the assignment notice)"
echo "Tasklist: $app/camunda/app/tasklist/   (prelim1, prelim2, supervisor1, supervisor2, admin; password demo)"
echo "Ctrl-C stops both."
wait
