"""The embeddable widgets and the demo site, served by the service."""

from __future__ import annotations

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []
