"""Tokens are issued and revoked by the administrator, in the Django admin only.

Why not a staff page for managers: a token is standing access for another system, and one with
personal:read hands personal data over in bulk. That is the administrator's decision (with the
data-sharing agreement behind it), taken where the administrator already manages logins; managers
see the figures the tokens read on their own pages. The token is shown once, on the page after
"Save", and only its hash is kept: a lost token is revoked and a new one issued.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from .models import ApiCall, ApiClient, Scope
from .services import api_client_create, api_client_revoke, scopes_check


class ApiClientCreateForm(forms.ModelForm):
    scope_list = forms.MultipleChoiceField(
        label="Scopes", choices=Scope.choices, widget=forms.CheckboxSelectMultiple, help_text="What the token may read."
    )

    class Meta:
        model = ApiClient
        fields = ["name", "scope_list", "customer", "expires_at"]

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["scope_list"] = scopes_check(
                scopes=cleaned.get("scope_list") or [], customer=cleaned.get("customer")
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "token_prefix",
        "scopes",
        "customer",
        "status",
        "created_by",
        "created_at",
        "last_used_at",
        "expires_at",
    ]
    list_filter = ["revoked_at"]
    search_fields = ["name", "token_prefix"]
    raw_id_fields = ["customer"]
    actions = ["revoke"]
    readonly_fields = [
        "scopes",
        "customer",
        "token_prefix",
        "created_by",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "revoked_by",
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ApiClientCreateForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "scope_list", "customer", "expires_at"]
        return ["name", *self.readonly_fields]

    def has_delete_permission(self, request, obj=None):
        return False  # its calls stay logged against it: revoke instead

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created, token = api_client_create(
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scope_list"],
            customer=form.cleaned_data.get("customer"),
            expires_at=form.cleaned_data.get("expires_at"),
            by=request.user,
        )
        obj.pk = created.pk
        obj.refresh_from_db()
        request._api_token_once = token  # shown on the next page only (response_add)

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "client": obj,
            "token": request._api_token_once,
            "title": "Copy the token now",
        }
        return TemplateResponse(request, "admin/api/apiclient/token_created.html", context)

    @admin.action(description="Revoke the selected tokens (at once)")
    def revoke(self, request, queryset):
        revoked = sum(api_client_revoke(client=client, by=request.user) for client in queryset)
        self.message_user(request, f"{revoked} token(s) revoked.", messages.SUCCESS)


@admin.register(ApiCall)
class ApiCallAdmin(admin.ModelAdmin):
    list_display = ["at", "client", "method", "path", "status", "duration_ms"]
    list_filter = ["status", "client"]
    date_hierarchy = "at"
    list_select_related = ["client"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
