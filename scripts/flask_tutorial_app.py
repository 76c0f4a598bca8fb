#!/usr/bin/env python3
"""The Flask quickstart "Sessions" example app, served by Werkzeug.

Used by the cross-login tests: log in on this real Flask app, present its
cookie to the Swift demo (and the reverse).  The routes are the quickstart's
(https://flask.palletsprojects.com/en/stable/quickstart/#sessions), with one
deliberate change: the username is HTML-escaped with markupsafe.escape() on
the index page (identical output for plain names like "admin").

  GET  /        "Logged in as <username>" | "You are not logged in"
  GET  /login   the login form
  POST /login   session["username"] = form["username"]; 302 to /
  GET  /logout  session.pop("username", None); 302 to /

Usage:
  flask_tutorial_app.py [--host 127.0.0.1] [--port 0] [--key-hex HEX]
                        [--watch-stdin] [--log-requests]

--port 0 lets the OS pick a free port.  Once the socket is listening the app
prints exactly one line "READY <port>" on stdout (flushed); nothing else is
ever written to stdout.  Request logs are off unless --log-requests (then on
stderr).  --key-hex "" runs the app without a secret key (Flask's null
session: "/" works, POST /login answers 500).  The default key is the
quickstart's b'_5#y2L"F4Q8z\\n\\xec]/'.  With --watch-stdin the server exits
when its stdin reaches end of file (so it dies with the test that spawned
it); otherwise stop it with SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading

from flask import Flask, redirect, request, session, url_for
from markupsafe import escape
from werkzeug.serving import make_server

QUICKSTART_KEY = b'_5#y2L"F4Q8z\n\xec]/'

app = Flask(__name__)


@app.route('/')
def index():
    if 'username' in session:
        return f'Logged in as {escape(session["username"])}'
    return 'You are not logged in'


@app.route('/login', methods=['GET', 'POST'])
def login():
    if request.method == 'POST':
        session['username'] = request.form['username']
        return redirect(url_for('index'))
    return '''
        <form method="post">
            <p><input type=text name=username>
            <p><input type=submit value=Login>
        </form>
    '''


@app.route('/logout')
def logout():
    # remove the username from the session if it's there
    session.pop('username', None)
    return redirect(url_for('index'))


def main() -> int:
    parser = argparse.ArgumentParser(description="Flask quickstart sessions app on Werkzeug")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = pick a free port")
    parser.add_argument("--key-hex", default=QUICKSTART_KEY.hex(),
                        help='SECRET_KEY as hex ("" = no secret key); default: the quickstart key')
    parser.add_argument("--watch-stdin", action="store_true", help="exit when stdin is closed")
    parser.add_argument("--log-requests", action="store_true", help="log requests to stderr")
    args = parser.parse_args()

    try:
        key = bytes.fromhex(args.key_hex)
    except ValueError:
        parser.error(f"--key-hex: not a hex string: {args.key_hex!r}")
    app.secret_key = key or None

    # Werkzeug logs each request at INFO on the "werkzeug" logger (stderr).
    logging.getLogger("werkzeug").setLevel(logging.INFO if args.log_requests else logging.WARNING)
    if args.log_requests:
        logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")

    # Bind first (port 0 -> the kernel picks a free port, no race), then announce.
    server = make_server(args.host, args.port, app, threaded=True)
    port = server.server_port
    print(f"READY {port}", flush=True)

    def stop(*_):
        # shutdown() blocks until serve_forever() returns: call it off the main thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.watch_stdin:
        def watch():
            try:
                while os.read(sys.stdin.fileno(), 4096):
                    pass
            except OSError:
                pass
            stop()
        threading.Thread(target=watch, daemon=True).start()

    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
