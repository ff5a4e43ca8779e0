"""The mails the auth plugin sends, in one voice: the organisation's name before the subject,
a greeting by first name. Sent after the request commits (``framework.send_mail``)."""

from framework import send_mail
from plugins.persons.models import Organisation


def notify(person, subject, text):
    organisation = Organisation.current().name
    send_mail(person.email, f"{organisation}: {subject}",
              f"Hello {person.first_name},\n\n{text}\n")
