"""`Authorization: Bearer <token>` for the API (DRF authentication class).

No header: DRF answers 401 (the `WWW-Authenticate` header below makes it 401, not 403). A header
with an unknown, revoked or expired token: 401 with the reason. Sessions are not accepted by the
data endpoints, so a logged-in browser cannot be tricked into reading them for another site.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .services import TokenRefused, api_client_for_token


class ApiClientUser:
    """What `request.user` is for a token: the client, not a person (never a staff login)."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_staff = False
    is_superuser = False
    role = None

    def __init__(self, client):
        self.client = client
        self.pk = self.id = None

    def __str__(self) -> str:
        return f"API client {self.client.name}"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send the header as: Authorization: Bearer <token>.")
        try:
            token = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        try:
            client = api_client_for_token(token)
        except TokenRefused as refused:
            raise exceptions.AuthenticationFailed(str(refused)) from None
        return ApiClientUser(client), client

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How drf-spectacular describes the token in the schema (and Swagger UI's "Authorize")."""

    target_class = "api.authentication.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A token the administrator created for your system."}
