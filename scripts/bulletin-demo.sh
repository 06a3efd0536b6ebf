#!/usr/bin/env bash
# Bulletin (通报) demo with short settings: MailDev (from npm) catches the mail, the application runs
# with tasks due the moment they are created and the bulletin's timer firing every 30 seconds from
# about three minutes after the start; two units apply, and each region's commission and leading
# group get one bulletin (HTML with the chart, the same as a PDF attachment) and no second one.
#
#   scripts/bulletin-demo.sh          # leaves both running; Ctrl-C stops them
#   scripts/bulletin-demo.sh --stop   # prints what arrived and stops
#
# Needs Java 17, Maven, Node.js/npm and curl. Everything listens on 127.0.0.1 only.
# Ports: PORT (8080), SMTP_PORT (1025), MAILDEV_PORT (1080).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in java mvn node npm curl; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool / $tool is missing: the demo needs Java 17, Maven, Node.js 18+, npm and curl" >&2; exit 1; }
done

PORT=${PORT:-8080}
SMTP_PORT=${SMTP_PORT:-1025}
MAILDEV_PORT=${MAILDEV_PORT:-1080}
MAILDEV_VERSION=2.2.1
FIRST_RUN_AFTER=${FIRST_RUN_AFTER:-180}
STOP=false
[ "${1:-}" = "--stop" ] && STOP=true
work=target/bulletin-demo
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

if [ ! -x "$work/maildev/node_modules/.bin/maildev" ]; then
  echo "Installing MailDev $MAILDEV_VERSION from npm into $work/maildev ..."
  npm install --silent --no-audit --no-fund --prefix "$work/maildev" "maildev@$MAILDEV_VERSION" >/dev/null
fi
"$work/maildev/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_PORT" \
  >"$work/maildev.log" 2>&1 &
pids+=($!)

jar=$(ls -t target/demonstration-units-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src bpmn forms pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building the application (mvn package, tests skipped) ..."
  mvn -B -q -DskipTests package
  jar=$(ls -t target/demonstration-units-*.jar | head -n 1)
fi
# Short settings: every task is due when created; the bulletin's timer first fires FIRST_RUN_AFTER
# seconds from now (time for the start and the applications), then every 30 s; one bulletin per
# recipient and day. The dev profile, the embedded database and no SMTP login whatever this shell has set.
first=$(date -u -d "+$FIRST_RUN_AFTER sec" +%Y-%m-%dT%H:%M:%SZ)
started=$(date +%s)
MAIL_HOST=127.0.0.1 MAIL_PORT=$SMTP_PORT BASE_URL="http://localhost:$PORT" \
  java -jar "$jar" --spring.profiles.active=dev --spring.datasource.url= --spring.mail.username= --spring.mail.password= \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --app.service-levels.default-days=0 --app.service-levels.days.PreliminaryReview=0 \
  --app.bulletin.cycle="R/$first/PT30S" --app.bulletin.period=DAY \
  >"$work/application.log" 2>&1 &
pids+=($!)

app="http://127.0.0.1:$PORT"
echo "Starting the application (log: $work/application.log); the first bulletin run is due at $first ..."
ready() { curl -fs -u unit1:demo "$app/engine-rest/process-definition/key/nomination" >/dev/null 2>&1; }
for _ in $(seq 1 180); do
  ready && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "The application stopped; see $work/application.log" >&2; exit 1; }
  sleep 1
done
ready || { echo "No answer from $app after 180 s; see $work/application.log" >&2; exit 1; }
echo "Application up after $(( $(date +%s) - started )) s."
now=$(date +%s)
[ "$now" -lt "$(date -d "$first" +%s)" ] || echo "The start took longer than FIRST_RUN_AFTER ($FIRST_RUN_AFTER s): the first bulletin may show no overdue work; run with a larger FIRST_RUN_AFTER" >&2

json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);$1})"; }
year=$(TZ=Asia/Shanghai date +%Y)
apply() { # user campaign
  curl -fsS -u "$1:demo" -H 'Content-Type: application/json' \
    "$app/engine-rest/process-definition/key/nomination/submit-form" -d @- >/dev/null <<JSON
{"variables": {
  "campaignCode": {"value": "$2"},
  "creationSummary": {"value": "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。"},
  "selfScore_leadership": {"value": 18}, "selfScore_consciousness": {"value": 22},
  "selfScore_exchange": {"value": 18}, "selfScore_publicity": {"value": 13},
  "selfScore_governance": {"value": 13}, "selfScore_achievement": {"value": 22},
  "attachments": {"value": "https://pan.example/materials/$1"}}}
JSON
}
apply unit1 "$year-BANNER-150525"
apply unit3 "$year-BANNER-150522"
echo "unit1 (奈曼旗第一中学) and unit3 (甘旗卡第二小学) applied; both 属地初审 tasks are overdue at once."

mails="http://127.0.0.1:$MAILDEV_PORT/email"
count() { curl -fs "$mails" | json "console.log(j.filter(m=>m.subject.includes('工作通报')).length)" || echo 0; }
echo "Waiting for the bulletin run ..."
for _ in $(seq 1 240); do
  [ "$(count)" -gt 0 ] && break
  sleep 1
done
sleep 5
first_count=$(count)
echo "Waiting 40 s more: the timer fires again, and nobody gets a second bulletin the same day ..."
sleep 40
second_count=$(count)

echo
echo "Bulletins in MailDev ($mails):"
curl -fs "$mails" | json "j.filter(m=>m.subject.includes('工作通报')).forEach(m=>console.log('  '+m.to[0].address.padEnd(28)+m.subject+
  '  ['+(m.attachments||[]).map(a=>a.contentType).join(', ')+']'))"
echo "Bulletins after the first run: $first_count; 40 s (one more run) later: $second_count."
[ "$first_count" -gt 0 ] || { echo "No bulletin arrived; see $work/application.log" >&2; exit 1; }
[ "$first_count" = "$second_count" ] || { echo "A second bulletin arrived in the same period" >&2; exit 1; }

if $STOP; then
  exit 0
fi
echo
echo "MailDev:  http://127.0.0.1:$MAILDEV_PORT/   (one bulletin per commission and leading group member, PDF attached)"
echo "Statistics: $app/registry/statistics   (commission3 / demo)"
echo "Ctrl-C stops both."
wait
