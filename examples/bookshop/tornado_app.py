"""Search, wishlists and e-book downloads (Tornado)."""
from http import HTTPStatus

import tornado.ioloop
import tornado.web

DOWNLOADS = {}
WISHLIST = []
DOWNLOAD_QUOTA = 5
MIRROR = "https://mirror.example.com/ebooks"


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        query = self.get_argument("q", "")
        if not query:
            self.set_status(400)
            self.finish({"error": "missing query"})
            return
        self.write({"query": query, "results": []})

    def write_error(self, status_code, **kwargs):
        if status_code == 404:
            self.finish({"error": "not found"})
        else:
            super().write_error(status_code, **kwargs)


class WishlistHandler(tornado.web.RequestHandler):
    def post(self):
        WISHLIST.append(self.get_body_argument("book_id"))
        self.set_status(201)
        self.write({"count": len(WISHLIST)})

    def delete(self):
        WISHLIST.clear()
        self.set_status(HTTPStatus.NO_CONTENT)
        self.finish()


class DownloadHandler(tornado.web.RequestHandler):
    def get(self, book_id):
        if not book_id.isdigit():
            raise tornado.web.HTTPError(404)
        if DOWNLOADS.get(book_id, 0) >= DOWNLOAD_QUOTA:
            self.send_error(509, reason="Download quota exceeded")
            return
        DOWNLOADS[book_id] = DOWNLOADS.get(book_id, 0) + 1
        if self.request.headers.get("X-Region") == "eu":
            self.redirect(f"{MIRROR}/{book_id}.epub", status=306)
            return
        self.redirect(f"/static/ebooks/{book_id}.epub")


def make_app():
    return tornado.web.Application(
        [
            (r"/search", SearchHandler),
            (r"/wishlist", WishlistHandler),
            (r"/ebooks/([^/]+)", DownloadHandler),
        ]
    )


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
