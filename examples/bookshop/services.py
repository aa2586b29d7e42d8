"""Small services around the shop: stock (aiohttp), search (Tornado), covers (Sanic),
recommendations (Falcon), gift cards (Litestar) and invoices (Pyramid)."""
import falcon
import tornado.web
from aiohttp import web
from litestar import get
from litestar.exceptions import HTTPException
from pyramid.httpexceptions import exception_response
from pyramid.response import Response
from sanic import json, redirect
from sanic.exceptions import SanicException


async def stock_level(request):
    book_id = request.match_info["book_id"]
    if not book_id.isdigit():
        return web.json_response({"error": "bad id"}, status=400)
    return web.json_response({"book_id": int(book_id), "stock": 3})


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        query = self.get_argument("q", "")
        if not query:
            self.set_status(400)
            self.finish({"error": "missing query"})
            return
        self.write({"results": []})

    def write_error(self, status_code, **kwargs):
        if status_code == 404:
            self.finish({"error": "not found"})


async def cover(request, book_id):
    if book_id > 10_000:
        raise SanicException("No such cover", status_code=404)
    if book_id < 0:
        return redirect("/covers/default.jpg", 301)
    return json({"url": f"/covers/{book_id}.jpg"}, 200)


class Recommendations:
    def on_get(self, req, resp):
        resp.media = {"books": []}
        resp.status = falcon.HTTP_200

    def on_post(self, req, resp):
        raise falcon.HTTPError(falcon.HTTP_405, code=7)


@get("/gift-cards/{code:str}")
async def gift_card(code: str) -> dict:
    if len(code) != 16:
        raise HTTPException(detail="bad code", status_code=400)
    return {"code": code}


def invoice(request):
    invoice_id = request.matchdict["id"]
    if not invoice_id.isdigit():
        raise exception_response(404)
    return Response(body=b"%PDF-1.7", content_type="application/pdf", status=200)
