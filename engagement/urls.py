from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import gdpr_views, landlord_views, views
from .deadlines import views as deadline_views
from .forms import PortalLoginForm

handler400 = "engagement.views.bad_request"
handler500 = "engagement.views.server_error"

admin.site.site_header = "Engagement portal administration"
admin.site.site_title = "Engagement portal admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=PortalLoginForm), name="login"),
    # Same paths as django.contrib.auth.urls, matched first: throttled e-mails, and a reset unlocks.
    path("accounts/password_reset/", views.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.UnlockingPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("profile/", views.profile, name="profile"),
    path("text-size/", views.text_size, name="text_size"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path("actions/", views.ActionListView.as_view(), name="action_list"),
    path("actions/new/", views.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action_update"),
    path("deadlines/", deadline_views.DeadlineBoardView.as_view(), name="deadline_board"),
    path("deadlines/rules/", deadline_views.deadline_rules, name="deadline_rules"),
    path("actions/<int:pk>/publish/", views.action_publish, name="action_publish"),
    path("actions/<int:pk>/withdraw/", views.action_withdraw, name="action_withdraw"),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("you-said-we-did/estate/<int:pk>/", views.you_said_we_did_estate, name="you_said_we_did_estate"),
    path("you-said-we-did/estate/<int:pk>/poster/", views.estate_poster, name="estate_poster"),
    path("you-said-we-did/posters/", views.poster_list, name="poster_list"),
    path("you-said-we-did/posters/<int:pk>/", views.poster_pdf, name="poster_pdf"),
    path("customers/", views.CustomerListView.as_view(), name="customer_list"),
    path("customers/<int:pk>/", views.CustomerDetailView.as_view(), name="customer_detail"),
    path("customers/<int:pk>/personal-data/", gdpr_views.customer_data_export, name="customer_data_export"),
    path("customers/<int:pk>/erase/", gdpr_views.customer_erase, name="customer_erase"),
    path("landlord.css", landlord_views.landlord_css, name="landlord_css"),
    path("landlord/logo/", landlord_views.landlord_logo, name="landlord_logo"),
    path("activities/", include("activities.urls")),
    path("feedback/", include("feedback.urls")),
    path("surveys/", include("surveys.urls")),
    path("panels/", include("panels.urls")),
    path("charter/", include("charter.urls")),
    path("tsm/", include("regulator.urls")),
    path("voice/", include("voice.urls")),
    path("schemes/", include("schemes.urls")),
    path("housing-system/", include("housing_system.urls")),
    path("api/", include("api.urls")),
    path("mailouts/", include("mailouts.urls")),
    path("consultation/", include("consultation.urls")),
    path("community/", include("community.urls")),
    path("inspection/", include("inspection.urls")),
    path("", include("involvement.urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK_FLOOR:  # benchmarks/pages.py's yardstick; never set in production
    from benchmarks.floor import floor

    urlpatterns.append(path("_benchmark/floor/", floor))

# No /media/ route, even in development: every uploaded file (attachments, papers, photos,
# receipts, board reports) is sent by a view that checks who is asking.
