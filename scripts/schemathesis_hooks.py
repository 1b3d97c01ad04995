"""Schemathesis hooks for pulse-server (scripts/api-fuzz.sh): what the OpenAPI
document cannot say. Loaded through `hooks = "${PULSE_ST_HOOKS}"` in schemathesis.toml.
"""

import os
import uuid

import schemathesis
from schemathesis.core.parameters import ParameterLocation

# A real photo (fixtures/photo.jpg) for schema-valid uploads: the server decodes what it
# stores, so bytes that merely match the schema are rightly refused (415, 422).
_PHOTO_PATH = os.environ.get("PULSE_ST_PHOTO")
_PHOTO = open(_PHOTO_PATH, "rb").read() if _PHOTO_PATH else None


@schemathesis.hook
def before_call(context, case, kwargs):
    _fresh_idempotency_key(case)
    _real_photo(case)


def _fresh_idempotency_key(case):
    """Each write gets a key of its own.

    Hypothesis draws the same few UUIDs again and again (e3e70682-c209-... first), so a
    schema-valid request often carries a key that an earlier, different request already
    used, and the server rightly answers 422 idempotency_key_reused. A key that is not a
    UUID is left alone: that is a negative test of the header.
    """
    headers = case.headers
    if not headers:
        return
    for name in list(headers):
        if name.lower() != "idempotency-key":
            continue
        try:
            uuid.UUID(str(headers[name]))
        except ValueError:
            return
        headers[name] = str(uuid.uuid4())


def _real_photo(case):
    """A valid upload is a real photo: the server decodes what it keeps."""
    if _PHOTO is None or case.operation.label != "POST /v1/attachments":
        return
    if not isinstance(case.body, (bytes, bytearray)):
        return
    body = case.meta.components.get(ParameterLocation.BODY) if case.meta else None
    if body is None or body.mode.is_positive:
        case.body = _PHOTO
