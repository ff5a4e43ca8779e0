"""Outgoing mail: ``send_mail(to, subject, body)``, delivered after the transaction commits.

A mail queued inside a transaction leaves when the transaction commits and never when it
rolls back (a refused request sends nothing); outside a transaction it leaves at once. One
background thread per process delivers the queue, so a slow or failing SMTP server delays no
response and costs no request a 500, and the time a request takes does not tell whether it
mailed someone (a reset request for a registered address answers as fast as for an unknown
one). Failures are logged with the request id of the request that queued the mail.

``[mail] host`` empty (the embedded default): each mail is written as an ``.eml`` file to the
outbox folder (0600, next to the SQLite database unless ``[mail] outbox`` says otherwise) and
a log line names the file, so a single-machine install still gets its reset links. The log
line carries no body: bodies hold reset tokens and one-time codes, which have no place in logs.
"""

import atexit
import logging
import os
import queue
import secrets
import smtplib
import ssl
import threading
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from marshmallow import ValidationError, fields, validate, validates_schema

from .config import SectionSchema, core_section
from .db import db, is_sqlite, sqlite_path
from .events import current_dopesheet
from .logs import current_request_id

log = logging.getLogger("dopesheet.mail")

DEFAULT_OUTBOX = Path("data/outbox")


@core_section("mail")
class MailSettings(SectionSchema):
    host = fields.String(load_default="")
    port = fields.Integer(load_default=25, validate=validate.Range(min=1, max=65535))
    use_tls = fields.Boolean(load_default=False)
    starttls = fields.Boolean(load_default=False)
    username = fields.String(load_default="")
    password = fields.String(load_default="")
    sender = fields.String(load_default="Dopesheet <no-reply@localhost>",
                           validate=validate.Length(min=3))
    timeout_seconds = fields.Float(load_default=10.0, validate=validate.Range(min=0.1))
    outbox = fields.String(load_default="")

    @validates_schema
    def one_kind_of_tls(self, data, **kwargs):
        if data.get("use_tls") and data.get("starttls"):
            raise ValidationError("use_tls (SMTPS) and starttls exclude each other; pick one",
                                  "starttls")


class Mailer:
    """Builds messages for one application and delivers them with its ``[mail]`` settings."""

    def __init__(self, settings):
        self.settings = settings["mail"]
        self.outbox = self._outbox_folder(self.settings["outbox"], settings["database"]["url"])

    @staticmethod
    def _outbox_folder(configured, database_url):
        if configured:
            return Path(configured)
        if is_sqlite(database_url):
            return sqlite_path(database_url).parent / "outbox"
        return DEFAULT_OUTBOX

    def message(self, to, subject, body):
        message = EmailMessage()
        message["From"] = self.settings["sender"]
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain="dopesheet")
        message.set_content(body)
        return message

    def deliver(self, message):
        if self.settings["host"]:
            self._send_smtp(message)
        else:
            self._write_outbox(message)

    def _send_smtp(self, message):
        settings = self.settings
        options = {"host": settings["host"], "port": settings["port"],
                   "timeout": settings["timeout_seconds"]}
        if settings["use_tls"]:
            client = smtplib.SMTP_SSL(context=ssl.create_default_context(), **options)
        else:
            client = smtplib.SMTP(**options)
        with client:
            if settings["starttls"]:
                client.starttls(context=ssl.create_default_context())
            if settings["username"]:
                client.login(settings["username"], settings["password"])
            client.send_message(message)
        log.info("mail to %s sent: %s", message["To"], message["Subject"])

    def _write_outbox(self, message):
        self.outbox.mkdir(parents=True, exist_ok=True)
        path = self.outbox / f"{secrets.token_hex(8)}.eml"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(bytes(message))
        log.info("no [mail] host: mail to %s (%s) written to %s", message["To"],
                 message["Subject"], path)


class Courier:
    """The process's delivery thread and its queue; a forked worker starts its own."""

    def __init__(self):
        self._lock = threading.Lock()
        self._queue = None
        self._pid = None

    def post(self, mailer, to, subject, body):
        with self._lock:
            if self._pid != os.getpid():
                self._queue = queue.Queue()
                self._pid = os.getpid()
                threading.Thread(target=self._run, args=(self._queue,), name="dopesheet-mail",
                                 daemon=True).start()
            self._queue.put((mailer, to, subject, body, current_request_id.get()))

    @staticmethod
    def _run(outgoing):
        while True:
            mailer, to, subject, body, request_id = outgoing.get()
            current_request_id.set(request_id)
            try:
                mailer.deliver(mailer.message(to, subject, body))
            except Exception as error:  # noqa: BLE001 - a mail never fails anything else
                log.error("mail to %s not delivered (%s): %s: %s", to, subject,
                          type(error).__name__, error)
            finally:
                current_request_id.set("-")
                outgoing.task_done()

    def drain(self):
        """Wait until every mail queued so far by this process was delivered or given up."""
        with self._lock:
            outgoing = self._queue if self._pid == os.getpid() else None
        if outgoing is not None:
            outgoing.join()


courier = Courier()
atexit.register(courier.drain)


def mailer_of(dopesheet):
    return dopesheet.extension("framework.mail", lambda: Mailer(dopesheet.settings))


def send_mail(to, subject, body):
    """Queue a plain-text mail from plugin code running in a request or a command: it leaves
    after the current transaction commits (at once outside one), in the background."""
    dopesheet = current_dopesheet.get()
    if dopesheet is None:
        raise RuntimeError("send_mail() called outside a Dopesheet request or command")
    mailer = mailer_of(dopesheet)
    db.after_commit(lambda: courier.post(mailer, to, subject, body))


def drain():
    """Block until the mails queued so far are delivered (tests, and the end of a command)."""
    courier.drain()
