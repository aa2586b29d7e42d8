"""Gift cards (Litestar)."""
from litestar import Litestar, delete, get, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.status_codes import HTTP_400_BAD_REQUEST

GIFT_CARDS = {"ABCD1234EFGH5678": 25.0}
CODE_LENGTH = 16


def check_code(code: str) -> None:
    if len(code) != CODE_LENGTH:
        raise HTTPException(
            detail=f"Gift card codes have {CODE_LENGTH} characters",
            status_code=HTTP_400_BAD_REQUEST,
        )


@get("/gift-cards/{code:str}")
async def gift_card(code: str) -> dict:
    check_code(code)
    if code not in GIFT_CARDS:
        raise HTTPException(404)
    return {"code": code, "balance": GIFT_CARDS[code]}


@post("/gift-cards/{code:str}/redeem", status_code=200)
async def redeem(code: str, data: dict) -> dict:
    check_code(code)
    if code not in GIFT_CARDS:
        raise NotFoundException(detail="Unknown gift card")
    GIFT_CARDS[code] = max(0.0, GIFT_CARDS[code] - float(data["amount"]))
    return {"code": code, "balance": GIFT_CARDS[code]}


@delete("/gift-cards/{code:str}")
async def cancel(code: str) -> dict:
    return {"cancelled": GIFT_CARDS.pop(code, None) is not None}


app = Litestar(route_handlers=[gift_card, redeem, cancel])
