"""Invoices and e-book licences (Pyramid)."""
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPNotFound, exception_response
from pyramid.response import Response
from pyramid.view import view_config

INVOICES = {"2024-0001": b"%PDF-1.7 ..."}
EMBARGOED_COUNTRIES = {"XX"}


@view_config(route_name="invoice", request_method="GET")
def invoice(request):
    invoice_id = request.matchdict["id"]
    if invoice_id not in INVOICES:
        raise HTTPNotFound()
    return Response(body=INVOICES[invoice_id], content_type="application/pdf")


@view_config(route_name="invoice", request_method="DELETE")
def void_invoice(request):
    if request.authenticated_userid is None:
        raise exception_response(403)
    INVOICES.pop(request.matchdict["id"], None)
    request.response.status_code = 204
    return request.response


@view_config(route_name="licence", renderer="json")
def licence(request):
    if request.headers.get("CF-IPCountry") in EMBARGOED_COUNTRIES:
        raise exception_response(451)
    return {"book": request.matchdict["book_id"], "licence": "personal use"}


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.add_route("invoice", "/invoices/{id}")
        config.add_route("licence", "/ebooks/{book_id}/licence")
        config.scan()
    return config.make_wsgi_app()
