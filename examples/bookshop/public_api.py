"""The public API (FastAPI)."""
from typing import Optional

from fastapi import FastAPI, HTTPException, WebSocket, status
from fastapi.responses import JSONResponse, RedirectResponse

app = FastAPI(title="Bookshop API")

BOOKS = {1: {"title": "Dune"}}


@app.get("/books/{book_id}", responses={404: {"description": "No such book"}})
def get_book(book_id: int):
    book = BOOKS.get(book_id)
    if book is None:
        raise HTTPException(status_code=404, detail="No such book")
    return book


@app.post("/books", status_code=201)
def create_book(payload: dict):
    if "title" not in payload:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail="title")
    BOOKS[len(BOOKS) + 1] = payload
    return payload


@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int):
    book = BOOKS.pop(book_id, None)
    return {"deleted": book is not None}


@app.delete("/books", status_code=status.HTTP_204_NO_CONTENT)
def clear_books():
    BOOKS.clear()


@app.delete("/reviews/{review_id}")
def delete_review(review_id: int):
    return JSONResponse({"deleted": review_id}, status_code=status.HTTP_204_NO_CONTENT)


@app.get("/account")
def account(session: Optional[str] = None):
    if session is None:
        raise HTTPException(status_code=303, headers={"Location": "/login"})
    return {"session": session}


@app.get("/books/{book_id}/reviews")
def reviews(book_id: int, page: Optional[int] = None):
    if page is not None and page > 100:
        return JSONResponse({"detail": "too far"}, status_code=416)
    return {"reviews": []}


@app.get("/catalogue")
def catalogue():
    return RedirectResponse("/books", status_code=status.HTTP_308_PERMANENT_REDIRECT)


@app.get("/health")
def health():
    return JSONResponse({"ok": True}, status_code=600)


@app.websocket("/live")
async def live(websocket: WebSocket):
    await websocket.accept()
    await websocket.close(code=1008)
