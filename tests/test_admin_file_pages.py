"""The Django admin's change page opens for every model that has a file, and for every parent page
that shows such a model inline (issue #15 item 7).

Every such file lives in private storage, which has no URL (engagement.storage); the admin's file
input used to link the current file to its URL, so each of these pages was a 500. The test walks
admin.site._registry, so a model added later with a file is checked too (it needs a factory in its
app's factories.py).
"""

import importlib
import io

import factory
import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from PIL import Image

from engagement.factories import AdminUserFactory

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _file_fields(model):
    return [f for f in model._meta.get_fields() if isinstance(f, models.FileField)]


def _factory_for(model):
    module = importlib.import_module(f"{model._meta.app_label}.factories")
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and issubclass(value, factory.django.DjangoModelFactory)
            and value._meta.model is model
        ):
            return value
    raise AssertionError(f"Add a factory for {model._meta.label} to {model._meta.app_label}/factories.py")


def _with_files(model):
    files = {f.name: ContentFile(_png(), name=f"{f.name}-secret-name.png") for f in _file_fields(model)}
    return _factory_for(model)(**files)


def _pages():
    """(label, model whose change page to open, model with the file) for every case."""
    for model, model_admin in admin.site._registry.items():
        if _file_fields(model):
            yield model._meta.label, model, model
        for inline in model_admin.inlines:
            if _file_fields(inline.model):
                yield f"{model._meta.label} with {inline.model._meta.label} inline", model, inline.model


PAGES = sorted(_pages(), key=lambda page: page[0])


def test_there_are_admin_pages_with_private_files_to_check():
    assert len(PAGES) >= 10


@pytest.mark.parametrize(("label", "page_model", "file_model"), PAGES, ids=[page[0] for page in PAGES])
def test_the_admin_change_page_opens_for_a_record_with_a_private_file(client, label, page_model, file_model):
    client.force_login(AdminUserFactory(is_staff=True))
    record = _with_files(file_model)
    if page_model is not file_model:
        parent_field = next(f for f in file_model._meta.get_fields() if f.many_to_one and f.related_model is page_model)
        record = getattr(record, parent_field.name)
    opts = page_model._meta
    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]))
    assert response.status_code == 200, label
    if page_model is file_model or "-secret-name" in response.text:  # some inlines do not show the file
        assert "-secret-name" in response.text and "a private file" in response.text
