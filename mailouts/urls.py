from django.urls import path

from . import views

app_name = "mailouts"

urlpatterns = [
    path("", views.MailOutListView.as_view(), name="list"),
    path("new/", views.mailout_create, name="create"),
    path("<int:pk>/", views.mailout_detail, name="detail"),
    path("<int:pk>/deliveries/", views.DeliveryListView.as_view(), name="deliveries"),
    path("<int:pk>/letters.pdf", views.batch_pdf, name="batch_pdf"),
    path("<int:pk>/letters/posted/", views.batch_posted, name="batch_posted"),
]
