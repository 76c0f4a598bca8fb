#!/usr/bin/env python3
"""Command-line bridge to the REAL Flask / itsdangerous / Flask-Session code.

The Swift live-interop tests run this as a subprocess (with the interpreter of
the venv that scripts/test provisions, exported as SESSIONKIT_PYTHON) to sign
and verify cookies with the genuine Python implementation.  Nothing here
re-implements the wire format: every cookie is produced and checked by Flask's
SecureCookieSessionInterface, itsdangerous' URLSafeTimedSerializer /
TimestampSigner and Flask-Session's ServerSideSessionInterface.  The only
thing this script changes is the clock (a TimestampSigner subclass whose
get_timestamp() returns a pinned value) and, on request, the signing
parameters of the cookie interface (for negative tests).

Every subcommand prints exactly ONE JSON object (one line) on stdout and exits
0, also when the cookie is bad ("ok": false).  A malformed invocation (unknown
option, bad hex, unparsable --tagged-json, empty key, ...) exits 2 and prints
{"usage_error": "..."} on stdout plus a message on stderr.

Values that may start with "-" (cookies, session ids) must be passed as
--option=VALUE, otherwise argparse takes them for options.

Subcommands (see --help of each):
  sign        --key-hex HEX [--fallback-hex HEX ...] --tagged-json JSON
              [--timestamp T] [--digest sha1|sha256|...]
              [--salt S] [--key-derivation hmac|django-concat|concat|none]
              -> {"cookie": C, "timestamp": T, "tagged_json": J}
  verify      --key-hex HEX [--fallback-hex HEX ...] --cookie C
              [--now T] [--max-age S]
              -> {"ok": true, "outcome": "valid", "tagged_json": J,
                  "types": {key: python type name}, "timestamp": T}
               | {"ok": false, "outcome": "bad_signature"|"expired"|"bad_payload",
                  "error": "<exception class name>", "message": "..."}
  sid-sign    --key-hex HEX --sid SID            -> {"cookie": C}
  sid-verify  --key-hex HEX [--fallback-hex HEX ...] --cookie C
              -> {"ok": true, "outcome": "valid", "sid": SID, "store_key": "session:SID"}
               | {"ok": false, "outcome": "bad_signature", "error": "BadSignature",
                  "message": "..."}
              (fallback keys are accepted but, as in Flask-Session, ignored)
  retag       --tagged-json JSON
              -> {"tagged_json": J, "types": {...}}   (Flask loads + dumps)
  versions    -> {"flask": ..., "itsdangerous": ..., "werkzeug": ..., ...}
  batch       reads stdin line by line; each line is a JSON array of the
              argument strings of one of the commands above, e.g.
              ["sign", "--key-hex=736563726574", "--tagged-json={}"]; writes
              exactly one JSON line per input line (a usage error becomes a
              {"usage_error": ...} line) and exits 0 at end of input.  Saves
              the ~0.3 s interpreter + Flask start-up per call.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import time
import warnings
from datetime import timedelta
from importlib import metadata

warnings.simplefilter("ignore")  # e.g. Flask-Session's SESSION_USE_SIGNER deprecation

from flask import Flask  # noqa: E402
from flask.sessions import SecureCookieSessionInterface  # noqa: E402
from itsdangerous import BadData, BadPayload, BadSignature, SignatureExpired  # noqa: E402
from itsdangerous import TimestampSigner  # noqa: E402

EXIT_USAGE = 2


class UsageError(Exception):
    pass


class ToolArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- helpers

def key_from_hex(text: str, what: str) -> bytes:
    try:
        key = bytes.fromhex(text)
    except ValueError as exc:
        raise UsageError(f"{what}: not a hex string: {text!r} ({exc})") from None
    return key


def pinned_signer(timestamp: int) -> type[TimestampSigner]:
    """itsdangerous' own TimestampSigner with the clock pinned.

    TimestampSigner.get_timestamp() is the only clock itsdangerous reads, both
    when signing (the embedded timestamp) and when unsigning (age = now - ts).
    """

    class PinnedTimestampSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return timestamp

    return PinnedTimestampSigner


def make_app(key_hex: str, fallbacks_hex: list[str] | None) -> Flask:
    app = Flask("sessionkit_flask_tool")
    key = key_from_hex(key_hex, "--key-hex")
    if not key:
        # Flask would install a NullSession: there is nothing to sign or verify.
        raise UsageError("--key-hex: an empty secret key disables Flask sessions")
    app.secret_key = key
    fallbacks = [key_from_hex(h, "--fallback-hex") for h in (fallbacks_hex or [])]
    app.config["SECRET_KEY_FALLBACKS"] = fallbacks or None
    return app


def signing_serializer(app: Flask, timestamp: int | None):
    """Flask's get_signing_serializer(), optionally with a pinned clock."""
    s = app.session_interface.get_signing_serializer(app)
    assert s is not None  # make_app rejects empty keys
    if timestamp is not None:
        s.signer = pinned_signer(timestamp)
    return s


def type_names(value) -> dict:
    if isinstance(value, dict):
        return {str(k): type(v).__name__ for k, v in value.items()}
    return {}


def parse_tagged_json(app: Flask, text: str):
    try:
        return app.session_interface.serializer.loads(text)
    except Exception as exc:  # noqa: BLE001 - any parse/untag failure is a usage error here
        raise UsageError(f"--tagged-json: Flask cannot load it: {type(exc).__name__}: {exc}") from None


def outcome_of(exc: BaseException) -> str:
    if isinstance(exc, SignatureExpired):
        return "expired"
    if isinstance(exc, BadSignature):
        return "bad_signature"
    return "bad_payload"


# --------------------------------------------------------------------------- subcommands

DIGESTS = ("sha1", "sha224", "sha256", "sha384", "sha512", "md5")
KEY_DERIVATIONS = ("hmac", "django-concat", "concat", "none")


def cmd_sign(args) -> None:
    app = make_app(args.key_hex, args.fallback_hex)
    # Flask's own interface; only when asked, a subclass with other constants
    # (to produce deliberately wrong cookies for negative tests).
    overrides = {}
    if args.digest is not None and args.digest != "sha1":
        overrides["digest_method"] = staticmethod(getattr(hashlib, args.digest))
    if args.salt is not None:
        overrides["salt"] = args.salt
    if args.key_derivation is not None:
        overrides["key_derivation"] = args.key_derivation
    if overrides:
        app.session_interface = type("CustomCookieSessionInterface", (SecureCookieSessionInterface,), overrides)()

    timestamp = args.timestamp if args.timestamp is not None else int(time.time())
    if not 0 <= timestamp < 2**64:
        raise UsageError("--timestamp: itsdangerous packs it as an unsigned 64-bit integer")
    with app.app_context():  # Flask serializes cookies with the app's JSON provider
        value = parse_tagged_json(app, args.tagged_json)
        # save_session() signs dict(session); a non-dict is signed as-is (lets
        # tests build signed-but-not-a-dict payloads).
        if isinstance(value, dict):
            value = dict(value)
        s = signing_serializer(app, timestamp)
        cookie = s.dumps(value)
        tagged = app.session_interface.serializer.dumps(value)
    emit({"cookie": cookie, "timestamp": timestamp, "tagged_json": tagged})


def cmd_verify(args) -> None:
    app = make_app(args.key_hex, args.fallback_hex)
    if args.max_age is not None:
        app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=args.max_age)
    iface = app.session_interface
    with app.app_context():
        s = signing_serializer(app, args.now)
        # Exactly what SecureCookieSessionInterface.open_session does, minus
        # the "except BadSignature: return empty session" (we report the class).
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            data, signed_at = s.loads(args.cookie, max_age=max_age, return_timestamp=True)
        except BadData as exc:
            emit({"ok": False, "outcome": outcome_of(exc), "error": type(exc).__name__, "message": str(exc)})
            return
        except Exception as exc:  # noqa: BLE001 - e.g. non-encodable cookie text
            emit({"ok": False, "outcome": "bad_signature", "error": type(exc).__name__, "message": str(exc)})
            return
        try:
            session = iface.session_class(data)  # dict(data); Flask answers 500 if this raises
        except Exception as exc:  # noqa: BLE001
            emit({"ok": False, "outcome": "bad_payload", "error": type(exc).__name__, "message": str(exc)})
            return
        tagged = iface.serializer.dumps(dict(session))
    emit({
        "ok": True,
        "outcome": "valid",
        "tagged_json": tagged,
        "types": type_names(session),
        "timestamp": int(signed_at.timestamp()),
    })


def flask_session_app(key_hex: str, fallbacks_hex: list[str] | None):
    """A Flask app with Flask-Session 0.8.0 installed and SESSION_USE_SIGNER on."""
    from cachelib import SimpleCache
    from flask_session import Session

    app = make_app(key_hex, fallbacks_hex)
    app.config.update(
        SESSION_TYPE="cachelib",
        SESSION_CACHELIB=SimpleCache(),
        SESSION_USE_SIGNER=True,
    )
    Session(app)
    return app


def cmd_sid_sign(args) -> None:
    app = flask_session_app(args.key_hex, None)
    # ServerSideSessionInterface._sign: what save_session puts in the cookie.
    emit({"cookie": app.session_interface._sign(app, args.sid)})


def cmd_sid_verify(args) -> None:
    app = flask_session_app(args.key_hex, args.fallback_hex)
    iface = app.session_interface
    try:
        sid = iface._unsign(app, args.cookie)  # what open_session does with the cookie
    except BadSignature as exc:
        emit({"ok": False, "outcome": "bad_signature", "error": type(exc).__name__, "message": str(exc)})
        return
    except Exception as exc:  # noqa: BLE001 - e.g. non-UTF-8 sid bytes
        emit({"ok": False, "outcome": "bad_signature", "error": type(exc).__name__, "message": str(exc)})
        return
    emit({"ok": True, "outcome": "valid", "sid": sid, "store_key": iface._get_store_id(sid)})


def cmd_retag(args) -> None:
    app = Flask("sessionkit_flask_tool")
    with app.app_context():
        value = parse_tagged_json(app, args.tagged_json)
        emit({"tagged_json": app.session_interface.serializer.dumps(value), "types": type_names(value)})


def cmd_versions(args) -> None:
    names = ["Flask", "itsdangerous", "Werkzeug", "Flask-Session", "MarkupSafe", "cachelib", "msgspec"]
    out = {}
    for name in names:
        try:
            out[name.lower()] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name.lower()] = None
    out["python"] = sys.version.split()[0]
    emit(out)


# --------------------------------------------------------------------------- CLI

def cmd_batch(args) -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            argv = json.loads(line)
            if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)):
                raise ValueError
        except ValueError:
            emit({"usage_error": "batch: each input line must be a non-empty JSON array of strings"})
            continue
        if argv[0] == "batch":
            emit({"usage_error": "batch: nested batch"})
            continue
        try:
            run_one(argv, help_to_stderr=True)
        except UsageError as exc:
            emit({"usage_error": str(exc)})
        except SystemExit:  # --help inside a batch (its text went to stderr)
            emit({"usage_error": "batch: --help is not available here"})
        except Exception as exc:  # noqa: BLE001 - keep the one-line-per-request protocol
            emit({"internal_error": f"{type(exc).__name__}: {exc}"})


def build_parser() -> argparse.ArgumentParser:
    p = ToolArgumentParser(prog="flask_tool.py", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True, parser_class=ToolArgumentParser)

    def add_keys(sp, fallbacks: bool = True):
        sp.add_argument("--key-hex", required=True, help="SECRET_KEY as hex bytes")
        if fallbacks:
            sp.add_argument("--fallback-hex", action="append", default=[],
                            help="one SECRET_KEY_FALLBACKS entry as hex (repeat; config order)")

    sp = sub.add_parser("sign", help="sign a session with Flask's cookie interface")
    add_keys(sp)
    sp.add_argument("--tagged-json", required=True, help="the session as Flask tagged JSON")
    sp.add_argument("--timestamp", type=int, help="signing time (Unix seconds); default: now")
    sp.add_argument("--digest", choices=DIGESTS, help="digest (default sha1, Flask's)")
    sp.add_argument("--salt", help="salt (default cookie-session, Flask's)")
    sp.add_argument("--key-derivation", choices=KEY_DERIVATIONS, help="default hmac, Flask's")
    sp.set_defaults(func=cmd_sign)

    sp = sub.add_parser("verify", help="load a cookie the way Flask's open_session does")
    add_keys(sp)
    sp.add_argument("--cookie", required=True)
    sp.add_argument("--now", type=int, help="verification time (Unix seconds); default: now")
    sp.add_argument("--max-age", type=int, help="seconds; default PERMANENT_SESSION_LIFETIME = 2678400")
    sp.set_defaults(func=cmd_verify)

    sp = sub.add_parser("sid-sign", help="Flask-Session 0.8.0 SESSION_USE_SIGNER cookie for a sid")
    add_keys(sp, fallbacks=False)
    sp.add_argument("--sid", required=True)
    sp.set_defaults(func=cmd_sid_sign)

    sp = sub.add_parser("sid-verify", help="Flask-Session 0.8.0 SESSION_USE_SIGNER cookie -> sid")
    add_keys(sp)
    sp.add_argument("--cookie", required=True)
    sp.set_defaults(func=cmd_sid_verify)

    sp = sub.add_parser("retag", help="Flask tagged JSON loads + dumps (canonical form)")
    sp.add_argument("--tagged-json", required=True)
    sp.set_defaults(func=cmd_retag)

    sp = sub.add_parser("versions", help="installed package versions")
    sp.set_defaults(func=cmd_versions)

    sp = sub.add_parser("batch", help="many commands, one JSON array of arguments per stdin line")
    sp.set_defaults(func=cmd_batch)
    return p


def run_one(argv: list[str], help_to_stderr: bool = False) -> None:
    """Parse and run one command (in batch mode --help text goes to stderr)."""
    with contextlib.redirect_stdout(sys.stderr) if help_to_stderr else contextlib.nullcontext():
        args = build_parser().parse_args(argv)
    args.func(args)


def main(argv: list[str] | None = None) -> int:
    try:
        run_one(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        emit({"usage_error": str(exc)})
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    return 0


if __name__ == "__main__":
    sys.exit(main())
