"""The article body as the one HTML string the frontend renders (jod.content.body_html)."""

from jod.content import body_html


def detail(*blocks, **fields):
    return {"fields": fields, "body": [{"type": kind, "value": value} for kind, value in blocks]}


def test_a_youtube_video_becomes_the_embed_the_frontend_puts_behind_consent():
    html = body_html(
        detail(
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Video",
                    "transcript_html": "<p>Tekstitys</p>",
                },
            )
        )
    )
    assert html == (
        '<div class="embed-responsive" '
        'data-embed-id="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></div>'
        "<p>Tekstitys</p>"
    )


def test_another_video_is_a_link_and_text_fields_are_escaped():
    html = body_html(
        detail(
            ("video", {"url": "https://vimeo.com/1", "title": "<b>V</b>", "transcript_html": ""}),
            ("heading", {"text": "<script>x</script>", "level": "h9"}),
        )
    )
    assert '<a href="https://vimeo.com/1">&lt;b&gt;V&lt;/b&gt;</a>' in html
    assert "<h2>&lt;script&gt;x&lt;/script&gt;</h2>" in html
    assert "<script>" not in html


def test_a_methods_own_fields_come_before_its_body():
    html = body_html(
        detail(
            ("rich_text", {"html": "<p>Runko</p>"}),
            goals="<p>Tavoite</p>",
            steps=[{"title": "Vaihe 1", "description_html": "<p>Tee näin</p>"}],
        )
    )
    assert html.index("Tavoite") < html.index("Vaihe 1") < html.index("Runko")
