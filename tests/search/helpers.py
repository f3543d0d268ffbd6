"""What the search tests share: publishing a page and asking the search API as a client does."""


def publish(factory, parent, **fields):
    """A live page made by ``factory``; ``keywords`` (term objects) are set before publishing."""
    keywords = fields.pop("keywords", [])
    page = factory(parent=parent, **fields)
    if keywords:
        page.keywords.set(keywords)
    page.save_revision().publish()
    return page


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return [item["title"] for item in body["items"]]
