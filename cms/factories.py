import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from cms.models import CustomDocument, CustomImage


class ImageFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Kuva {n}")
    description = factory.Sequence(lambda n: f"Kuvitus numero {n}: värikkäitä ympyröitä")
    credit = "Kuva: Testaaja"
    file = factory.django.ImageField(width=640, height=360, color="teal")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = CustomImage


class DocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Liite {n}")
    file = factory.django.FileField(filename="liite.txt", data=b"Tehtavapohja")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = CustomDocument


__all__ = ["ImageFactory", "DocumentFactory", "wagtail_factories"]
