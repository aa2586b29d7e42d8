"""The route map: every route of a project with the statuses it sends, documents and is
tested for, read from the source (never imported)."""
