from django import forms
from django.contrib import admin
from django.contrib.admin import options as admin_options
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models

from . import uploads
from .forms import UploadField
from .landlord import SETTING_FIELDS
from .models import Action, ChaseNotice, Customer, Estate, Landlord, Notification, Patch, PendingTask, User
from .storage import PrivateFileSystemStorage


class PrivateAwareFileWidget(AdminFileWidget):
    """The admin's file input, which links the current file to its URL: a private file has none
    (engagement.storage), and the link made every change page with one a 500. A private file is
    named instead; files with a public URL keep their link."""

    template_name = "engagement/widgets/private_file_input.html"

    @staticmethod
    def _is_private(value) -> bool:
        return isinstance(getattr(value, "storage", None), PrivateFileSystemStorage)

    def is_initial(self, value):
        # Django asks for the file's URL to decide whether there is a current file.
        return bool(value and value.name) if self._is_private(value) else super().is_initial(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["private"] = self._is_private(value)
        return context


# For every ModelAdmin and inline of every app: the core's admin module is imported before the apps'
# (INSTALLED_APPS order; every app depends on the core), and ModelAdmins copy these defaults when
# they are registered, inlines on each request. tests/test_admin_file_pages.py opens them all.
for _field in (models.FileField, models.ImageField):
    admin_options.FORMFIELD_FOR_DBFIELD_DEFAULTS[_field] = {"widget": PrivateAwareFileWidget}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]
    fieldsets = DjangoUserAdmin.fieldsets + (("Portal", {"fields": ("role", "job_title", "phone")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        ("Portal", {"fields": ("role", "email", "first_name", "last_name")}),
    )


class EstateInline(admin.TabularInline):
    model = Estate
    fields = ["name", "estate_type", "homes_lcra", "homes_lcho", "homes_leasehold", "officer"]
    extra = 0
    show_change_link = True


@admin.register(Patch)
class PatchAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "officer"]
    search_fields = ["name", "code"]
    list_select_related = ["officer"]
    inlines = [EstateInline]


@admin.register(Estate)
class EstateAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "patch",
        "estate_type",
        "homes_lcra",
        "homes_lcho",
        "homes_leasehold",
        "homes",
        "officer",
        "has_communal_areas",
    ]
    list_filter = ["estate_type", "patch", "has_communal_areas"]
    search_fields = ["name", "postcode", "address"]
    list_select_related = ["patch", "officer"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "last_name",
        "first_name",
        "estate",
        "tenure",
        "preferred_channel",
        "consent_to_contact",
    ]
    list_filter = [
        "tenure",
        "estate__patch",
        "preferred_channel",
        "large_print",
        "braille",
        "easy_read",
        "digitally_excluded",
        "needs_assistance",
        "consent_to_contact",
    ]
    search_fields = ["reference", "first_name", "last_name", "address", "postcode", "email"]
    list_select_related = ["estate"]
    autocomplete_fields = ["estate", "user"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["we_will", "owner", "estate", "due_on", "status", "publish", "source_type"]
    list_filter = ["status", "publish", "source_type", "estate__patch"]
    search_fields = ["you_said", "we_will", "we_did"]
    list_select_related = ["owner", "estate", "source_type"]
    date_hierarchy = "due_on"
    raw_id_fields = ["owner", "estate", "created_by"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "created_at", "read_at", "emailed_at"]
    list_filter = ["read_at", "emailed_at"]
    search_fields = ["title", "body", "user__username", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(ChaseNotice)
class ChaseNoticeAdmin(admin.ModelAdmin):
    list_display = ["kind", "object_id", "due_on", "step", "period", "sent_at"]
    list_filter = ["kind", "step", "sent_on"]
    search_fields = ["object_id"]
    date_hierarchy = "sent_at"
    filter_horizontal = ["recipients"]
    readonly_fields = ["batch"]


@admin.register(PendingTask)
class PendingTaskAdmin(admin.ModelAdmin):
    """The outbox: background work not yet done. Rows that stay with an error need IT's eye."""

    list_display = ["task", "created_at", "attempts", "claimed_at", "last_error"]
    list_filter = ["task"]
    readonly_fields = ["task", "args", "created_at", "claimed_at", "attempts", "last_error"]


class LandlordForm(forms.ModelForm):
    """The logo is checked like every upload (a real JPEG, PNG, GIF or WebP, re-saved without
    EXIF; never SVG, which can carry script) before it is shown on every page."""

    logo = UploadField(accept=uploads.PHOTOS, max_side=600, required=False, widget=PrivateAwareFileWidget)

    class Meta:
        model = Landlord
        fields = [*SETTING_FIELDS, "logo"]

    def save(self, commit=True):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, uploads.CheckedUpload):
            self.instance.logo = logo.file
            self.instance.logo_content_type = logo.content_type
        elif not logo:
            self.instance.logo_content_type = ""
        return super().save(commit)


@admin.register(Landlord)
class LandlordAdmin(admin.ModelAdmin):
    """One landlord: its name, brand, contact details (the menu of involvement is in the
    involvement app's admin). Colours are refused unless white text on them passes WCAG AA."""

    form = LandlordForm
    fieldsets = [
        (None, {"fields": ["name", "short_name", "portal_name", "team_name", "logo"]}),
        ("Colours", {"fields": ["brand_colour", "accent_colour"]}),
        ("Contact details", {"fields": ["phone", "email", "address", "website", "usual_venue"]}),
        ("Involvement", {"fields": ["review_panel_name", "training_programme_name", "involvement_intro"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Landlord.objects.exists()
