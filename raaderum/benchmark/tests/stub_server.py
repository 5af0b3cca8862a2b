"""A stand-in for Statistikbanken's API on 127.0.0.1 (a random port), serving the shipped files.

The tests never touch the network: the real HTTP client talks to this server instead.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = {
    "REGK31": DATA / "constructed-sample-REGK31.csv",
    "FOLK1A": DATA / "constructed-sample-FOLK1A.csv",
}


@dataclass
class Stub:
    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    # table -> (status, content type, body); missing: the shipped sample file
    answers: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    delay: float = 0.0


@contextmanager
def statbank_stub() -> Iterator[Stub]:
    stub = Stub(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            stub.requests.append({"path": self.path, "body": body})
            if stub.delay:
                time.sleep(stub.delay)
            table = body.get("table", "")
            if table in stub.answers:
                status, content_type, content = stub.answers[table]
            elif table in FILES:
                status, content_type = 200, "text/csv; charset=utf-8"
                content = FILES[table].read_bytes()
            else:
                status, content_type = 400, "application/json"
                content = json.dumps(
                    {"errorTypeCode": "TABLE_NOT_FOUND", "message": f"Tabellen {table} findes ikke"}
                ).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            # The client may have given up waiting (the timeout test).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(content)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1/data"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
