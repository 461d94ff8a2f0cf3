"""A local SMTP server that keeps what it receives: for the newsletter tests and benchmark.

``SmtpSink`` runs in a thread of the calling process; ``python -m benchmarks.smtp_sink PORT
FILE`` runs it alone and appends one line per message (recipient, Message-ID) to FILE.
Addresses in ``refuse`` are answered "550", as a receiving server does for a mailbox that
does not exist.
"""

import email
import email.policy
import sys
import threading

from aiosmtpd.controller import Controller

NO_SUCH_MAILBOX = "550 5.1.1 Mailbox unavailable"


class RecordingHandler:
    def __init__(self, refuse=(), on_message=None):
        self.refuse = {address.lower() for address in refuse}
        self.messages = []
        self.on_message = on_message
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return NO_SUCH_MAILBOX
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            if self.on_message is not None:
                self.on_message(envelope.rcpt_tos, message)
            else:
                self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self, port, refuse=(), on_message=None):
        self.handler = RecordingHandler(refuse, on_message)
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port)
        self.port = port

    @property
    def messages(self):
        return self.handler.messages

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()


def main(port, path):
    with open(path, "a", buffering=1) as received:

        def write(recipients, message):
            for recipient in recipients:
                received.write(f"{recipient}\t{message['Message-ID']}\n")

        sink = SmtpSink(int(port), on_message=write)
        sink.controller.start()
        print("ready", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main(*sys.argv[1:3])
