"""The storefront (Flask)."""
from http import HTTPStatus

from flask import Blueprint, Flask, abort, jsonify, redirect, request

app = Flask(__name__)
cart = Blueprint("cart", __name__, url_prefix="/cart")

CARTS = {}
MAX_ITEMS = 50


@app.route("/books/<int:book_id>")
def show_book(book_id):
    if book_id <= 0:
        abort(404)
    return jsonify(id=book_id)


@app.route("/checkout")
def checkout():
    if not request.headers.get("X-Payment-Token"):
        abort(402)
    return redirect("/thanks", code=303)


@app.route("/offers")
def offers():
    return redirect("/promotions", code=HTTPStatus.MOVED_PERMANENTLY)


@app.route("/sale")
def sale():
    return redirect("/promotions", code=HTTPStatus.OK)


@cart.post("/")
def add_to_cart():
    items = CARTS.setdefault(request.remote_addr, [])
    if len(items) >= MAX_ITEMS:
        return jsonify(error="cart full"), 420
    items.append(request.json["book_id"])
    return jsonify(items=items), 201


@cart.delete("/")
def empty_cart():
    CARTS.pop(request.remote_addr, None)
    return "", HTTPStatus.NO_CONTENT


@app.errorhandler(404)
def not_found(error):
    return jsonify(error="not found"), 404


@app.route("/teapot")
def teapot():
    abort(418)


def page_bounds(page):
    return page * MAX_ITEMS, 200


app.register_blueprint(cart)
