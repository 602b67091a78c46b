"""The OpenAPI schema and its browsable page (Swagger UI from drf-spectacular-sidecar, our static files).

- /api/schema/: any valid token (so a client's developers can generate code against it) or a manager
  or administrator logged in. Anonymous: 401. It describes the API; it holds no data.
- /api/docs/: managers and administrators (they issue tokens and answer the suppliers' questions), as
  any portal page: anonymous visitors go to the login page, other roles get 403. Other systems'
  developers get the schema with their token, or from the administrator.

CSP: Swagger UI's start-up script is served as a separate file (drf-spectacular's "split" view),
and our template keeps the page's few style rules in a static file, so the portal's policy
(scripts and styles from our own files only) holds on this page unchanged.
"""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny

from engagement.access import access

from .authentication import BearerTokenAuthentication
from .permissions import ManagerSessionOrToken


class SchemaView(SpectacularAPIView):
    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [ManagerSessionOrToken]
    throttle_classes: list = []

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        view.access_policy = "api-token"  # or a manager's session; see api/access_matrix.py
        return view


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]  # the manager check is the portal's own, around the view
    throttle_classes: list = []
    url_name = "api:schema"


docs = access("manager")(DocsView.as_view())
