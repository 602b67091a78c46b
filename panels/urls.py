from django.urls import path

from . import views

app_name = "panels"

urlpatterns = [
    path("", views.PanelListView.as_view(), name="panel_list"),
    path("new/", views.panel_create, name="panel_create"),
    path("<int:pk>/", views.panel_detail, name="panel_detail"),
    path("<int:pk>/edit/", views.panel_update, name="panel_update"),
    path("<int:panel_pk>/members/new/", views.membership_create, name="membership_create"),
    path("<int:panel_pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("mine/", views.my_panels, name="my_panels"),
    # Memberships, recruitment, training
    path("members/", views.MembershipListView.as_view(), name="membership_list"),
    path("members/<int:pk>/", views.membership_detail, name="membership_detail"),
    path("members/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("induction/<int:pk>/", views.induction_item_toggle, name="induction_item_toggle"),
    path("join/", views.eoi_create, name="eoi_create"),
    path("interest/", views.EoiListView.as_view(), name="eoi_list"),
    path("interest/new/", views.eoi_record, name="eoi_record"),
    path("interest/<int:pk>/", views.eoi_detail, name="eoi_detail"),
    path("interest/<int:pk>/answer/", views.eoi_answer, name="eoi_answer"),
    path("training/", views.TrainingListView.as_view(), name="training_list"),
    path("training/new/", views.training_create, name="training_create"),
    # Meetings
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_update, name="meeting_update"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/actions/new/", views.meeting_action_add, name="meeting_action_add"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/papers/new/", views.paper_add, name="paper_add"),
    path("papers/<int:pk>/", views.paper_download, name="paper_download"),
    # Scrutiny
    path("scrutiny/", views.ScrutinyListView.as_view(), name="scrutiny_list"),
    path("scrutiny/actions/", views.ScrutinyActionListView.as_view(), name="scrutiny_actions"),
    path("scrutiny/new/", views.scrutiny_create, name="scrutiny_create"),
    path("scrutiny/<int:pk>/", views.scrutiny_detail, name="scrutiny_detail"),
    path("scrutiny/<int:pk>/edit/", views.scrutiny_update, name="scrutiny_update"),
    path("scrutiny/<int:pk>/evidence/new/", views.evidence_add, name="evidence_add"),
    path("scrutiny/<int:pk>/findings/", views.scrutiny_findings, name="scrutiny_findings"),
    path("scrutiny/<int:pk>/recommendations/new/", views.recommendation_add, name="recommendation_add"),
    path("scrutiny/<int:pk>/report/", views.scrutiny_report, name="scrutiny_report"),
    path("scrutiny/<int:pk>/report/download/", views.report_download, name="report_download"),
    path("scrutiny/<int:pk>/actions/new/", views.scrutiny_action_add, name="scrutiny_action_add"),
    path("scrutiny/<int:pk>/advance/", views.scrutiny_advance, name="scrutiny_advance"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("recommendations/<int:pk>/respond/", views.recommendation_respond, name="recommendation_respond"),
    # Estate walks and letters
    path("walks/", views.WalkListView.as_view(), name="walk_list"),
    path("walks/new/", views.walk_create, name="walk_create"),
    path("walks/<int:pk>/", views.walk_detail, name="walk_detail"),
    path("walks/<int:pk>/attendees/new/", views.walk_attendee_add, name="walk_attendee_add"),
    path("walks/<int:pk>/issues/new/", views.walk_issue_add, name="walk_issue_add"),
    path("walks/<int:pk>/send/", views.walk_send, name="walk_send"),
    path("issues/<int:pk>/photo/", views.issue_photo, name="issue_photo"),
    path("letters/", views.letter_list, name="letter_list"),
    path("letters/printed/", views.letters_printed, name="letters_printed"),
    # Expenses
    path("expenses/", views.ExpenseListView.as_view(), name="expense_list"),
    path("expenses/new/", views.expense_create, name="expense_create"),
    path("expenses/<int:pk>/", views.expense_detail, name="expense_detail"),
    path("expenses/<int:pk>/decide/", views.expense_decide, name="expense_decide"),
    path("expenses/<int:pk>/receipt/", views.receipt_download, name="receipt_download"),
]
