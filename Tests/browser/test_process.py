"""`accord serve` as a service manager runs it: stdout to a file, reminders off, a secret in the environment.
Checks the process lifecycle and what reaches its output: the start lines appear at once, reminders off keeps
the server up, a connection trickling headers is closed, capability tokens and secrets never reach the log,
and SIGTERM / SIGINT end it gracefully with exit code 0."""
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

ACCORD = os.environ.get("ACCORD_BIN")
SMTP_SECRET = "smtp-secret-never-logged-7"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(tmp_path, name):
    db = f"sqlite://{tmp_path}/{name}.sqlite"
    subprocess.run([ACCORD, "demo", "--database-url", db], check=True, capture_output=True)
    port = free_port()
    env = dict(os.environ, ACCORD_REMINDER_INTERVAL="0", ACCORD_IDLE_TIMEOUT="2", ACCORD_SMTP_HOST="127.0.0.1",
               ACCORD_SMTP_PORT="2", ACCORD_SMTP_FROM="accord@helix.example", ACCORD_SMTP_USERNAME="mailer",
               ACCORD_SMTP_PASSWORD=SMTP_SECRET, ACCORD_LOG_LEVEL="info")
    out = open(tmp_path / f"{name}.out", "w")
    err = open(tmp_path / f"{name}.err", "w")
    process = subprocess.Popen([ACCORD, "serve", "--database-url", db, "--port", str(port), "--demo"], env=env,
                               stdout=out, stderr=err)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if urllib.request.urlopen(base + "/readyz", timeout=2).status == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    return process, base, port


def stop(process, sig):
    process.send_signal(sig)
    try:
        return process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        return None


@pytest.mark.skipif(not ACCORD, reason="ACCORD_BIN (the accord binary) is not set")
def test_serve_lifecycle_output_and_timeouts(tmp_path):
    process, base, port = start(tmp_path, "term")
    try:
        # Reminders off (interval 0) leaves the server running.
        time.sleep(3)
        assert process.poll() is None, (tmp_path / "term.err").read_text()
        assert urllib.request.urlopen(base + "/readyz", timeout=5).status == 200
        # The start lines are in the file while the server runs, not only at exit.
        out = (tmp_path / "term.out").read_text()
        assert "Accord is running at" in out and "Demo sign-in" in out
        # A connection that never finishes its headers is closed after the idle timeout (2 s here).
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"GET /alliances HTTP/1.1\r\nHost: x\r\n")
            started = time.time()
            s.settimeout(10)
            try:
                closed = s.recv(1024) == b""
            except ConnectionResetError:
                closed = True
            assert closed and time.time() - started < 8
        # Capability tokens in URLs are not logged.
        for path in ["/survey/cap-token-abc123", "/calendar/cal-token-def456.ics?x=query-secret"]:
            try:
                urllib.request.urlopen(base + path, timeout=5)
            except urllib.error.HTTPError:
                pass
        time.sleep(0.5)
    finally:
        code = stop(process, signal.SIGTERM)
    log = (tmp_path / "term.err").read_text() + (tmp_path / "term.out").read_text()
    assert code == 0, log[-2000:]
    assert "cap-token-abc123" not in log and "cal-token-def456" not in log and "query-secret" not in log
    assert "/survey/[redacted]" in log and "/calendar/[redacted].ics" in log
    assert SMTP_SECRET not in log
    assert "CancellationError" not in log


@pytest.mark.skipif(not ACCORD, reason="ACCORD_BIN (the accord binary) is not set")
def test_sigint_stops_gracefully_with_exit_code_zero(tmp_path):
    process, base, _ = start(tmp_path, "int")
    assert urllib.request.urlopen(base + "/readyz", timeout=5).status == 200
    code = stop(process, signal.SIGINT)
    log = (tmp_path / "int.err").read_text()
    assert code == 0, log[-2000:]
    assert "stopped" in log
