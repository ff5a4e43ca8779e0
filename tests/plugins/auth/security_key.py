"""A software FIDO2 security key for the tests: it plays the browser and the key, so the
server's real fido2 code checks real WebAuthn data (EC P-256 signatures, no mocks).

``key.create(options)`` answers the creation options of ``PUT /auth/fido`` with the JSON a
browser posts as ``registration_response``; ``key.get(options)`` answers the request options
of ``GET /auth/fido`` with a ``fido_authentication_response``. Knobs for the refusals:
``origin=`` (a phishing site), ``key.counter`` (set it back to play a cloned key), and the
returned dicts can be edited.
"""

import hashlib
import os
from urllib.parse import urlparse

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (Aaguid, AttestationObject, AttestedCredentialData,
                            AuthenticatorData, CollectedClientData)

FLAGS = AuthenticatorData.FLAG
ORIGIN = "http://localhost:8080"


class SecurityKey:
    def __init__(self, origin=ORIGIN):
        self.origin = origin
        self.rp_id = urlparse(origin).hostname
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.user_handle = None
        self.counter = 0

    def _sign(self, data):
        return self.private_key.sign(data, ec.ECDSA(hashes.SHA256()))

    def _client_data(self, kind, options, origin):
        return CollectedClientData.create(type=kind, challenge=websafe_decode(options["challenge"]),
                                          origin=origin or self.origin)

    def _response(self, fields):
        credential_id = websafe_encode(self.credential_id)
        return {"id": credential_id, "rawId": credential_id, "type": "public-key",
                "authenticatorAttachment": "cross-platform", "response": fields,
                "clientExtensionResults": {}}

    def create(self, options, origin=None):
        """navigator.credentials.create() with "none" attestation."""
        excluded = [websafe_decode(item["id"]) for item in options.get("excludeCredentials", [])]
        assert self.credential_id not in excluded, "this key is already registered"
        self.rp_id = options["rp"]["id"]
        self.user_handle = websafe_decode(options["user"]["id"])
        client_data = self._client_data(CollectedClientData.TYPE.CREATE.value, options, origin)
        public_key = ES256.from_cryptography_key(self.private_key.public_key())
        auth_data = AuthenticatorData.create(
            hashlib.sha256(self.rp_id.encode()).digest(), FLAGS.UP | FLAGS.UV | FLAGS.AT,
            self.counter, AttestedCredentialData.create(Aaguid.NONE, self.credential_id,
                                                        public_key))
        attestation = AttestationObject.create("none", auth_data, {})
        return self._response({"clientDataJSON": websafe_encode(client_data),
                               "attestationObject": websafe_encode(attestation),
                               "transports": ["usb"]})

    def get(self, options, origin=None):
        """navigator.credentials.get(): a signed assertion, the counter one step higher."""
        allowed = [websafe_decode(item["id"]) for item in options.get("allowCredentials", [])]
        assert not allowed or self.credential_id in allowed, "this key is not allowed"
        self.counter += 1
        auth_data = AuthenticatorData.create(hashlib.sha256(self.rp_id.encode()).digest(),
                                             FLAGS.UP | FLAGS.UV, self.counter)
        client_data = self._client_data(CollectedClientData.TYPE.GET.value, options, origin)
        return self._response({
            "clientDataJSON": websafe_encode(client_data),
            "authenticatorData": websafe_encode(auth_data),
            "signature": websafe_encode(self._sign(auth_data + client_data.hash)),
            "userHandle": websafe_encode(self.user_handle or b"")})
