"""Second factors as a whole: which ones a person has and may use, checking the one given,
and the bookkeeping when a method is turned on or off (Zou's flags on ``person``, the
preferred method, the recovery codes).

A method switched off in ``[plugins.auth]`` is not accepted, but a person who enabled it still
needs a second factor: switching a method off never lets its users in on a password alone.
"""

from framework import utcnow
from plugins.persons.models import Person

METHODS = ("totp", "email_otp", "fido")
FALLBACKS = {"totp": ("fido", "email_otp"), "email_otp": ("fido", "totp"),
             "fido": ("totp", "email_otp")}
FACTOR_FIELDS = ("totp", "email_otp", "fido_authentication_response", "recovery_code")


class MissingFactor(Exception):
    """No second factor given that the person could use."""


def enabled_methods(person):
    return [method for method in METHODS if getattr(person, f"{method}_enabled")]


class SecondFactors:
    def __init__(self, settings, totp, email_codes, security_keys, recovery_codes):
        self.switched_on = {method for method in METHODS if settings[method]}
        self.recovery_on = settings["recovery_codes"]
        self.enforced = settings["enforce_2fa"]
        self.stores = {"totp": totp, "email_otp": email_codes, "fido": security_keys}
        self.checks = {method: store.verify for method, store in self.stores.items()}
        self.recovery_codes = recovery_codes

    @staticmethod
    def required(person):
        return bool(enabled_methods(person))

    def restricted(self, person):
        """Whether ``enforce_2fa`` limits the person's tokens to the 2FA set-up routes."""
        return self.enforced and not self.required(person)

    def usable(self, person):
        """Zou's ``two_factor_authentication_enabled``: recovery codes first, then methods."""
        methods = [method for method in enabled_methods(person) if method in self.switched_on]
        return (["recovery_code"] if self.recovery_on else []) + methods

    def check(self, person, given):
        """Check the first given factor the person may use (Zou's order: TOTP, e-mail code,
        security key, recovery code). Raises ``MissingFactor`` when none was given."""
        for method, field in zip(METHODS, FACTOR_FIELDS):
            if method in self.usable(person) and given.get(field) is not None:
                return self.checks[method](person, given[field])
        if self.recovery_on and given.get("recovery_code") is not None:
            return self.recovery_codes.consume(person, given["recovery_code"])
        raise MissingFactor()

    def turned_on(self, person, method):
        """Record ``method`` as enabled; returns the recovery codes when they were issued now
        (the person had none), else None."""
        (Person.update({f"{method}_enabled": True, "updated_at": utcnow(),
                        "preferred_two_factor_authentication":
                            person.preferred_two_factor_authentication or method})
         .where(Person.id == person.id).execute())
        return self.recovery_codes.issue_first(person) if self.recovery_on else None

    def turned_off(self, person, method):
        """Record ``method`` as disabled: the preference falls back to another method, and
        with no method left the recovery codes go too."""
        left = [other for other in enabled_methods(person) if other != method]
        preferred = person.preferred_two_factor_authentication
        if preferred not in left:
            preferred = next((other for other in FALLBACKS[method] if other in left), None)
        (Person.update({f"{method}_enabled": False, "updated_at": utcnow(),
                        "preferred_two_factor_authentication": preferred})
         .where(Person.id == person.id).execute())
        if not left:
            self.recovery_codes.forget(person)

    def all_turned_off(self, person):
        """Every method and the recovery codes forgotten (an admin's reset of a person who
        lost their factors)."""
        for store in self.stores.values():
            store.forget(person)
        self.recovery_codes.forget(person)
        (Person.update({"totp_enabled": False, "email_otp_enabled": False,
                        "fido_enabled": False, "preferred_two_factor_authentication": None,
                        "updated_at": utcnow()})
         .where(Person.id == person.id).execute())
