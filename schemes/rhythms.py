"""Each service area's rhythm of obligations, as the strategy sets them (seed 000, 2.2–2.4).

Loaded into `ObligationTemplate` rows by migration 0002 (and again, only adding what is missing,
by `rhythms_load`), so the manager can see and adjust them in the admin; the code reads the rows.
Where the strategy gives no date, the portal's choice is said in the rule.
"""

from __future__ import annotations

# The leaseholders' quarterly meeting has a fixed agenda (strategy section 2.4).
FIXED_AGENDA = [
    ("outstanding", "Outstanding issues"),
    ("new", "New issues"),
    ("satisfaction_kpi", "Customer satisfaction and KPI data"),
    ("forward_planning", "Forward planning"),
    ("aob", "Any other business"),
]

# Invited every quarter to a care & supported scheme's residents' meeting (strategy section 2.2).
QUARTERLY_INVITEES = [
    ("scheme_manager", "The Scheme Manager"),
    ("head_of_social_care", "The Head of Social Care & Inclusion"),
    ("engagement_officer", "A member of the Customer Engagement Team"),
]

CARE, YOUNG, LEASEHOLD = "care_supported", "young_people", "leasehold_block"

RHYTHMS = [
    # --- Care & supported schemes (section 2.2) -------------------------------------------------
    {
        "service_area": CARE,
        "kind": "residents_meeting",
        "title": "Monthly residents' meeting",
        "every_months": 1,
        "owner_role": "ihmo",
        "order": 10,
        "rule": "The scheme's IHMO holds a residents' meeting every month, with minutes and an action plan, and "
        "residents are updated on the actions' progress (strategy section 2.2).",
    },
    {
        "service_area": CARE,
        "kind": "management_invitation",
        "title": "Quarterly invitation of the Scheme Manager, Head of Social Care & Inclusion and an engagement "
        "officer",
        "every_months": 3,
        "owner_role": "ihmo",
        "order": 20,
        "rule": "Once a quarter the Scheme Manager, the Head of Social Care & Inclusion and a member of the Customer "
        "Engagement Team are invited to the residents' meeting; the invitation is recorded (strategy section 2.2).",
    },
    {
        "service_area": CARE,
        "kind": "satisfaction_survey",
        "title": "Satisfaction survey (May and November)",
        "in_months": [5, 11],
        "owner_role": "officer",
        "order": 30,
        "rule": "Every 6 months, in May and November, residents are given a satisfaction survey about where they "
        "live and us as their landlord (strategy section 2.2).",
    },
    {
        "service_area": CARE,
        "kind": "results_reported",
        "title": "Survey results reported to residents, dissatisfaction in an action plan",
        "in_months": [6, 12],
        "owner_role": "officer",
        "order": 40,
        "rule": "The survey's results are collated, analysed and reported to the residents, and areas of "
        "dissatisfaction get an action plan (strategy section 2.2). The portal's rule: in the month after the "
        "survey (June and December).",
    },
    {
        "service_area": CARE,
        "kind": "poster",
        "title": '"You said, we did" poster displayed',
        "every_months": 3,
        "owner_role": "ihmo",
        "order": 50,
        "rule": 'A "You said, we did" is produced and displayed on the notice boards (strategy section 2.2). The '
        "portal's rule: a fresh poster every quarter.",
    },
    # --- Young people's services (section 2.3) --------------------------------------------------
    {
        "service_area": YOUNG,
        "kind": "satisfaction_survey",
        "title": "Annual satisfaction survey",
        "every_months": 12,
        "owner_role": "officer",
        "order": 10,
        "rule": "Young people are given the opportunity to take part in an annual satisfaction survey (strategy "
        "section 2.3).",
    },
    {
        "service_area": YOUNG,
        "kind": "residents_meeting",
        "title": "Scheme meeting at the agreed interval",
        "scheme_setting": "meeting_every_months",
        "owner_role": "ihmo",
        "order": 20,
        "rule": "Scheme staff hold a meeting with their customers at intervals agreed with the scheme, with minutes "
        "and an action plan (strategy section 2.3).",
    },
    {
        "service_area": YOUNG,
        "kind": "exit_interview",
        "title": "Exit interview",
        "on_leaving": True,
        "due_working_days": 10,
        "owner_role": "ihmo",
        "order": 30,
        "rule": "Young people are offered an exit interview when they leave (strategy section 2.3). The portal's "
        "rule: within 10 working days of the day they leave.",
    },
    {
        "service_area": YOUNG,
        "kind": "poster",
        "title": '"You said, we did" poster displayed',
        "every_months": 3,
        "owner_role": "ihmo",
        "order": 40,
        "rule": 'Actions are followed up and "You said, we did" posters completed and displayed (strategy section '
        "2.3). The portal's rule: a fresh poster every quarter.",
    },
    # --- Leaseholders (section 2.4) -------------------------------------------------------------
    {
        "service_area": LEASEHOLD,
        "kind": "sense_check",
        "title": '"Sense Check" survey',
        "scheme_setting": "sense_check_every_months",
        "owner_role": "officer",
        "order": 10,
        "rule": 'A quarterly or six-monthly "Sense Check" survey: general satisfaction with home and community, '
        "what we could do better and what we did well; its figures are reported at the leaseholders' meeting and "
        "monitored by the Customer Voice Group (strategy section 2.4).",
    },
    {
        "service_area": LEASEHOLD,
        "kind": "leaseholder_meeting",
        "title": "Quarterly leaseholders' meeting",
        "every_months": 3,
        "owner_role": "officer",
        "order": 20,
        "rule": "A quarterly residents' meeting, in person or on Teams, with a fixed agenda (outstanding issues, new "
        "issues, customer satisfaction and KPI data, forward planning, any other business); minutes are produced "
        "and distributed (strategy section 2.4).",
    },
]


def rhythms_load(apps=None) -> int:
    """Create any template in RHYTHMS that is missing (never changes one the manager edited)."""
    if apps is None:
        from .models import ObligationTemplate
    else:
        ObligationTemplate = apps.get_model("schemes", "ObligationTemplate")  # noqa: N806
    created = 0
    for rhythm in RHYTHMS:
        fields = dict(rhythm)
        _, was_created = ObligationTemplate.objects.get_or_create(
            service_area=fields.pop("service_area"), kind=fields.pop("kind"), defaults=fields
        )
        created += was_created
    return created
