"""FIDO2 / WebAuthn security keys with python-fido2's ``Fido2Server``, relying party from
``[plugins.auth]`` (``fido_rp_id``, ``fido_rp_name``, ``fido_origins``).

What fido2 leaves to the relying party is done here: the state between begin and complete
lives in the database (any worker may complete what another began), is used once and expires
after ``fido_challenge_minutes``; the signature counter must grow (a cloned key is refused);
and whatever a client sends, a failure is ``False`` or a refusal, never an exception.
"""

import datetime
import json

from fido2.server import Fido2Server
from fido2.webauthn import (AttestedCredentialData, AuthenticationResponse,
                            PublicKeyCredentialRpEntity, PublicKeyCredentialUserEntity)

from framework import BadRequest, utcnow
from framework.prepared import Prepared

from .models import FidoChallenge, FidoCredential
from .service import account_name

REGISTER = "register"
AUTHENTICATE = "authenticate"
NO_PREREGISTRATION = "No preregistration before."
REGISTRATION_FAILED = "FIDO server exception your registration response is probly wrong."


class SecurityKeys:
    def __init__(self, settings):
        allowed = frozenset(origin.rstrip("/") for origin in settings["fido_origins"])
        self.server = Fido2Server(
            PublicKeyCredentialRpEntity(id=settings["fido_rp_id"], name=settings["fido_rp_name"]),
            verify_origin=(lambda origin: origin in allowed) if allowed else None)
        self.lifetime = datetime.timedelta(minutes=settings["fido_challenge_minutes"])

    # -- state between begin and complete ------------------------------------------------------

    def _keep(self, person, purpose, state):
        """One pending state per person and purpose: a new begin replaces the last."""
        saved, expires_at = json.dumps(state), utcnow() + self.lifetime
        (FidoChallenge.insert(person=person.id, purpose=purpose, state=saved,
                              expires_at=expires_at)
         .on_conflict(conflict_target=[FidoChallenge.person, FidoChallenge.purpose],
                      update={FidoChallenge.state: saved, FidoChallenge.expires_at: expires_at})
         .execute())

    @staticmethod
    def _take(person, purpose):
        """The pending state, deleted in the same statement (so it serves once), or None."""
        taken = list(FidoChallenge.delete()
                     .where(FidoChallenge.person == person.id, FidoChallenge.purpose == purpose)
                     .returning(FidoChallenge.state, FidoChallenge.expires_at).execute())
        if not taken or taken[0].expires_at <= utcnow():
            return None
        return json.loads(taken[0].state)

    # -- credentials -----------------------------------------------------------------------

    @staticmethod
    def _rows(person):
        return list(_CREDENTIALS_OF.rows(person.id))

    def _credentials(self, person):
        return [AttestedCredentialData(bytes(row.credential_data)) for row in self._rows(person)]

    def device_names(self, person):
        """The names of the person's keys (none without a query while FIDO is off for them:
        their last key going turns it off)."""
        if not person.fido_enabled:
            return []
        return [row.device_name for row in self._rows(person)]

    @staticmethod
    def unregister(person, device_name):
        """Forget the keys of that name; returns how many keys the person keeps."""
        (FidoCredential.delete()
         .where(FidoCredential.person == person.id, FidoCredential.device_name == device_name)
         .execute())
        return FidoCredential.select().where(FidoCredential.person == person.id).count()

    @staticmethod
    def forget(person):
        FidoCredential.delete().where(FidoCredential.person == person.id).execute()
        FidoChallenge.delete().where(FidoChallenge.person == person.id).execute()

    # -- registration ----------------------------------------------------------------------

    def registration_options(self, person):
        """WebAuthn creation options (Zou's shape: the inner ``publicKey`` dict)."""
        name = account_name(person)
        user = PublicKeyCredentialUserEntity(id=str(person.id).encode(), name=name,
                                             display_name=person.full_name or name)
        options, state = self.server.register_begin(
            user, credentials=self._credentials(person), user_verification="preferred",
            authenticator_attachment="cross-platform")
        self._keep(person, REGISTER, state)
        return dict(options.public_key)

    def register(self, person, response, device_name):
        """Store the key the browser just created; refusals are ``BadRequest``."""
        state = self._take(person, REGISTER)
        if state is None:
            raise BadRequest(NO_PREREGISTRATION)
        try:
            auth_data = self.server.register_complete(state, response)
        except Exception:  # noqa: BLE001 - fido2 raises assorted built-ins on bad input
            raise BadRequest(REGISTRATION_FAILED) from None
        credential = auth_data.credential_data
        credential_id = bytes(credential.credential_id)
        if FidoCredential.select().where(FidoCredential.credential_id == credential_id).exists():
            raise BadRequest(REGISTRATION_FAILED)
        FidoCredential.create(person=person.id, credential_id=credential_id,
                              credential_data=bytes(credential), sign_count=auth_data.counter,
                              device_name=device_name)

    # -- authentication --------------------------------------------------------------------

    def login_options(self, person):
        """WebAuthn request options for the person's keys (the inner ``publicKey`` dict)."""
        options, state = self.server.authenticate_begin(self._credentials(person),
                                                        user_verification="preferred")
        self._keep(person, AUTHENTICATE, state)
        return dict(options.public_key)

    def verify(self, person, response):
        """True for a valid assertion answering the pending challenge with a counter above
        the stored one; the challenge is spent whatever the outcome."""
        state = self._take(person, AUTHENTICATE)
        if state is None:
            return False
        rows = self._rows(person)
        try:
            matched = self.server.authenticate_complete(
                state, [AttestedCredentialData(bytes(row.credential_data)) for row in rows],
                response)
            counter = AuthenticationResponse.from_dict(response).response.authenticator_data.counter
        except Exception:  # noqa: BLE001 - fido2 raises assorted built-ins on bad input
            return False
        row = next(row for row in rows if bytes(row.credential_id) == matched.credential_id)
        if (counter or row.sign_count) and counter <= row.sign_count:
            return False
        advanced = (FidoCredential.update(sign_count=counter)
                    .where(FidoCredential.id == row.id,
                           FidoCredential.sign_count == row.sign_count).execute())
        return advanced == 1


_CREDENTIALS_OF = Prepared(lambda person_id: (
    FidoCredential.select().where(FidoCredential.person == person_id)
    .order_by(FidoCredential.created_at)))
"""Every ``/auth/authenticated`` lists the caller's security keys: its SQL is built once."""
