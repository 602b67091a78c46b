"""What we tell a customer before they give equality information, versioned.

The version shown is stored with every consent (voice.models.EqualityConsent), so if the wording
changes we know what each person agreed to. Change the text, change the version.
"""

EXPLANATION_VERSION = "2026-11"

EXPLANATION = [
    "These questions are optional. You can answer some, all or none, and choose “Prefer not to say” for any.",
    "We use the answers only to check that the people we hear from — in surveys, panels and meetings — are "
    "like our customers as a whole, and to reach the groups we hear from least.",
    "Only the Customer Engagement Manager can see your own answers. Everyone else sees only totals, and any "
    "group of fewer than {threshold} people is never shown.",
    "Your answers are never in a download, a printed report or shared with anyone outside the team, except as "
    "totals. They do not change the service you get.",
    "You can change or remove your answers at any time on your profile, or by asking us.",
]


def explanation(threshold: int) -> list[str]:
    return [paragraph.format(threshold=threshold) for paragraph in EXPLANATION]
