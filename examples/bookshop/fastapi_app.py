"""The public API (FastAPI)."""
from typing import Optional

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException, Response, WebSocket, status
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel

app = FastAPI(title="Bookshop API")

BOOKS = {1: {"title": "Dune", "author": "Frank Herbert"}}
REVIEWS = {1: {"book_id": 1, "text": "A classic.", "hidden": False}}
SUBSCRIBERS = set()
API_KEYS = {"demo-key"}
SUPPLIER_FEED = "https://supplier.example.com/feeds/stock.json"


class BookIn(BaseModel):
    title: str
    author: str


def require_api_key(x_api_key: Optional[str] = Header(None)) -> str:
    if x_api_key not in API_KEYS:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Invalid API key",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    return x_api_key


@app.get("/books/{book_id}", responses={404: {"description": "No such book"}})
def get_book(book_id: int):
    book = BOOKS.get(book_id)
    if book is None:
        raise HTTPException(status_code=404, detail="No such book")
    return book


@app.post("/books", status_code=201, dependencies=[Depends(require_api_key)])
def create_book(book: BookIn):
    if not book.title.strip():
        raise HTTPException(
            status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail="title must not be blank"
        )
    book_id = max(BOOKS) + 1
    BOOKS[book_id] = book.model_dump()
    return {"id": book_id, **BOOKS[book_id]}


@app.put("/books/{book_id}", dependencies=[Depends(require_api_key)])
def upsert_book(book_id: int, book: BookIn, response: Response):
    if book_id not in BOOKS:
        response.status_code = 201
    BOOKS[book_id] = book.model_dump()
    return {"id": book_id, **BOOKS[book_id]}


@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int, api_key: str = Depends(require_api_key)):
    book = BOOKS.pop(book_id, None)
    return {"deleted": book is not None}


@app.delete("/books", status_code=status.HTTP_204_NO_CONTENT)
def clear_books(api_key: str = Depends(require_api_key)) -> None:
    BOOKS.clear()


@app.delete("/reviews/{review_id}")
def delete_review(review_id: int):
    REVIEWS.pop(review_id, None)
    return JSONResponse({"deleted": True}, status_code=204)


@app.post("/reviews/{review_id}/hide")
def hide_review(review_id: int):
    if review_id in REVIEWS:
        REVIEWS[review_id]["hidden"] = True
    return JSONResponse(None, status_code=status.HTTP_204_NO_CONTENT)


@app.post("/newsletter")
def subscribe(email: str):
    if email in SUBSCRIBERS:
        raise HTTPException(status_code=200, detail="Already subscribed")
    SUBSCRIBERS.add(email)
    return {"subscribed": email}


@app.get("/account")
def account(session: Optional[str] = None):
    if session is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Please log in")
    return {"session": session}


@app.get("/supplier/stock")
async def supplier_stock():
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            r = await client.get(SUPPLIER_FEED)
    except httpx.TimeoutException:
        raise HTTPException(status_code=600, detail="Supplier feed timed out")
    if r.status_code >= 400:
        raise HTTPException(status_code=status.HTTP_502_BAD_GATEWAY, detail="Supplier feed failed")
    return r.json()


@app.get("/catalogue")
def catalogue():
    return RedirectResponse("/books", status_code=status.HTTP_308_PERMANENT_REDIRECT)


@app.websocket("/live")
async def live_stock(websocket: WebSocket, token: Optional[str] = None):
    await websocket.accept()
    if token not in API_KEYS:
        await websocket.close(code=1008)
        return
    await websocket.send_json({"books": len(BOOKS)})
