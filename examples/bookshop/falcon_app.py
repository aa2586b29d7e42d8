"""Recommendations (Falcon)."""
import falcon

RECOMMENDATIONS = {1: [2, 3], 2: [1]}


class RecommendationResource:
    def on_get(self, req, resp, book_id):
        if book_id not in RECOMMENDATIONS:
            raise falcon.HTTPNotFound(description="No recommendations for this book yet")
        resp.media = {"books": RECOMMENDATIONS[book_id]}
        resp.status = falcon.HTTP_200

    def on_post(self, req, resp, book_id):
        raise falcon.HTTPError(
            falcon.HTTP_405, description="Recommendations are computed nightly", code=7
        )

    def on_delete(self, req, resp, book_id):
        RECOMMENDATIONS.pop(book_id, None)
        resp.status = 204
        resp.media = {"deleted": book_id}


app = falcon.App()
app.add_route("/recommendations/{book_id:int}", RecommendationResource())
