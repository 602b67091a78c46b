import datetime
import functools
import logging

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.forms import ModelChoiceField
from django.forms.models import ModelChoiceIterator
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from . import posters, services
from .access import AccessMixin, access
from .csv_export import TableCsvMixin
from .filters import ActionFilter, CustomerFilter, PublicActionFilter
from .forms import (
    ActionForm,
    ActionProgressForm,
    CustomerPreferencesForm,
    PosterForm,
    PublicWordingForm,
    StaffProfileForm,
    form_add_service_errors,
)
from .freshness import Reading, readings_kept
from .landlord import landlord_cached_or_default
from .models import (
    PUBLIC_WORDING_MAX,
    Action,
    ActionStatus,
    Customer,
    Estate,
    Notification,
    PosterPrint,
    PosterVersion,
    Role,
)
from .registry import DASHBOARD_PANELS, batch_cached, measure_batch
from .security import client_ip, throttle_hit
from .tables import ActionTable, CustomerTable, table_drawn

log = logging.getLogger(__name__)


class _ChoicesInOneQuery(ModelChoiceIterator):
    """A filter's options (estates, patches, officers) read with one plain SELECT: Django's
    iterator() opens a server-side cursor on PostgreSQL (DECLARE, FETCH, CLOSE) for a few dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ExportableListView(AccessMixin, TableCsvMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated list that also exports the filtered rows as CSV (streamed) or XLSX."""

    # The table paginates (django-tables2); paginate_by would make ListView count and slice the rows again.
    paginate_by = None
    table_pagination = {"per_page": 25}
    template_name = "engagement/list.html"
    title = ""

    def get(self, request, *args, **kwargs):
        if not self.export_format():
            return super().get(request, *args, **kwargs)
        # The rows FilterView.get would list, without building the page around them.
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid() or not self.get_strict():
            self.object_list = self.filterset.qs
        else:
            self.object_list = self.filterset.queryset.none()
        return self.export_response()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        for field in filterset.form.fields.values():
            if isinstance(field, ModelChoiceField) and not issubclass(field.iterator, _ChoicesInOneQuery):
                # django-filter's own iterator (which adds a "none" option) runs on top of this one.
                bases = (field.iterator, _ChoicesInOneQuery) if field.iterator is not ModelChoiceIterator else ()
                field.iterator = type("ChoicesInOneQuery", bases, {}) if bases else _ChoicesInOneQuery
                field.widget.choices = field.choices
        return filterset

    def get_context_data(self, **kwargs):
        # The page of rows and their count, drawn: kept per person, address (filters, sort and page
        # in its query string) and day until a table they read is written (engagement/freshness.py). The filter
        # form is drawn live. `table` is built only if something asks for it (a subclass, a test).
        user = self.request.user
        # The full path: a list mounted under another record's address (its id in the path) is its own.
        scope = (user.pk, user.role, timezone.localdate().isoformat(), self.request.get_full_path())
        name = f"{type(self).__module__}.{type(self).__qualname__}"
        (rows,) = readings_kept([Reading(name, scope, self._rows_drawn)])
        context = super(SingleTableMixin, self).get_context_data(**kwargs)
        table = SimpleLazyObject(lambda: self.get_table(**self.get_table_kwargs()))
        context.update(rows, title=self.title, table=table)
        return context

    def _rows_drawn(self) -> dict:
        table = self.get_table(**self.get_table_kwargs())
        return {
            "table_html": table_drawn(table, self.request),
            # All the filtered rows, not just this page's (the paginator counted them in one query).
            "result_count": table.paginator.count if hasattr(table, "paginator") else len(table.rows),
        }


def _staff_home(user, today) -> dict:
    """A member of staff's own part of the home page: the actions they owe; an officer's estates,
    a manager's open actions by owner."""
    mine, open_, overdue = batch_cached(services.actions_owed_by, user.pk, today, 8)
    found = {"my_actions": mine, "my_action_counts": {"open": open_, "overdue": overdue}}
    if user.is_manager:
        found["actions_by_owner"] = batch_cached(services.action_counts_by_owner, today=today)
    else:
        # The officer's page lists their estates. No customer count: the page does not show one,
        # and it joined every customer of the estates.
        found["my_estates"] = list(user.estates.select_related("patch").order_by("name"))
    return found


@access("authenticated")
def home(request):
    user = request.user
    template = {
        Role.OFFICER: "engagement/home_officer.html",
        Role.MANAGER: "engagement/home_manager.html",
        Role.ADMIN: "engagement/home_manager.html",
        Role.CUSTOMER: "engagement/home_customer.html",
    }[user.role]
    panels = []
    today = timezone.localdate()
    context = {"panels": panels, "today": today}
    # Each panel (and a member of staff's own actions and estates) is worked out again only when a
    # table it read has changed, or the day (engagement/freshness.py). One batch for the whole page:
    # panels that need the same aggregate (overdue reports by officer, the staff's names, a person's
    # open actions) read it once through registry.batch_cached.
    with measure_batch():
        shown = [panel for panel in DASHBOARD_PANELS if user.role in panel.roles]
        scope = (user.pk, user.role, today.isoformat())
        readings = [Reading(panel.template, scope, functools.partial(panel.build, request)) for panel in shown]
        if user.is_engagement_staff:
            readings.append(Reading("engagement/home:staff", scope, functools.partial(_staff_home, user, today)))
        found = readings_kept(readings)
    for panel, panel_context in zip(shown, found, strict=False):
        if panel_context is not None:
            panels.append((panel.template, panel_context))
    if user.is_engagement_staff:
        context.update(found[-1])
    if user.is_involved_customer:
        customer = getattr(user, "customer", None)
        context["customer"] = customer
        context["you_said_we_did"] = Action.objects.visible_to_customer(customer).order_by("-published_at", "-pk")[:5]
    context["recent_notifications"] = user.notifications.all()[:5]
    return render(request, template, context)


@access("authenticated")
def notification_list(request):
    notifications = request.user.notifications.all()[:100]
    return render(request, "engagement/notifications.html", {"notifications": notifications})


@require_POST
@access("authenticated")
def notifications_read(request):
    ids = request.POST.getlist("notification")
    count = services.notifications_mark_read(
        user=request.user, notification_ids=[int(i) for i in ids if i.isdigit()] or None
    )
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notification_list")


@require_POST  # opening marks it read: a change of state, so never on a GET (link previews, prefetch)
@access("authenticated")
def notification_open(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notification_list")


class ThrottledPasswordResetView(AccessMixin, auth_views.PasswordResetView):
    """Django's reset, with at most a few e-mails per address and per client address an hour.

    Over the limit the page says the same as ever (it never tells whether an address is known),
    but no e-mail goes: nobody can flood a mailbox or our mail relay from the login page."""

    access_policy = "public"

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        window = settings.PASSWORD_RESET_THROTTLE_SECONDS
        by_email = throttle_hit("reset-email", email, limit=settings.PASSWORD_RESET_PER_EMAIL, seconds=window)
        address = client_ip(self.request) or ""
        by_ip = throttle_hit("reset-ip", address, limit=settings.PASSWORD_RESET_PER_IP, seconds=window)
        if not (by_email and by_ip):
            log.warning("Password reset e-mail not sent: throttled (%s).", "address" if not by_email else "client")
            return redirect(self.get_success_url())
        return super().form_valid(form)


class UnlockingPasswordResetConfirmView(AccessMixin, auth_views.PasswordResetConfirmView):
    """Setting a new password from the e-mailed link also lifts a django-axes lockout.

    The link proves the person owns the account's e-mail address, so the failed attempts made
    before (perhaps by someone else) no longer count; the lockout page promises exactly this."""

    access_policy = "public"

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=self.user.get_username())
        return response


def server_error(request):
    """The branded 500 page, rendered without the request's context processors: whatever broke
    (often the database) is not touched again; the landlord's names come from the cache, if any."""
    landlord = landlord_cached_or_default()
    context = {"LANDLORD": landlord, "SITE_NAME": landlord.site_name, "LANDLORD_NAME": landlord.name}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def bad_request(request, exception=None):
    """The branded 400 page (a NUL byte or another value the portal refuses), with the menu: the
    request itself is sound enough to render a page for."""
    return render(request, "400.html", status=400)


@require_POST
@access("public")
def text_size(request):
    """The large-print switch at the top of every page (a form: it works without JavaScript).
    Remembered on the person's profile; before logging in, for the visit."""
    if request.user.is_authenticated:
        services.large_print_set(user=request.user, on=not request.user.wants_large_print)
    else:
        request.session["large_text"] = not request.session.get("large_text", False)
    target = request.POST.get("next", "")
    if not target.isprintable() or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"  # a line break in a header would be a 500 (and header injection)
    return HttpResponseRedirect(target)  # a path, never looked up as a URL name ("x:y" is not one)


class ActionListView(ExportableListView):
    access_policy = "staff"
    model = Action
    table_class = ActionTable
    filterset_class = ActionFilter
    title = 'Actions and "You said, we did"'
    export_name = "actions"

    def get_queryset(self):
        return Action.objects.select_related("owner", "estate")


class ActionDetailView(AccessMixin, DetailView):
    access_policy = "staff"
    model = Action
    template_name = "engagement/action_detail.html"

    def get_queryset(self):
        return Action.objects.select_related("owner", "estate", "created_by", "source_type")


class ActionCreateView(AccessMixin, CreateView):
    access_policy = "staff"
    model = Action
    form_class = ActionForm
    template_name = "engagement/form.html"
    extra_context = {"title": "New action"}

    def get_initial(self):
        return {"owner": self.request.user, "due_on": timezone.localdate() + datetime.timedelta(days=28)}

    def form_valid(self, form):
        self.object = services.action_create(created_by=self.request.user, **form.cleaned_data)
        messages.success(self.request, "Action added.")
        return redirect(self.object)


class ActionUpdateView(AccessMixin, UpdateView):
    access_policy = "staff"
    model = Action
    form_class = ActionProgressForm
    template_name = "engagement/form.html"
    extra_context = {"title": "Update action"}

    def get_object(self, queryset=None):
        action = super().get_object(queryset)
        # The owner moves their own action on; the manager can update anyone's.
        if action.owner_id != self.request.user.pk and not self.request.user.is_manager:
            raise PermissionDenied("Only the action's owner or a manager can update it.")
        return action

    def form_valid(self, form):
        messages.success(self.request, "Action updated.")
        return super().form_valid(form)


@access("public")
def you_said_we_did(request):
    """ "You said, we did" in public (seed 2; charter 1, 3, 7): every published change, by estate
    or patch. Anyone may read it, logged in or not; it shows only approved public wording, the
    place and the month, never a name. Staff also see what is waiting for public wording."""
    published = Action.objects.published().select_related("estate__patch").order_by("-published_at", "-pk")
    filterset = PublicActionFilter(request.GET or None, queryset=published)
    page = Paginator(filterset.qs, 20).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page": page, "actions": page.object_list, **_viewer_context(request)}
    if request.user.is_authenticated and request.user.is_engagement_staff:
        awaiting = Action.objects.awaiting_public_wording().select_related("estate").order_by("-done_on", "-pk")
        context["awaiting"] = awaiting[:10]
        context["awaiting_count"] = awaiting.count()
    return render(request, "engagement/you_said_we_did.html", context)


@access("public")
def you_said_we_did_estate(request, pk: int):
    """One estate's or scheme's "You said, we did" (the page its posters' QR code opens)."""
    estate = get_object_or_404(Estate.objects.select_related("patch"), pk=pk)
    published = Action.objects.published().for_place(estate=estate).select_related("estate")
    page = Paginator(published.order_by("-published_at", "-pk"), 20).get_page(request.GET.get("page"))
    context = {"estate": estate, "page": page, "actions": page.object_list, **_viewer_context(request)}
    return render(request, "engagement/you_said_we_did_estate.html", context)


def _viewer_context(request) -> dict:
    user = request.user
    staff = user.is_authenticated and user.is_engagement_staff
    customer = getattr(user, "customer", None) if user.is_authenticated and user.is_involved_customer else None
    return {"is_staff_viewer": staff, "customer_estate": customer.estate if customer else None}


def _may_manage(user, action: Action) -> bool:
    # The same people who move the action on: its owner or a manager.
    return action.owner_id == user.pk or user.is_manager


@access("staff")
def action_publish(request, pk: int):
    """Write and approve the public wording of a done action, which publishes it."""
    action = get_object_or_404(Action.objects.select_related("estate", "owner"), pk=pk)
    if not _may_manage(request.user, action):
        raise PermissionDenied("Only the action's owner or a manager can publish it.")
    if action.status != ActionStatus.DONE:
        messages.error(request, 'Only a done action can be published as "You said, we did".')
        return redirect(action)
    initial = {
        "public_you_said": action.public_you_said or action.you_said[:PUBLIC_WORDING_MAX],
        "public_we_did": action.public_we_did or action.we_did[:PUBLIC_WORDING_MAX],
    }
    form = PublicWordingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_publish(
                action=action,
                you_said=form.cleaned_data["public_you_said"],
                we_did=form.cleaned_data["public_we_did"],
                by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, 'Published as "You said, we did".')
            return redirect(action)
    return render(request, "engagement/action_publish.html", {"action": action, "form": form})


@require_POST
@access("staff")
def action_withdraw(request, pk: int):
    action = get_object_or_404(Action, pk=pk)
    if not _may_manage(request.user, action):
        raise PermissionDenied("Only the action's owner or a manager can withdraw it.")
    services.action_withdraw(action=action, by=request.user)
    messages.success(request, 'Taken off "You said, we did". Its wording is kept if you want to publish it again.')
    return redirect(action)


@access("staff")
def estate_poster(request, pk: int):
    """Print an A4 poster of an estate's "You said, we did" for its notice board."""
    estate = get_object_or_404(Estate, pk=pk)
    form = PosterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            poster = services.poster_print(
                estate=estate,
                version=form.cleaned_data["version"],
                by=request.user,
                form_token=form.cleaned_data["form_token"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect(poster)
    context = {
        "estate": estate,
        "form": form,
        # A preview without laying the page out: printing fits as many as one A4 page holds.
        "candidates": services.poster_candidates(estate=estate, version=PosterVersion.STANDARD),
        "printed": estate.posters.select_related("printed_by")[:10],
    }
    return render(request, "engagement/poster.html", context)


@access("staff")
def poster_pdf(request, pk: int):
    """A printed poster as its PDF: the items logged when it was printed, so a reprint matches."""
    poster = get_object_or_404(PosterPrint.objects.select_related("estate"), pk=pk)
    response = HttpResponse(posters.poster_pdf(poster), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{posters.poster_filename(poster)}"'
    return response


@access("staff")
def poster_list(request):
    """Every poster printed, newest first: what the charter's posters measure counts."""
    printed = (
        PosterPrint.objects.select_related("estate", "printed_by")
        .annotate(item_count=Count("items"))
        .order_by("-printed_at", "-pk")
    )
    page = Paginator(printed, 50).get_page(request.GET.get("page"))
    return render(request, "engagement/poster_list.html", {"page": page})


class CustomerListView(ExportableListView):
    access_policy = "staff"
    model = Customer
    table_class = CustomerTable
    filterset_class = CustomerFilter
    title = "Customers"
    export_name = "customers"

    def get_queryset(self):
        return Customer.objects.select_related("estate")


class CustomerDetailView(AccessMixin, DetailView):
    access_policy = "staff"
    model = Customer
    template_name = "engagement/customer_detail.html"

    def get_queryset(self):
        return Customer.objects.select_related("estate__patch", "user")


@access("authenticated")
def profile(request):
    """Your own details. Customers change how we contact them; staff their name and phone."""
    if request.user.is_involved_customer:
        instance = getattr(request.user, "customer", None)
        if instance is None:
            raise PermissionDenied("Your login is not linked to a customer record.")
        form_class = CustomerPreferencesForm
    else:
        instance = request.user
        form_class = StaffProfileForm
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your details have been saved.")
        return redirect("profile")
    return render(request, "engagement/profile.html", {"form": form})
