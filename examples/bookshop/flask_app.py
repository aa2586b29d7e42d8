"""The storefront (Flask)."""
from http import HTTPStatus

from flask import Blueprint, Flask, abort, jsonify, redirect, request, url_for

app = Flask(__name__)
cart = Blueprint("cart", __name__, url_prefix="/cart")

BOOKS = {1: {"title": "Dune", "price": 9.99}, 2: {"title": "Emma", "price": 7.50}}
CARTS = {}
MAX_ITEMS = 50


@app.get("/books/<int:book_id>")
def show_book(book_id):
    book = BOOKS.get(book_id)
    if book is None:
        abort(404)
    return jsonify(book)


@app.post("/books")
def add_book():
    payload = request.get_json(silent=True) or {}
    if not payload.get("title"):
        return jsonify(error="title is required"), HTTPStatus.UNPROCESSABLE_CONTENT
    book_id = max(BOOKS) + 1
    BOOKS[book_id] = payload
    location = url_for("show_book", book_id=book_id)
    return jsonify(id=book_id), HTTPStatus.CREATED, {"Location": location}


@app.post("/checkout")
def checkout():
    if not request.headers.get("X-Payment-Token"):
        abort(402)
    CARTS.pop(request.remote_addr, None)
    return redirect("/orders/thanks", code=HTTPStatus.SEE_OTHER)


@app.get("/sale")
def sale():
    return redirect("/promotions", code=200)


@app.get("/coffee")
def coffee():
    abort(418)


@cart.post("/")
def add_to_cart():
    items = CARTS.setdefault(request.remote_addr, [])
    if len(items) >= MAX_ITEMS:
        return jsonify(error="cart full"), 420
    items.append(request.json["book_id"])
    return jsonify(items=items), 201


@cart.delete("/<int:book_id>")
def remove_from_cart(book_id):
    items = CARTS.get(request.remote_addr, [])
    if book_id not in items:
        abort(HTTPStatus.NOT_FOUND)
    items.remove(book_id)
    return jsonify(items=items), 204


@cart.delete("/")
def empty_cart():
    CARTS.pop(request.remote_addr, None)
    return "", HTTPStatus.NO_CONTENT


@app.errorhandler(404)
def not_found(error):
    return jsonify(error="not found"), 404


def thumbnail_size(book_id):
    """Width and height of a cover thumbnail, in pixels."""
    return 130, 200


app.register_blueprint(cart)

if __name__ == "__main__":
    app.run(port=8000, debug=True)
