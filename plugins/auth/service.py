"""Login, lockout, revocation and identity: the auth rules, no HTTP here."""

import datetime
import hmac

import peewee

from framework import ApiError, BadRequest, Principal, Unauthorized, utcnow
from framework.prepared import Prepared
from plugins.persons.models import Person

from .models import ApiToken, Credential, LoginAttempts, LoginLog, RevokedToken

WRONG_CREDENTIALS = "Wrong email or password."
INACTIVE_SESSION = (
    "The server could not verify that you are authorized to access the URL requested. You "
    "either supplied the wrong credentials (e.g. a bad password), or your browser doesn't "
    "understand how to supply the credentials required.")


class LoginRefused(ApiError):
    """A refused login: Zou's bodies carry ``"login": false``."""

    def __init__(self, message, status="400 Bad Request", **extra):
        super().__init__(message, status=status, login=False, **extra)


def normalise_login(login):
    return login.strip().lower()


def lockout_key(person):
    """The login name an account's failures are counted under when it is already known."""
    return normalise_login(person.email or person.desktop_login or str(person.id))


def account_name(person):
    """How authenticator apps and security keys label the account."""
    return person.email or person.desktop_login or person.full_name or str(person.id)


def person_by_email(email):
    """The non-bot person with that e-mail address, whatever its case."""
    return (Person.select()
            .where(peewee.fn.LOWER(Person.email) == email.strip().lower(),
                   Person.is_bot == False)  # noqa: E712
            .first())


def check_new_password(settings, password, confirmation=None):
    """Zou's rules and answers for a new password, plus the upper bound logins accept."""
    if len(password) < settings["min_password_length"]:
        raise BadRequest("Password is too short.")
    if len(password) > settings["max_password_length"]:
        raise BadRequest("Password is too long.")
    if confirmation is not None and not hmac.compare_digest(password.encode(),
                                                            confirmation.encode()):
        raise BadRequest("Confirmation password doesn't match.")


def find_person(login):
    """By e-mail (case-insensitive, non-bots) or desktop login."""
    login = login.strip()
    return (Person.select()
            .where(((peewee.fn.LOWER(Person.email) == login.lower()) & (Person.is_bot == False))  # noqa: E712
                   | (Person.desktop_login == login))
            .order_by(Person.is_bot, Person.created_at).first())


class Lockout:
    def __init__(self, settings):
        self.max_failures = settings["lockout_attempts"]
        self.window = datetime.timedelta(minutes=settings["lockout_minutes"])

    def check(self, login):
        """Raise while locked; forget old failures once the lockout has elapsed."""
        row = LoginAttempts.get_or_none(LoginAttempts.login == login)
        if row is None or row.failed_count < self.max_failures:
            return
        if row.last_failed_at and utcnow() - row.last_failed_at < self.window:
            minutes = int(self.window.total_seconds() // 60)
            raise LoginRefused(f"Too many failed login attempts, retry in "
                               f"{'a minute' if minutes == 1 else f'{minutes} minutes'}.",
                               too_many_failed_login_attemps=True)
        LoginAttempts.delete().where(LoginAttempts.login == login).execute()

    @staticmethod
    def record_failure(login):
        now = utcnow()
        (LoginAttempts.insert(login=login, failed_count=1, last_failed_at=now)
         .on_conflict(conflict_target=[LoginAttempts.login],
                      update={LoginAttempts.failed_count: LoginAttempts.failed_count + 1,
                              LoginAttempts.last_failed_at: now})
         .execute())

    @staticmethod
    def reset(login):
        LoginAttempts.delete().where(LoginAttempts.login == login).execute()


def credential_of(person):
    return Credential.get_or_none(Credential.person == person.id)


def set_password(person, password, passwords, revoke_sessions=False):
    """Store a new hash; with ``revoke_sessions`` every outstanding token of the person dies."""
    password_hash = passwords.hash(password)
    updates = {Credential.password_hash: password_hash}
    if revoke_sessions:
        updates[Credential.token_version] = Credential.token_version + 1
    (Credential.insert(person=person.id, password_hash=password_hash, token_version=0)
     .on_conflict(conflict_target=[Credential.person], update=updates).execute())


def check_password(login, password, passwords, lockout):
    """The person behind ``login`` if ``password`` is right; every failure counts. The
    counter is reset by the caller once the whole login (second factor included) passed."""
    key = normalise_login(login)
    lockout.check(key)
    person = find_person(login)
    credential = credential_of(person) if person is not None else None
    if person is None:
        passwords.spend_time(password)
        verified = False
    else:
        verified = passwords.verify(credential.password_hash if credential else None, password)
    if not verified:
        lockout.record_failure(key)
        raise LoginRefused(WRONG_CREDENTIALS)
    if not person.active:
        raise LoginRefused("User is unactive, he cannot log in.", status="401 Unauthorized",
                           unactive=True)
    if passwords.needs_rehash(credential.password_hash):
        set_password(person, password, passwords)
    return person, credential


def log_login(person, ip_address, origin):
    LoginLog.create(person=person.id, ip_address=(ip_address or "")[:50], origin=origin)


def token_version(person_id):
    return (Credential.select(Credential.token_version)
            .where(Credential.person == person_id).scalar()) or 0


def revoke(jti, expires_at):
    RevokedToken.insert(jti=jti, expires_at=expires_at).on_conflict_ignore().execute()


def purge_revocations():
    """Drop entries whose token expired anyway (an entry never outlives less than its token)."""
    return RevokedToken.delete().where(RevokedToken.expires_at < utcnow()).execute()


def end_sessions_if_inactive(person_id):
    """A deactivated account is logged out for good, as in Zou: reactivating it does not
    revive its old tokens."""
    inactive = Person.select(Person.id).where(Person.id == person_id,
                                              Person.active == False)  # noqa: E712
    (Credential.update(token_version=Credential.token_version + 1)
     .where(Credential.person.in_(inactive)).execute())


_CALLER = Prepared(lambda person_id, jti: (
    Person.select(Person.id, Person.role, Person.active, Credential.token_version,
                  RevokedToken.select(peewee.fn.COUNT(RevokedToken.jti))
                  .where(RevokedToken.jti == jti))
    .join(Credential, peewee.JOIN.LEFT_OUTER, on=(Credential.person == Person.id))
    .where(Person.id == person_id)))
"""Every authenticated request runs it: role, state, token version and revocation in one
prepared query; the person row itself is loaded only by routes that use ``principal.user``."""


_PERSON = Prepared(lambda person_id: Person.select().where(Person.id == person_id))
"""The caller's person row, for the many routes that read ``principal.user``."""


def principal_for(claims):
    """The caller behind valid token claims."""
    if claims["identity_type"] == "bot":
        return bot_principal(claims)
    row = _CALLER.execute(claims["sub"], claims["jti"]).fetchone()
    if row is None:
        raise Unauthorized(INACTIVE_SESSION)
    person_id, role, active, version, revoked = row
    if revoked:
        raise Unauthorized("Token has been revoked", msg="Token has been revoked")
    if not active or (version or 0) != claims.get("ver", 0):
        raise Unauthorized(INACTIVE_SESSION)
    person_id = str(person_id)
    return Principal(id=person_id, role=role, identity_type=claims["identity_type"],
                     claims=claims, load_user=lambda: next(_PERSON.rows(person_id)))


def bot_principal(claims):
    """A bot behind its API token: revoked once another token replaced it (Zou's)."""
    bot = (Person.select(Person.id, Person.role, Person.active)
           .join(ApiToken, on=(ApiToken.person == Person.id))
           .where(Person.id == claims["sub"], ApiToken.jti == claims["jti"]).first())
    if bot is None:
        raise Unauthorized("Token has been revoked", msg="Token has been revoked")
    if not bot.active:
        raise Unauthorized(INACTIVE_SESSION)
    return Principal(id=str(bot.id), role=bot.role, identity_type="bot", claims=claims,
                     load_user=lambda: Person.get_by_id(bot.id))


def api_token(person, tokens):
    """A new API token for the bot ``person``, valid to the end of its expiration day when
    it has one; its earlier token stops working."""
    expires_at = None
    if person.expiration_date is not None:
        expiration = person.expiration_date
        if isinstance(expiration, str):
            expiration = datetime.date.fromisoformat(expiration)
        expires_at = datetime.datetime.combine(expiration, datetime.time.max)
    token, jti = tokens.issue_api(str(person.id), expires_at)
    (ApiToken.insert(person=person.id, jti=jti)
     .on_conflict(conflict_target=[ApiToken.person], update={ApiToken.jti: jti}).execute())
    return token
