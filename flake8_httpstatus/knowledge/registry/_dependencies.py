"""What one distribution requires of another where that decides which constant names exist.

FastAPI re-exports Starlette's `status` module, so a project that pins FastAPI pins the Starlette
names it can use. Each row is the first FastAPI version with a given `Requires-Dist: starlette`,
oldest first; a row holds until the next. Read from the `pyproject.toml` of every FastAPI release
tag up to 0.141.1, and from the wheels' METADATA (`pip download --no-deps fastapi==X`) for
0.115.12, 0.116.2, 0.133.0, 0.141.1, 0.150.0, 0.155.0, 0.160.0, 0.162.0, 0.163.0, 0.163.2, 0.164.0
and 0.165.0, which agree with the tags. The boundary that matters: no FastAPI before 0.116.2
allows Starlette 0.48, where HTTP_422_UNPROCESSABLE_CONTENT and its siblings appeared.
"""

from __future__ import annotations

from flake8_httpstatus.knowledge.registry._model import Version

FASTAPI_STARLETTE: tuple[tuple[Version, str], ...] = (
    ((0,), ">=0.9.7"),
    ((0, 1, 19), ">=0.9.11,<=0.10.1"),
    ((0, 6, 0), "==0.11.1"),
    ((0, 23, 0), ">=0.11.1,<=0.12.0"),
    ((0, 34, 0), ">=0.11.1,<=0.12.7"),
    ((0, 38, 0), ">=0.11.1,<=0.12.8"),
    ((0, 41, 0), "==0.12.9"),
    ((0, 50, 0), "==0.13.2"),
    ((0, 57, 0), "==0.13.4"),
    ((0, 60, 1), "==0.13.6"),
    ((0, 65, 0), "==0.14.2"),
    ((0, 69, 0), "==0.15.0"),
    ((0, 70, 0), "==0.16.0"),
    ((0, 71, 0), "==0.17.1"),
    ((0, 76, 0), "==0.18.0"),
    ((0, 77, 0), "==0.19.0"),
    ((0, 77, 1), "==0.19.1"),
    ((0, 85, 0), "==0.20.4"),
    ((0, 87, 0), "==0.21.0"),
    ((0, 88, 0), "==0.22.0"),
    ((0, 90, 0), ">=0.22.0,<=0.23.0"),
    ((0, 90, 1), ">=0.22.0,<0.24.0"),
    ((0, 91, 0), ">=0.24.0,<0.25.0"),
    ((0, 92, 0), ">=0.25.0,<0.26.0"),
    ((0, 94, 0), ">=0.26.0,<0.27.0"),
    ((0, 94, 1), ">=0.26.1,<0.27.0"),
    ((0, 95, 2), ">=0.27.0,<0.28.0"),
    ((0, 107, 0), ">=0.28.0,<0.29.0"),
    ((0, 108, 0), ">=0.29.0,<0.33.0"),
    ((0, 109, 0), ">=0.35.0,<0.36.0"),
    ((0, 109, 2), ">=0.36.3,<0.37.0"),
    ((0, 110, 1), ">=0.37.2,<0.38.0"),
    ((0, 112, 1), ">=0.37.2,<0.39.0"),
    ((0, 115, 2), ">=0.37.2,<0.41.0"),
    ((0, 115, 3), ">=0.40.0,<0.42.0"),
    ((0, 115, 7), ">=0.40.0,<0.46.0"),
    ((0, 115, 10), ">=0.40.0,<0.47.0"),
    ((0, 116, 1), ">=0.40.0,<0.48.0"),
    ((0, 116, 2), ">=0.40.0,<0.49.0"),
    ((0, 120, 1), ">=0.40.0,<0.50.0"),
    ((0, 121, 3), ">=0.40.0,<0.51.0"),
    ((0, 128, 3), ">=0.40.0,<1.0.0"),
    ((0, 133, 0), ">=0.40.0"),
    ((0, 134, 0), ">=0.46.0"),
    ((0, 164, 0), ">=1.6.0"),
)

# A distribution, the distribution whose range it implies, and the rows above. fastapi-slim is
# FastAPI without its optional extras, released from the same source with the same versions.
IMPLIED: dict[str, tuple[str, tuple[tuple[Version, str], ...]]] = {
    "fastapi": ("starlette", FASTAPI_STARLETTE),
    "fastapi-slim": ("starlette", FASTAPI_STARLETTE),
}
