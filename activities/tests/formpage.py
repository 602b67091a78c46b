"""Read a rendered form as a browser would submit it untouched: every control's default value."""

from html.parser import HTMLParser


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select = self._option = self._textarea = None
        self._template = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self._template += 1
        if self._template:
            return  # the JavaScript copy of an action block is not submitted
        if tag == "form":
            self.forms.append({})
        elif not self.forms:
            return
        fields = self.forms[-1] if self.forms else None
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    fields[name] = attrs.get("value", "on")
            else:
                fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select:
            self._option = attrs.get("value", "")
            if "selected" in attrs:
                fields[self._select] = self._option
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and not self._template:
            # Django starts a textarea with a newline the browser drops.
            self.forms[-1][self._textarea] += data.removeprefix("\n") if not self.forms[-1][self._textarea] else data


def form_defaults(html: str, containing: str) -> dict[str, str]:
    """The values the form holding a control named `containing` would send as it stands."""
    parser = _Controls()
    parser.feed(html)
    return next(form for form in parser.forms if containing in form)
