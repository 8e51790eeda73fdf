"""The ceiling: a bare Starlette app answering every GET with the same bytes Chorus served.

`bench/run.py` writes Chorus's answer to the file named by BENCH_BODY_FILE and serves this app
with the same uvicorn settings, so the ratio between the two is what Chorus's own work costs.
With BENCH_BODY_ENCODING (`gzip`) the bytes are Chorus's compressed answer, sent as such.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
ENCODING = os.environ.get("BENCH_BODY_ENCODING", "")
HEADERS = {"Content-Encoding": ENCODING} if ENCODING else None


async def same_bytes(request: Request) -> Response:
    return Response(BODY, media_type="application/json", headers=HEADERS)


app = Starlette(routes=[Route("/{path:path}", same_bytes, methods=["GET"])])
