# Shared by bench/run and bench/profile (sourced): builds the release binary, generates N alliances into a
# temporary SQLite file, creates the bench user and token, starts `accord serve` and signs in.
# Sets WORK, DB, ACCORD, TOKEN, BASE, PID, SESSION, HEALTH, ALLIANCE, WAVE.
for tool in wrk sqlite3 curl python3; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install wrk sqlite3 curl)"; exit 1; }; done
WORK=$(mktemp -d /tmp/accord-bench.XXXXXX)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

echo "== release build"
swift build -c release --product accord >/dev/null
ACCORD=$(swift build -c release --show-bin-path)/accord
DB="$WORK/bench.sqlite"
echo "== generating $N alliances"
python3 bench/generate.py --alliances "$N" --database "$DB" --accord "$ACCORD" | tee "$WORK/generate.txt"
MANAGER=$(sed -n 's/^manager person for a bench user: //p' "$WORK/generate.txt")
HEALTH=$(sed -n 's/^health alliance: //p' "$WORK/generate.txt")
export ACCORD_PASSWORD="load-test-passphrase-26"
"$ACCORD" user create --database-url "sqlite://$DB" --email bench@accord.example --name "Bench Manager" --role alliance_manager --person-id "$MANAGER" >/dev/null
TOKEN=$("$ACCORD" token create --database-url "sqlite://$DB" --email bench@accord.example --name bench)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ACCORD_LOG_LEVEL=warning "$ACCORD" serve --database-url "sqlite://$DB" --port "$PORT" >"$WORK/server.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.2; done

# A browser session for the pages.
CSRF=$(curl -s -c "$WORK/jar" "$BASE/signin" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode "email=bench@accord.example" \
  --data-urlencode "password=$ACCORD_PASSWORD" "$BASE/signin"
SESSION=$(awk '$6 == "accord_session" {print $7}' "$WORK/jar")
[ -n "$SESSION" ] || { echo "could not sign in"; cat "$WORK/server.log"; exit 1; }
ALLIANCE=$(sqlite3 "$DB" "SELECT lower(id) FROM alliances ORDER BY name LIMIT 1 OFFSET $((N / 2))")
WAVE=$(sqlite3 "$DB" "SELECT lower(id) FROM health_waves WHERE lower(alliance_id) = '$HEALTH' ORDER BY opens_on DESC LIMIT 1")
