"""Passkeys: WebAuthn registration and sign-in checks; the only module importing webauthn.

Threat: a phished or stolen password (a passkey is bound to this site's host name, the
relying party, and signs a fresh challenge each time), a replayed sign-in (the challenge is
single-use in practice: it lives in a signed, five-minute cookie that the answer must match,
and the credential's counter must move on), and a passkey made for another site or origin (the
library checks the origin and RP ID against PUBLIC_URL). Passkeys need a host name: an IP
address cannot be a relying party, so local use and tests set PUBLIC_URL=http://localhost:PORT.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

import settings
from service.domain.errors import Kind, Refusal


@dataclass(frozen=True)
class NewCredential:
    credential_id: str  # base64url, as browsers name it
    public_key: str  # base64url of the COSE key
    sign_count: int


def rp_id() -> str:
    """The relying party: PUBLIC_URL's host name."""
    return urlsplit(settings.PUBLIC_URL).hostname or ""


def _origin() -> str:
    parts = urlsplit(settings.PUBLIC_URL)
    return f"{parts.scheme}://{parts.netloc}"


def _refused(message: str) -> Refusal:
    return Refusal("credential", "passkey_refused", message, Kind.FORBIDDEN)


def registration_options(
    user_handle: str, name: str, display_name: str, existing: list[str]
) -> tuple[str, str]:
    """Options for navigator.credentials.create (JSON) and their challenge (base64url).

    A discoverable credential (resident key) so it can sign in without a typed address.
    """
    options = generate_registration_options(
        rp_id=rp_id(),
        rp_name=settings.SITE_NAME,
        user_id=user_handle.encode(),
        user_name=name,
        user_display_name=display_name or name,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(c)) for c in existing
        ],
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def verify_registration(credential: Any, challenge: str) -> NewCredential:
    """Check what the browser made; any malformed or forged part is the same refusal."""
    try:
        verified = verify_registration_response(
            credential=json.dumps(credential),
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(),
            expected_origin=_origin(),
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as exc:
        raise _refused("the passkey could not be checked") from exc
    return NewCredential(
        bytes_to_base64url(verified.credential_id),
        bytes_to_base64url(verified.credential_public_key),
        verified.sign_count,
    )


def authentication_options() -> tuple[str, str]:
    """Options for navigator.credentials.get (any passkey of this site) and their challenge."""
    options = generate_authentication_options(
        rp_id=rp_id(), user_verification=UserVerificationRequirement.REQUIRED
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def credential_id_of(credential: Any) -> str:
    """The credential id a browser's answer names (checked for shape only; verify checks it)."""
    found = credential.get("id") if isinstance(credential, dict) else None
    if not isinstance(found, str) or not 0 < len(found) <= 1400:
        raise _refused("no passkey was named")
    return found


def verify_authentication(credential: Any, challenge: str, public_key: str, count: int) -> int:
    """Check a sign-in answer; the credential's new signature counter."""
    try:
        verified = verify_authentication_response(
            credential=json.dumps(credential),
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(),
            expected_origin=_origin(),
            credential_public_key=base64url_to_bytes(public_key),
            credential_current_sign_count=count,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as exc:
        raise _refused("the passkey could not be checked") from exc
    return int(verified.new_sign_count)
