#!/usr/bin/env python3
"""A tiny TCP forwarder for outage tests: listen on 127.0.0.1:PORT, forward to HOST:TARGET_PORT.

    tcp_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT

Prints "ready PORT" once listening (PORT 0 picks a free one). Killing the process drops every
forwarded connection at once, which to a client looks like the database going away; starting it
again on the same port brings the "database" back. Tests use it so that the shared test server
itself never stops under the other tests.
"""
import asyncio
import sys


async def pipe(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def main():
    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])

    async def handle(client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))

    server = await asyncio.start_server(handle, "127.0.0.1", listen_port, reuse_address=True)
    print("ready", server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
