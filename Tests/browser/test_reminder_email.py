"""Reminder email end to end: two `accord serve` instances on one database send through a real SMTP server
(aiosmtpd on loopback); each reminder reaches each recipient once. That no reminder is sent twice however the
schedulers' runs interleave is checked without waiting in Tests/AccordWebTests/ReminderEmailTests.swift."""
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


@pytest.mark.skipif(not ACCORD, reason="ACCORD_BIN (the accord binary) is not set")
def test_each_reminder_email_arrives_once_with_two_servers(tmp_path):
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((tuple(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    inbox = Inbox()
    smtp_port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    servers = []
    try:
        db = f"sqlite://{tmp_path}/mail.sqlite"
        subprocess.run([ACCORD, "demo", "--database-url", db], check=True, capture_output=True)
        env = dict(os.environ, ACCORD_SMTP_HOST="127.0.0.1", ACCORD_SMTP_PORT=str(smtp_port),
                   ACCORD_SMTP_FROM="accord@helix.example", ACCORD_REMINDER_INTERVAL="5", ACCORD_LOG_LEVEL="info")
        for n in range(2):
            log = open(tmp_path / f"server{n}.log", "w")
            servers.append(subprocess.Popen([ACCORD, "serve", "--database-url", db, "--port", str(free_port())],
                                            env=env, stdout=log, stderr=subprocess.STDOUT))
        deadline = time.time() + 40
        while time.time() < deadline and len(inbox.messages) < 2:
            time.sleep(0.2)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)
        controller.stop()
    logs = "".join((tmp_path / f"server{n}.log").read_text() for n in range(2))
    assert "in-app and by email through 127.0.0.1" in logs, logs[-2000:]
    # Kanto's yearly plan reminds both alliance managers 45 days ahead: due the day the demo was loaded.
    assert len(inbox.messages) == 2, [m[0] for m in inbox.messages]
    recipients = [m[0] for m in inbox.messages]
    assert len(set(recipients)) == 2
    for _, content in inbox.messages:
        assert "Subject: [Accord] Due in 45 days: Annual joint commercialization plan" in content
        assert "Kanto Japan co-commercialization, is due on" in content
