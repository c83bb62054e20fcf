"""A small forwarding HTTP proxy for deploy/tests/try-install.sh.

The trial Debian runs in a network namespace of its own (its own loopback,
so its nginx, PostgreSQL and Redis take their usual ports without meeting
the host's); the only way out is this proxy on the host end of a veth pair,
exactly as a server behind an organisation's proxy reaches apt and PyPI
through http_proxy/https_proxy.

    python3 http_proxy.py 10.218.77.1 3128

It understands CONNECT (HTTPS: PyPI) and absolute-URI requests (plain HTTP:
deb.debian.org), one request per connection for the latter. Standard
library only; it is a test tool, not something to run in production.
"""

import asyncio
import sys
import urllib.parse

LIMIT = 64 * 1024


async def pipe(reader, writer):
    try:
        while data := await reader.read(LIMIT):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    try:
        head = await client_reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        client_writer.close()
        return
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, version = request_line.split(" ")
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            path = None
        else:
            url = urllib.parse.urlsplit(target)
            if url.scheme != "http" or not url.hostname:
                raise ValueError(target)
            host, port = url.hostname, url.port or 80
            path = urllib.parse.urlunsplit(("", "", url.path or "/", url.query, ""))
        upstream_reader, upstream_writer = await asyncio.wait_for(
            asyncio.open_connection(host, int(port)), timeout=30
        )
    except (TimeoutError, ValueError, OSError) as error:
        print(f"proxy: {request_line!r}: {error!r}", file=sys.stderr, flush=True)
        client_writer.write(b"HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n")
        client_writer.close()
        return
    if path is None:
        client_writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
    else:
        kept = [
            line
            for line in header_lines
            if line and not line.lower().startswith(("proxy-connection:", "connection:"))
        ]
        upstream_writer.write(
            "\r\n".join([f"{method} {path} {version}", *kept, "Connection: close", "", ""]).encode(
                "latin-1"
            )
        )
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))


async def main(address, port):
    server = await asyncio.start_server(handle, address, port)
    print(f"proxy: listening on {address}:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
