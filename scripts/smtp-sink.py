"""A real SMTP server for the tests (aiosmtpd), on loopback: every message it receives
is written as one JSON file (from, to, subject, the plain-text and HTML parts) into a
folder the test reads. Usage: smtp-sink.py PORT FOLDER. Prints "ready" once it listens;
runs until killed. scripts/test.sh makes the virtualenv with aiosmtpd and names its
Python in PULSE_TEST_PYTHON.
"""

import email
import email.policy
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
        }
        path = os.path.join(self.folder, f"{uuid.uuid4()}.json")
        with open(path + ".part", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(path + ".part", path)
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
