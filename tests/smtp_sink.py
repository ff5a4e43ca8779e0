"""A real SMTP server in the test process (aiosmtpd) that keeps what it receives, so tests
read reset tokens and login codes out of the mails the server sent."""

import re
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.live_server import free_port

WAIT_SECONDS = 10


class Received:
    """One delivered mail: envelope recipients, headers, text body."""

    def __init__(self, envelope):
        self.recipients = [address.lower() for address in envelope.rcpt_tos]
        self.message = message_from_bytes(envelope.original_content or envelope.content,
                                          policy=policy.default)
        self.subject = self.message["Subject"]
        self.body = self.message.get_content()

    def find(self, pattern):
        """The first group of ``pattern`` in the body (a token, a code)."""
        found = re.search(pattern, self.body)
        assert found, f"{pattern!r} not in mail {self.subject!r}:\n{self.body}"
        return found.group(1)


class MailSink:
    """``sink.wait_for(address)`` returns the next mail to that address, waiting for the
    delivery thread rather than sleeping; ``sink.to(address)`` what arrived so far."""

    def __init__(self, credentials=None):
        self.credentials = credentials
        self.mails = []
        self.logins = []
        self._arrived = threading.Condition()
        self._taken = set()

    async def handle_DATA(self, server, session, envelope):
        with self._arrived:
            self.mails.append(Received(envelope))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        accepted = (auth_data.login.decode(), auth_data.password.decode()) == self.credentials
        return AuthResult(success=accepted)

    def to(self, address):
        return [mail for mail in self.mails if address.lower() in mail.recipients]

    def wait_for(self, address, timeout=WAIT_SECONDS):
        """The oldest mail to ``address`` not returned yet by ``wait_for``."""
        with self._arrived:
            found = self._arrived.wait_for(lambda: self._next(address), timeout=timeout)
            assert found, f"no mail to {address} within {timeout}s; got {self.summary()}"
            self._taken.add(id(found))
            return found

    def _next(self, address):
        return next((mail for mail in self.to(address) if id(mail) not in self._taken), None)

    def summary(self):
        return [(mail.recipients, mail.subject) for mail in self.mails]

    def clear(self):
        with self._arrived:
            self.mails.clear()
            self._taken.clear()
            self.logins.clear()


def start_sink(port=None, **smtp_options):
    """``(controller, sink)``; stop the controller with ``controller.stop()``."""
    sink = MailSink(smtp_options.pop("credentials", None))
    if sink.credentials is not None:
        smtp_options["authenticator"] = sink.authenticate
    controller = Controller(sink, hostname="127.0.0.1", port=port or free_port(),
                            **smtp_options)
    controller.start()
    return controller, sink
