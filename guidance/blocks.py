"""StreamField blocks a guidance editor needs. Help texts are in Finnish, the editors' language."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("level"),
        help_text=_("Use heading levels in order: level 2 first, level 3 beneath it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=255,
        help_text=_("Required. Say what the image shows and why it is here in the text."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("For example a YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("A transcript helps those who cannot watch the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step title"), max_length=200)
    description = blocks.RichTextBlock(label=_("description"), features=RICH_TEXT_FEATURES)
    duration = blocks.CharBlock(
        label=_("duration"), required=False, max_length=50, help_text=_("For example “10 min”.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Ordered steps")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        label=_("kind"),
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("link text"), max_length=200)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Link")


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells are offered to translators (wagtail-localize skips
    Wagtail's TableBlock, so a Swedish page would show a Finnish table)."""

    def get_translatable_segments(self, value):
        # Deferred: wagtail-localize's segments import its models, and blocks load with ours.
        from wagtail_localize.segments import StringSegmentValue

        value = value or {}
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row or []):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"{row_index}-{col_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value or {})
        value["data"] = [list(row or []) for row in value.get("data") or []]
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
            else:
                row_index, col_index = (int(part) for part in segment.path.split("-"))
                value["data"][row_index][col_index] = text
        return value


class ContentStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    heading = HeadingBlock()
    image = ImageBlock()
    document = DocumentBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    table = TranslatableTableBlock(
        label=_("Table"),
        table_options={"renderer": "text", "autoColumnSize": False},
        help_text=_(
            "Mark the first row as a header row so that screen readers can read the table."
        ),
    )


class AttachmentStreamBlock(blocks.StreamBlock):
    document = DocumentBlock()


class LinkStreamBlock(blocks.StreamBlock):
    link = LinkBlock()
