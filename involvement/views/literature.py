"""Literature review: staff send drafts, the reviewing panel comments, a manager or the chair decides."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy

from engagement.access import access, customer_of
from engagement.files import private_file_response
from engagement.landlord import landlord_current
from engagement.steps import form_page, step
from engagement.views import ExportableListView
from panels.models import Membership, Panel

from .. import filters, forms, services, tables
from ..models import ReviewDocument, ReviewStatus


class DocumentListView(ExportableListView):
    access_policy = "staff"
    template_name = "involvement/list.html"
    extra_context = {"new_links": [(reverse_lazy("involvement:document_submit"), "Send a draft for review")]}
    model = ReviewDocument
    table_class = tables.DocumentTable
    filterset_class = filters.DocumentFilter
    title = "Literature review"
    export_name = "literature-review"

    def get_queryset(self):
        return ReviewDocument.objects.select_related("panel")


@access("customer")
def my_reviews(request):
    """The documents the panels a customer sits on are asked to review."""
    customer = customer_of(request.user)
    panels = Membership.objects.current().filter(customer=customer).values("panel")
    documents = ReviewDocument.objects.filter(panel__in=panels).select_related("panel")
    return render(request, "involvement/my_reviews.html", {"documents": documents})


def _document(request, pk: int) -> ReviewDocument:
    document = get_object_or_404(ReviewDocument.objects.select_related("panel", "submitted_by", "decided_by"), pk=pk)
    if not services.can_comment(request.user, document):
        raise PermissionDenied("Only the reviewing panel's members and staff see this document.")
    return document


@access("authenticated")
def document_detail(request, pk: int):
    document = _document(request, pk)
    comments = document.comments.select_related("author")
    return render(
        request,
        "involvement/document_detail.html",
        {
            "document": document,
            "comments": comments,
            "comment_form": forms.CommentForm() if document.status == ReviewStatus.IN_REVIEW else None,
            "may_decide": document.status == ReviewStatus.IN_REVIEW and services.can_decide(request.user, document),
        },
    )


@access("authenticated")
def document_comment(request, pk: int):
    document = _document(request, pk)
    form = forms.CommentForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.review_comment_add(document=document, author=request.user, body=data["body"]),
        success="Thank you: your comment is with the panel.",
        target=document,
    )
    return done or form_page(
        request, form, title=f"Comment on {document.title}", cancel_url=document.get_absolute_url()
    )


@access("authenticated")
def document_decide(request, pk: int):
    document = _document(request, pk)
    if not services.can_decide(request.user, document):
        raise PermissionDenied("A manager or the panel's chair decides.")
    form = forms.DecisionForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.review_document_decide(
            document=document, by=request.user, approve=data["decision"] == "approve", note=data["note"]
        ),
        success=lambda d: d.stamp or "Changes asked for; the author has been told.",
        target=document,
    )
    return done or form_page(
        request,
        form,
        title=f"Decide: {document.title}",
        intro=f"Is it clear, customer friendly and free of jargon, as the {document.panel.name} expects?",
        cancel_url=document.get_absolute_url(),
    )


@access("staff")
def document_submit(request):
    review_panel = Panel.objects.filter(name=landlord_current(request).review_panel_name).first()
    form = forms.DocumentForm(request.POST or None, request.FILES or None, initial={"panel": review_panel})
    done = step(
        request,
        form=form,
        run=lambda data: services.review_document_submit(
            title=data["title"],
            kind=data["kind"],
            panel=data["panel"],
            upload=data["file"],
            notes=data["notes"],
            by=request.user,
            form_token=data["form_token"],
        ),
        success="Sent to the panel; its members have been told.",
        resent="It had already been sent; nothing was added twice.",
        target=lambda d: d,
    )
    return done or form_page(
        request,
        form,
        title="Send a draft for review",
        intro="A leaflet, letter or newsletter draft (PDF or Word): the panel checks it is clear and jargon-free.",
        cancel_url=reverse("involvement:document_list"),
        submit_label="Send",
    )


@access("staff")
def document_revise(request, pk: int):
    document = _document(request, pk)
    form = forms.RevisionForm(request.POST or None, request.FILES or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.review_document_revise(document=document, upload=data["file"], by=request.user),
        success="The new version is with the panel.",
        target=document,
    )
    return done or form_page(
        request,
        form,
        title=f"New version of {document.title}",
        cancel_url=document.get_absolute_url(),
        submit_label="Send",
    )


@access("authenticated")
def document_file(request, pk: int):
    document = _document(request, pk)
    return private_file_response(request, document.file, content_type=document.file_content_type, download=True)
