"""Book covers (Sanic)."""
from http import HTTPStatus

from sanic import Sanic, empty, json, redirect
from sanic.exceptions import NotFound, SanicException

app = Sanic("covers")

COVERS = {1: "dune.jpg", 2: "emma.jpg"}


@app.get("/covers/<book_id:int>")
async def cover(request, book_id):
    if book_id not in COVERS:
        raise NotFound(f"No cover for book {book_id}")
    return json({"url": f"/static/covers/{COVERS[book_id]}"})


@app.get("/covers/<book_id:int>/image")
async def cover_image(request, book_id):
    if book_id not in COVERS:
        return redirect("/static/covers/default.jpg", 301)
    return redirect(f"/static/covers/{COVERS[book_id]}")


@app.put("/covers/<book_id:int>")
async def upload_cover(request, book_id):
    if request.token is None:
        raise SanicException("Log in to upload covers", status_code=HTTPStatus.UNAUTHORIZED)
    image = request.files.get("image")
    if image is None:
        raise SanicException("An image file is required", status_code=400)
    COVERS[book_id] = image.name
    return json({"url": f"/static/covers/{image.name}"}, 201)


@app.delete("/covers/<book_id:int>")
async def delete_cover(request, book_id):
    COVERS.pop(book_id, None)
    return empty()


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, workers=2)
