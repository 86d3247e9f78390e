"""The SMTP client against real SMTP servers (aiosmtpd on loopback) that misbehave: one offers AUTH without
STARTTLS (the password must not be sent), one refuses the message after DATA (that is a failure, not a send)."""
import os
import socket
import subprocess
import time

import pytest

ACCORD = os.environ.get("ACCORD_BIN")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_with_smtp(tmp_path, name, smtp_port, extra):
    db = f"sqlite://{tmp_path}/{name}.sqlite"
    subprocess.run([ACCORD, "demo", "--database-url", db], check=True, capture_output=True)
    env = dict(os.environ, ACCORD_SMTP_HOST="127.0.0.1", ACCORD_SMTP_PORT=str(smtp_port),
               ACCORD_SMTP_FROM="accord@helix.example", ACCORD_REMINDER_INTERVAL="5", ACCORD_LOG_LEVEL="info", **extra)
    log = open(tmp_path / f"{name}.log", "w")
    return subprocess.Popen([ACCORD, "serve", "--database-url", db, "--port", str(free_port())], env=env, stdout=log,
                            stderr=subprocess.STDOUT)


def wait_for(path, text, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in path.read_text():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.skipif(not ACCORD, reason="ACCORD_BIN (the accord binary) is not set")
def test_no_password_over_a_connection_without_tls(tmp_path):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    attempts, messages = [], []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):
            messages.append(envelope.content)
            return "250 OK"

    def authenticator(server, session, envelope, mechanism, auth_data):
        attempts.append(auth_data)
        return AuthResult(success=True)

    port = free_port()
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_require_tls=False)
    controller.start()
    server = serve_with_smtp(tmp_path, "plain", port,
                             {"ACCORD_SMTP_USERNAME": "mailer", "ACCORD_SMTP_PASSWORD": "never-in-clear-5"})
    try:
        assert wait_for(tmp_path / "plain.log", "offers no STARTTLS"), (tmp_path / "plain.log").read_text()[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=20)
        controller.stop()
    assert attempts == [] and messages == []
    assert "never-in-clear-5" not in (tmp_path / "plain.log").read_text()


@pytest.mark.skipif(not ACCORD, reason="ACCORD_BIN (the accord binary) is not set")
def test_a_refusal_after_data_is_a_failure(tmp_path):
    from aiosmtpd.controller import Controller

    class Refusing:
        async def handle_DATA(self, server, session, envelope):
            return "554 5.7.1 Message rejected"

    port = free_port()
    controller = Controller(Refusing(), hostname="127.0.0.1", port=port)
    controller.start()
    server = serve_with_smtp(tmp_path, "refused", port, {})
    try:
        assert wait_for(tmp_path / "refused.log", "refused the message"), (tmp_path / "refused.log").read_text()[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=20)
        controller.stop()
    assert "reminder email failed" in (tmp_path / "refused.log").read_text()
