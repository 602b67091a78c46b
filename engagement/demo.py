"""Demo data for the core app: a landlord of about 10,000 homes.

Deterministic (seeded random) and idempotent: every row is found by a natural key
(username, patch code, estate name, tenancy reference) before it is created.
"""

from __future__ import annotations

import datetime
import functools
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from .landlord import landlord_data, landlord_settings_load
from .models import (
    Action,
    ActionStatus,
    Channel,
    Customer,
    Estate,
    EstateType,
    Landlord,
    Patch,
    PosterPrint,
    Role,
    Tenure,
)

DEMO_PASSWORD = "demo-portal-2026"

OFFICERS = [
    ("sarah.okafor", "Sarah", "Okafor"),
    ("tom.bennett", "Tom", "Bennett"),
    ("priya.sharma", "Priya", "Sharma"),
    ("gareth.llewellyn", "Gareth", "Llewellyn"),
    ("chloe.adeyemi", "Chloe", "Adeyemi"),
    ("daniel.walsh", "Daniel", "Walsh"),
]
MANAGER = ("janet.price", "Janet", "Price")
ADMIN = ("it.admin", "Ian", "Thorne")

PATCHES = [
    ("NFD", "Northfield & Longbridge"),
    ("KNO", "Kings Norton"),
    ("SOB", "Selly Oak & Bournville"),
    ("ERD", "Erdington & Kingstanding"),
    ("SPK", "Sparkhill & Tyseley"),
    ("SUT", "Sutton & Walmley"),
]

# name, type, homes, patch code, street stems, postcode district, communal areas
ESTATES = [
    (
        "Beechwood Estate",
        EstateType.GENERAL_NEEDS,
        612,
        "NFD",
        ["Beechwood Road", "Alder Close", "Rowan Way"],
        "B31",
        True,
    ),
    ("Longbridge Park", EstateType.GENERAL_NEEDS, 488, "NFD", ["Austin Drive", "Lickey Road"], "B31", True),
    ("Hollymoor Green", EstateType.GENERAL_NEEDS, 355, "NFD", ["Hollymoor Way", "Foxglove Crescent"], "B31", False),
    ("Frankley Rise", EstateType.GENERAL_NEEDS, 402, "NFD", ["Frankley Avenue", "Cofton Grove"], "B45", True),
    ("Turves Green Court", EstateType.CARE_SUPPORTED, 46, "NFD", ["Turves Green"], "B31", True),
    ("Bristol Road Leasehold Block", EstateType.LEASEHOLD_BLOCK, 84, "NFD", ["Bristol Road South"], "B31", True),
    ("Hawkesley Estate", EstateType.GENERAL_NEEDS, 530, "KNO", ["Hawkesley Mill Lane", "Shannon Road"], "B38", True),
    ("Pool Farm", EstateType.GENERAL_NEEDS, 441, "KNO", ["Pool Farm Road", "Primrose Hill"], "B38", True),
    ("Wychall Meadows", EstateType.GENERAL_NEEDS, 296, "KNO", ["Wychall Lane", "Meadow Vale"], "B38", False),
    ("The Maypole House", EstateType.CARE_SUPPORTED, 38, "KNO", ["Maypole Lane"], "B14", True),
    ("Pershore Road Foyer", EstateType.YOUNG_PEOPLE, 24, "KNO", ["Pershore Road"], "B30", True),
    ("Druids Heath", EstateType.GENERAL_NEEDS, 574, "KNO", ["Bellfounder Close", "Ardencote Road"], "B14", True),
    ("Weoley Castle Estate", EstateType.GENERAL_NEEDS, 516, "SOB", ["Castle Road", "Weoley Avenue"], "B29", True),
    ("Bournville Gardens", EstateType.GENERAL_NEEDS, 312, "SOB", ["Linden Road", "Sycamore Road"], "B30", False),
    ("Raddlebarn Court", EstateType.CARE_SUPPORTED, 52, "SOB", ["Raddlebarn Road"], "B29", True),
    ("Harborne Lane House", EstateType.LEASEHOLD_BLOCK, 96, "SOB", ["Harborne Lane"], "B29", True),
    ("Bournbrook Young People's Service", EstateType.YOUNG_PEOPLE, 18, "SOB", ["Bournbrook Road"], "B29", True),
    ("Shenley Fields", EstateType.GENERAL_NEEDS, 468, "SOB", ["Shenley Fields Road", "Barnes Hill"], "B29", True),
    ("Castle Vale", EstateType.GENERAL_NEEDS, 622, "ERD", ["Farnborough Road", "Tangmere Drive"], "B35", True),
    ("Kingstanding Circle", EstateType.GENERAL_NEEDS, 507, "ERD", ["Kingstanding Road", "Dulwich Road"], "B44", True),
    ("Short Heath Estate", EstateType.GENERAL_NEEDS, 339, "ERD", ["Short Heath Road", "Marsh Hill"], "B23", False),
    ("Wood End Court", EstateType.CARE_SUPPORTED, 41, "ERD", ["Wood End Road"], "B24", True),
    ("Gravelly Hill Tower", EstateType.LEASEHOLD_BLOCK, 112, "ERD", ["Gravelly Hill North"], "B23", True),
    ("Stockland Green", EstateType.GENERAL_NEEDS, 384, "ERD", ["Slade Road", "Streetly Road"], "B23", True),
    ("Erdington Foyer", EstateType.YOUNG_PEOPLE, 28, "ERD", ["Sutton Road"], "B23", True),
    ("Sparkhill Park", EstateType.GENERAL_NEEDS, 455, "SPK", ["Stratford Road", "Durham Road"], "B11", True),
    ("Tyseley Estate", EstateType.GENERAL_NEEDS, 398, "SPK", ["Wharfdale Road", "Warwick Road"], "B11", True),
    ("Greet Mill Court", EstateType.CARE_SUPPORTED, 44, "SPK", ["Percy Road"], "B11", True),
    ("Springfield Gardens", EstateType.GENERAL_NEEDS, 327, "SPK", ["Springfield Road", "Colebank Road"], "B13", False),
    ("Acocks Green House", EstateType.LEASEHOLD_BLOCK, 72, "SPK", ["Westley Road"], "B27", True),
    ("Hall Green Lodge", EstateType.CARE_SUPPORTED, 35, "SPK", ["Fox Hollies Road"], "B28", True),
    ("Sutton Coldfield Rise", EstateType.GENERAL_NEEDS, 286, "SUT", ["Lichfield Road", "Rectory Road"], "B73", False),
    ("Falcon Lodge", EstateType.GENERAL_NEEDS, 421, "SUT", ["Churchill Road", "Reddicap Heath Road"], "B75", True),
    ("Walmley Grange", EstateType.CARE_SUPPORTED, 48, "SUT", ["Walmley Road"], "B76", True),
    ("New Oscott Estate", EstateType.GENERAL_NEEDS, 362, "SUT", ["Court Lane", "Chester Road"], "B73", True),
    ("Boldmere Court", EstateType.LEASEHOLD_BLOCK, 64, "SUT", ["Boldmere Road"], "B73", True),
    ("Mere Green Young People's Service", EstateType.YOUNG_PEOPLE, 22, "SUT", ["Mere Green Road"], "B75", True),
    ("Wylde Green Court", EstateType.CARE_SUPPORTED, 40, "SUT", ["Wylde Green Road"], "B72", True),
    ("Minworth Estate", EstateType.GENERAL_NEEDS, 305, "SUT", ["Water Orton Lane", "Kingsbury Road"], "B76", True),
    ("Lindridge Meadows", EstateType.GENERAL_NEEDS, 254, "SUT", ["Lindridge Road", "Thimble End Road"], "B76", False),
]

FIRST_NAMES = [
    "Margaret",
    "John",
    "Patricia",
    "David",
    "Fatima",
    "Mohammed",
    "Olivia",
    "Jack",
    "Amelia",
    "Harry",
    "Grace",
    "Kwame",
    "Aisha",
    "Joseph",
    "Lily",
    "Arjun",
    "Sophie",
    "Connor",
    "Nia",
    "Liam",
    "Susan",
    "Peter",
    "Mary",
    "Michael",
    "Zainab",
    "Ibrahim",
    "Ewa",
    "Tomasz",
    "Bernadette",
    "Winston",
    "Hannah",
    "Samuel",
    "Priya",
    "Raj",
    "Chloe",
    "Callum",
    "Ruth",
    "Desmond",
    "Shanice",
    "Kieran",
    "Elaine",
    "Trevor",
    "Hyacinth",
    "Errol",
    "Agnieszka",
    "Ali",
    "Yasmin",
    "Brian",
    "Deborah",
    "Owen",
]
LAST_NAMES = [
    "Hughes",
    "Smith",
    "Jones",
    "Williams",
    "Brown",
    "Taylor",
    "Khan",
    "Ahmed",
    "Patel",
    "Begum",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hussain",
    "Ali",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Jackson",
    "Mensah",
    "Osei",
    "Campbell",
    "Kowalski",
    "Nowak",
    "O'Brien",
    "Murphy",
    "Kelly",
    "Singh",
    "Kaur",
    "Edwards",
    "Harris",
    "Lewis",
    "Morgan",
    "Baker",
    "Francis",
    "Grant",
    "Bailey",
    "Reid",
    "Mahmood",
    "Iqbal",
    "Cooper",
    "Turner",
    "Ward",
    "Brooks",
]
LANGUAGES = ["English"] * 40 + ["Urdu", "Polish", "Punjabi", "Bengali", "Somali", "Arabic", "Romanian", "Tigrinya"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# A title that fits the first name ("Mrs Amelia Ahmed", never "Mr Amelia Ahmed"); some give none.
WOMENS_NAMES = frozenset(
    "Margaret Patricia Fatima Olivia Amelia Grace Aisha Lily Sophie Nia Susan Mary Zainab Ewa Bernadette "
    "Hannah Priya Chloe Ruth Shanice Elaine Hyacinth Agnieszka Yasmin Deborah".split()
)
TITLES_FOR_WOMEN = ["Mrs", "Ms", "Miss", "Mrs", "Ms", ""]
TITLES_FOR_MEN = ["Mr", "Mr", "Mr", "Mr", "Mr", ""]

TENURE_FOR_TYPE = {
    EstateType.CARE_SUPPORTED: [Tenure.CARE_SUPPORTED],
    EstateType.YOUNG_PEOPLE: [Tenure.YOUNG_PEOPLE],
    EstateType.LEASEHOLD_BLOCK: [Tenure.LEASEHOLDER] * 3 + [Tenure.SHARED_OWNER],
    EstateType.GENERAL_NEEDS: [Tenure.GENERAL_NEEDS] * 9 + [Tenure.SHARED_OWNER],
}

# Shared owners' share of an estate's homes, matching the customers' tenures above: a tenth of
# a general needs estate, a quarter of a leasehold block (the rest leasehold); schemes are all rented.
SHARED_OWNERSHIP_SHARE = {EstateType.GENERAL_NEEDS: 0.1, EstateType.LEASEHOLD_BLOCK: 0.25}


def demo_homes_by_tenure(estate_type: str, homes: int) -> dict[str, int]:
    """The demo estate's homes by tenure type, e.g. a general needs estate of 612 → 551 rented, 61 shared."""
    lcho = round(homes * SHARED_OWNERSHIP_SHARE.get(estate_type, 0))
    if estate_type == EstateType.LEASEHOLD_BLOCK:
        return {"homes_lcra": 0, "homes_lcho": lcho, "homes_leasehold": homes - lcho}
    return {"homes_lcra": homes - lcho, "homes_lcho": lcho, "homes_leasehold": 0}


CUSTOMER_SHARE = 0.3  # about 3,000 customer records for about 10,000 homes
INVOLVED_CUSTOMERS = 40


@functools.lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    # Hashing is deliberately slow; every demo login shares the one password, so hash it once.
    return make_password(DEMO_PASSWORD)


def _user(username, first, last, role, *, email=None):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "role": role,
            "email": email or f"{username}@trident.example",
        },
    )
    if created:
        user.password = _demo_password_hash()
        if role == Role.ADMIN:
            user.is_superuser = True
        user.save()
    return user


def seed(rng: random.Random, today: datetime.date) -> dict:
    with transaction.atomic():
        # The demo is Trident's; a landlord already set (e.g. by `load_landlord trafford`) is kept.
        if not Landlord.objects.exists():
            landlord_settings_load(data=landlord_data("trident"))
        officers = [_user(u, first, last, Role.OFFICER) for u, first, last in OFFICERS]
        for officer, title in zip(officers, ["Customer Engagement Officer"] * 4 + ["Housing Officer"] * 2, strict=True):
            if not officer.job_title:
                officer.job_title = title
                officer.save(update_fields=["job_title"])
        manager = _user(*MANAGER, Role.MANAGER)
        _user(*ADMIN, Role.ADMIN)

        patches = {}
        for (code, name), officer in zip(PATCHES, officers, strict=True):
            patches[code], _ = Patch.objects.get_or_create(code=code, defaults={"name": name, "officer": officer})

        estates = []
        for index, (name, kind, homes, code, streets, district, communal) in enumerate(ESTATES):
            estate, _ = Estate.objects.get_or_create(
                name=name,
                defaults={
                    "estate_type": kind,
                    **demo_homes_by_tenure(kind, homes),
                    "patch": patches[code],
                    "officer": patches[code].officer if index % 3 else officers[(index + 1) % len(officers)],
                    "address": f"{streets[0]}, Birmingham",
                    "postcode": f"{district} {rng.randint(1, 9)}",
                    "has_communal_areas": communal,
                },
            )
            estates.append((estate, streets, district))

        customers = _seed_customers(rng, estates)
        involved = _seed_involved_customers(rng, customers)
        _seed_actions(rng, today, officers, manager, [e for e, _, _ in estates])
    return {"officers": officers, "manager": manager, "estates": [e for e, _, _ in estates], "involved": involved}


def _seed_customers(rng: random.Random, estates) -> list[Customer]:
    existing = set(Customer.objects.values_list("reference", flat=True))
    # A customer whose data was erased (engagement.gdpr) is never made again.
    erased = set(Customer.objects.exclude(erased_reference_digest="").values_list("erased_reference_digest", flat=True))
    new = []
    for estate, streets, district in estates:
        count = max(6, round(estate.homes * CUSTOMER_SHARE))
        for n in range(count):
            reference = f"T{estate.pk:03d}{n:04d}"
            # Draw every value even when the row exists, so the sequence (and the data) never shifts.
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            title = rng.choice(TITLES_FOR_WOMEN if first in WOMENS_NAMES else TITLES_FOR_MEN)
            street = rng.choice(streets)
            number = rng.randint(1, 240)
            flat = estate.estate_type != EstateType.GENERAL_NEEDS or rng.random() < 0.3
            channel = rng.choices(
                [Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.LETTER, Channel.IN_PERSON], [35, 25, 15, 20, 5]
            )[0]
            older = estate.estate_type == EstateType.CARE_SUPPORTED
            digitally_excluded = rng.random() < (0.45 if older else 0.12)
            flags = [rng.random() for _ in range(6)]
            language = rng.choice(LANGUAGES)
            phone = f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
            tenure = rng.choice(TENURE_FOR_TYPE[estate.estate_type])
            postcode = f"{district} {rng.randint(1, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
            if reference in existing or Customer.reference_digest(reference) in erased:
                continue
            has_email = not digitally_excluded and flags[5] < 0.7
            new.append(
                Customer(
                    reference=reference,
                    title=title,
                    first_name=first,
                    last_name=last,
                    address=(f"Flat {number}, {estate.name}" if flat else f"{number} {street}"),
                    postcode=postcode,
                    estate=estate,
                    tenure=tenure,
                    email=f"{first}.{last}{n}@example.org".lower().replace("'", "") if has_email else "",
                    phone=phone,
                    preferred_channel=Channel.LETTER if digitally_excluded and channel == Channel.EMAIL else channel,
                    language=language,
                    large_print=flags[0] < (0.25 if older else 0.05),
                    braille=flags[1] < 0.005,
                    easy_read=flags[2] < 0.04,
                    digitally_excluded=digitally_excluded,
                    needs_assistance=flags[3] < (0.3 if older else 0.06),
                    consent_to_contact=flags[4] < 0.85,
                )
            )
    Customer.objects.bulk_create(new, batch_size=500)
    return list(Customer.objects.select_related("estate").order_by("reference"))


def _seed_involved_customers(rng: random.Random, customers: list[Customer]) -> list[Customer]:
    """About 40 customers with portal logins: panel members and estate champions."""
    linked = sorted((c for c in customers if c.user_id), key=lambda c: c.user_id)
    if len(linked) >= INVOLVED_CUSTOMERS:
        # Seeded before. Other apps' demos change who consents to contact (joining the consultation
        # club does), so choosing again would pick other people; the logins were made in the order
        # chosen, so their ids give back the same customers in the same order.
        return linked[:INVOLVED_CUSTOMERS]
    pool = [c for c in customers if c.consent_to_contact]
    chosen = rng.sample(pool, INVOLVED_CUSTOMERS)
    # The first is the demo login in the README.
    involved = []
    for index, customer in enumerate(chosen):
        username = (
            "margaret.hughes"
            if index == 0
            else f"{customer.first_name}.{customer.last_name}{index}".lower().replace("'", "")
        )
        if customer.user_id is None:
            if index == 0:
                customer.first_name, customer.last_name, customer.title = "Margaret", "Hughes", "Mrs"
            email = customer.email or f"{username}@example.org"
            user = _user(username, customer.first_name, customer.last_name, Role.CUSTOMER, email=email)
            customer.user = user
            customer.email = email
            customer.preferred_channel = Channel.EMAIL
            customer.save()
        involved.append(customer)
    return involved


# What customers said, what we agreed to do, what we did, and the public wording staff approved
# for "You said, we did" (past tense, naming nobody).
ACTION_EXAMPLES = [
    (
        "Bins are overflowing at the weekend by the play area.",
        "Ask the waste contractor for an extra Saturday collection.",
        "The waste contractor added a Saturday collection from the bin store by the play area.",
        "The bins by the play area overflowed every weekend.",
        "We added a Saturday collection. The bins have not overflowed since.",
    ),
    (
        "The communal door entry system keeps failing.",
        "Replace the door entry panel and check it monthly.",
        "Door entry panel replaced; monthly check added to the block inspection.",
        "The communal door entry system kept failing.",
        "We replaced the door entry panel and now check it every month.",
    ),
    (
        "Residents did not know who their housing officer is.",
        "Put the officer's name, photo and number on every notice board.",
        "Officer cards put up on every notice board in the patch.",
        "You did not know who your housing officer was.",
        "We put your housing officer's photo and contact details on every notice board.",
    ),
    (
        "Grass is left long around the flats in summer.",
        "Change the grounds maintenance schedule to fortnightly cuts May to September.",
        "Grounds contract varied to fortnightly cuts from May to September.",
        "The grass around the flats was left too long in summer.",
        "We changed the grass cutting to every fortnight from May to September.",
    ),
    (
        "Letters are hard to read for older residents.",
        "Offer large print and easy read versions of all scheme letters.",
        "Large print and easy read templates set up for all scheme letters.",
        "Our letters were hard to read.",
        "We made every scheme letter available in large print and easy read.",
    ),
    (
        "Young people want somewhere to meet on the estate.",
        "Work with the youth service on a Friday evening drop-in.",
        "Friday drop-in started with the youth service at the community room.",
        "Young people wanted somewhere to meet on the estate.",
        "We started a Friday evening drop-in with the youth service in the community room.",
    ),
    (
        "Repairs appointments are missed without warning.",
        "Ask the repairs team to text the day before each appointment.",
        "Repairs team now sends a text reminder the day before each appointment.",
        "Repairs appointments were missed without warning.",
        "The repairs team now texts you the day before every appointment.",
    ),
    (
        "Graffiti on the garages has been there for months.",
        "Remove the graffiti and add the garages to the monthly estate inspection.",
        "Graffiti removed; garages added to the monthly estate inspection.",
        "Graffiti on the garages had been there for months.",
        "We removed the graffiti and now check the garages at every monthly estate inspection.",
    ),
    (
        "The lights in the stairwell are out most evenings.",
        "Fit LED lights with sensors in both stairwells.",
        "Sensor LED lighting fitted in both stairwells by the electrical contractor.",
        "The stairwell lights were out most evenings.",
        "We fitted new sensor lights in both stairwells.",
    ),
    (
        "Parking bays are taken by people who do not live here.",
        "Consult residents on a permit scheme for the car park.",
        "Permit scheme agreed after consultation; signs and permits issued.",
        "People who do not live here were using the parking bays.",
        "We asked you about permits, and residents' permits now apply in the car park.",
    ),
    (
        "There is nowhere to sit in the garden for residents who use walkers.",
        "Add benches with armrests along the garden path.",
        "Four benches with armrests installed along the garden path.",
        "There was nowhere to rest in the garden for residents who use walking frames.",
        "We put four benches with armrests along the garden path.",
    ),
    (
        "The lift is out of service for days before anyone comes.",
        "Agree a same-day call-out with the lift contractor.",
        "Lift contract now has a same-day call-out; residents told the new number.",
        "The lift was out of service for days before it was repaired.",
        "The lift contractor now comes out on the same day a breakdown is reported.",
    ),
    (
        "Fly-tipping behind the shops is not cleared.",
        "Add the service road to the weekly caretaking round and report tippers to the council.",
        "Service road added to the weekly caretaking round; CCTV request made to the council.",
        "Fly-tipping behind the shops was not cleared.",
        "We added the service road to the weekly caretaking round.",
    ),
    (
        "Meetings are always in the daytime when people are at work.",
        "Hold every other residents' meeting in the evening or online.",
        "Evening and online meetings added to the calendar.",
        "Residents' meetings were always held while people were at work.",
        "We now hold every other residents' meeting in the evening or online.",
    ),
]


def _seed_actions(rng, today, officers, manager, estates) -> None:
    if Action.objects.filter(source_type__isnull=True).exists():
        return
    # Each example once: the same action listed three times reads as made up. The letters and
    # repairs changes were for every home; the rest belong to one of four estates, so each has a
    # few changes to show on its page and poster.
    for index, (said, will, did, public_said, public_did) in enumerate(ACTION_EXAMPLES):
        estate = None if index in (4, 6) else estates[(index % 4) * 5 % len(estates)]
        due = today + datetime.timedelta(days=rng.randint(-300, 60))
        status = ActionStatus.DONE if index % 5 != 3 else rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
        done_on = min(due, today - datetime.timedelta(days=index % 9)) if status == ActionStatus.DONE else None
        put_forward = index % 7 != 5
        # Done actions that were put forward have approved public wording a few days after they
        # were done, but one waits for it (the staff queue on the "You said, we did" page).
        published = done_on is not None and put_forward and index != 9
        published_at = (
            timezone.make_aware(datetime.datetime.combine(done_on + datetime.timedelta(days=3), datetime.time(10)))
            if published
            else None
        )
        if published_at and published_at > timezone.now():
            published_at = timezone.now()
        Action.objects.create(
            you_said=said,
            we_will=will,
            owner=(estate.officer if estate else None) or officers[index % len(officers)],
            estate=estate,
            due_on=due,
            status=status,
            done_on=done_on,
            we_did=did if done_on else "",
            publish=put_forward,
            public_you_said=public_said if published else "",
            public_we_did=public_did if published else "",
            published_at=published_at,
            published_by=manager if published else None,
            created_by=manager,
        )
    _seed_posters(today, manager)


def _seed_posters(today, manager) -> None:
    """Posters printed for the notice boards of the estates with published changes, a day after
    their latest change was published (the charter's posters measure has figures to show)."""
    from .services import poster_items

    if PosterPrint.objects.exists():
        return
    estates = Estate.objects.filter(actions__published_at__isnull=False).distinct().order_by("name")
    for index, estate in enumerate(estates[:6]):
        for version in ("standard", "large_print") if index % 2 == 0 else ("standard",):
            items = poster_items(estate=estate, version=version)
            printed_on = min(
                today, max(timezone.localdate(item.published_at) for item in items) + datetime.timedelta(days=1)
            )
            poster = PosterPrint.objects.create(
                estate=estate,
                version=version,
                printed_by=manager,
                printed_on=printed_on,
                printed_at=timezone.make_aware(datetime.datetime.combine(printed_on, datetime.time(9))),
            )
            poster.items.set(items)
