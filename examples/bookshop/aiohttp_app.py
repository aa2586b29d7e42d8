"""Stock levels for the warehouse (aiohttp)."""
import asyncio
import logging
from http import HTTPStatus

from aiohttp import web

log = logging.getLogger("bookshop.stock")
routes = web.RouteTableDef()

STOCK = {1: 3, 2: 0}
MAX_RESERVATION = 10


@web.middleware
async def access_log(request, handler):
    try:
        return await handler(request)
    except asyncio.CancelledError:
        log.info("client went away: %s %s", request.method, request.path)
        return web.Response(status=499)


@routes.get("/stock/{book_id}")
async def stock_level(request):
    book_id = request.match_info["book_id"]
    if not book_id.isdigit():
        return web.json_response({"error": "book id must be a number"}, status=400)
    if int(book_id) not in STOCK:
        return web.json_response({"error": "unknown book"}, status=HTTPStatus.NOT_FOUN)
    return web.json_response({"book_id": int(book_id), "stock": STOCK[int(book_id)]})


@routes.post("/stock/{book_id}/reservations")
async def reserve(request):
    book_id = int(request.match_info["book_id"])
    quantity = (await request.json()).get("quantity", 1)
    if not 0 < quantity <= MAX_RESERVATION:
        return web.json_response(
            {"error": f"quantity must be between 1 and {MAX_RESERVATION}"},
            status=HTTPStatus.UNPROCESSABLE_CONTENT,
        )
    if STOCK.get(book_id, 0) < quantity:
        raise web.HTTPConflict(text="not enough copies in stock")
    STOCK[book_id] -= quantity
    return web.json_response({"book_id": book_id, "left": STOCK[book_id]}, status=201)


@routes.delete("/stock/{book_id}/reservations")
async def cancel_reservations(request):
    STOCK.setdefault(int(request.match_info["book_id"]), 0)
    return web.Response(status=HTTPStatus.NO_CONTENT)


@routes.route("*", "/stock/{book_id}/history")
async def stock_history(request):
    if request.method != "GET":
        return web.json_response(
            {"error": "stock history is read-only"}, status=HTTPStatus.METHOD_NOT_ALLOWED
        )
    return web.json_response({"book_id": request.match_info["book_id"], "history": []})


def make_app():
    app = web.Application(middlewares=[access_log])
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8081)
