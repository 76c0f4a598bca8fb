#!/usr/bin/env python3
"""Sends hostile requests to a running session-demo over raw sockets and reports its answers.

The Swift hardening test (DemoProcessTests) runs this with the venv's python (SESSIONKIT_PYTHON,
which has itsdangerous for the signed zlib bomb). Raw sockets, because HTTP client libraries
refuse to send most of these (NUL bytes, non-UTF-8 header values, a lying Content-Length).

  hostile_requests.py --port P --secret-key KEY

prints ONE JSON object: {case name: {"status": int or null, "body": first 300 characters}}; a
status of null means the server closed the connection without an answer.
"""
import argparse
import hashlib
import json
import socket
import sys
import zlib

from itsdangerous import URLSafeTimedSerializer
from flask.json.tag import TaggedJSONSerializer


def request(port, raw, read_timeout=10.0):
    with socket.create_connection(("127.0.0.1", port), timeout=read_timeout) as s:
        try:
            s.sendall(raw)
        except OSError:
            pass  # the server may answer and close before reading everything
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                data = b"".join(chunks)
                head, sep, body = data.partition(b"\r\n\r\n")
                if sep:
                    length = 0
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip())
                    if len(body) >= length:
                        break
        except (socket.timeout, ConnectionResetError):
            pass
    data = b"".join(chunks)
    if not data.startswith(b"HTTP/1."):
        return {"status": None, "body": ""}
    status = int(data.split(b" ", 2)[1])
    body = data.partition(b"\r\n\r\n")[2]
    return {"status": status, "body": body[:300].decode("utf-8", "replace")}


def get(port, path, headers=b""):
    return request(port, b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"Connection: close\r\n\r\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--secret-key", required=True)
    args = parser.parse_args()
    port = args.port

    # A cookie Flask would accept, whose payload inflates to 2 MB: the signature is valid, so
    # only the decompression cap stands between it and the server's memory.
    signer = URLSafeTimedSerializer(
        args.secret_key, salt="cookie-session", serializer=TaggedJSONSerializer(),
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1})
    bomb = signer.dumps({"username": "x" * 2_000_000})
    assert bomb.startswith(".") and len(bomb) < 4000, len(bomb)
    # A Flask (cookie-mode) session cookie, signed with the right key, sent to a server-side
    # store, and a server-side signed id sent in the cookie's place of a cookie-mode demo.
    flask_cookie = signer.dumps({"username": "admin"})

    results = {}
    results["100 KB Cookie header"] = get(port, b"/", b"Cookie: session=" + b"A" * 100_000 + b"\r\n")
    many = b"; ".join(b"c%d=%d" % (i, i) for i in range(1000))
    results["1000 cookies"] = get(port, b"/", b"Cookie: " + many + b"\r\n")
    results["zlib bomb behind a valid signature"] = get(port, b"/", b"Cookie: session=" + bomb.encode() + b"\r\n")
    results["NUL bytes in the cookie"] = get(port, b"/", b"Cookie: session=ab\x00cd.ef\x00.gh\r\n")
    results["non-UTF-8 cookie"] = get(port, b"/", b"Cookie: session=\xff\xfe\xc3(.\x80.x\r\n")
    results["cookie-format session"] = get(port, b"/", b"Cookie: session=" + flask_cookie.encode() + b"\r\n")
    results["id-format session"] = get(
        port, b"/", b"Cookie: session=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cQ.bm90LWEtc2lnbmF0dXJl\r\n")
    results["huge Content-Length"] = request(
        port,
        b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 99999999999\r\nConnection: close\r\n\r\nusername=admin")
    name = b"a" * (1 << 20)
    results["1 MB user name"] = request(
        port,
        b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\nusername=" % (len(name) + 9) + name)
    form = b"username=%FF%FE\xff\xfe&csrf_token=x"
    results["non-UTF-8 form"] = request(
        port,
        b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(form) + form)
    results["still serving"] = get(port, b"/plain")
    json.dump(results, sys.stdout)
    print()


if __name__ == "__main__":
    main()
