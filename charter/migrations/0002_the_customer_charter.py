"""The Customer Charter as data: the seven commitments and every "How we'll measure it" line.

Each line of the charter becomes one or more measures. A line the portal can count (satisfaction
questions that are TSMs, complaints, activities, panels, "You said, we did") names the computed
measure key an app registers (see MEASURES.md); publications and figures kept elsewhere (wellbeing
checks, enquiries answered within 24 hours, building-safety KPIs) are entered by the manager each
quarter with evidence. Targets are the starting targets for the Customer Voice Group to review;
they are edited in the admin.
"""

from django.db import migrations

CVG_BOARD = "Customer Voice Group and Board"
SMT_CVG = "Senior Management Team and Customer Voice Group"

COMMITMENTS = [
    (
        1,
        "Customer Voice",
        "We will ask for and value your views to help guide the decisions we make. We will make sure that you feel "
        "listened to on the issues that matter to you and that you can speak to us freely.",
        [
            "By having a strong customer engagement framework that is accessible to all our customers.",
            "By listening to you carefully and involving you in key decisions.",
            "By listening to and learning from your feedback if things go wrong.",
            "By embracing the experiences and knowledge of our customers and use this to continually improve our services.",
            "By being transparent and honest with you about the challenges we face as an organisation and what we do to overcome them.",
            "By understanding what's important to you through data, surveys, feedback including complaints, comments & compliments and trends.",
        ],
    ),
    (
        2,
        "Fairness & Respect",
        "We will treat all of our customers fairly and with respect. Our relationship with you will be based on trust, "
        "honesty and transparency. We will also ensure that our policies treat everyone equally, are inclusive to all "
        "and respect the diversity of our communities.",
        [
            "By having a culture of fairness, respect, openness, honesty, and transparency.",
            "By storing and using your information ethically and securely to make sure we offer you services that are the best value for money.",
            "By holding our colleagues to account for delivering these promises to you.",
            "By recruiting and training colleagues with these promises in mind.",
        ],
    ),
    (
        3,
        "Communication",
        "We will give you clear and accessible information, on time, on the issues that matter to you. This includes "
        "important information about your home and your local community, how we are working to sort out problems, "
        "and how we are run and performing.",
        [
            "By letting you know when we make changes to our services and how the customer voice helped to make those changes.",
            "By communicating clearly and transparently and without using jargon.",
            "By communicating with you in your preferred way.",
            "By telling you how we spend your rent and service charges and get the best value for money in delivering our services.",
            "By sharing our performance with you and those who hold us to account on these standards.",
        ],
    ),
    (
        4,
        "Safety",
        "We will put the quality and safety of your home at the heart of how we build, improve, maintain, and manage "
        "your home and neighbourhood.",
        [
            "By having an open and simple process in place for you to easily report concerns about building safety.",
            "By making safety a key factor that we look for in the companies we work with without affecting quality or value for money.",
            "By meeting regulations about how often we service and check the gas and electricity in your home and how we manage the risk of asbestos and legionella bacteria growing in the water.",
            "By being leaders in the sector for fire safety and putting the Building Safety Bill into practice.",
            "By involving you so you understand your responsibilities to keep your home safe for your household and neighbours.",
        ],
    ),
    (
        5,
        "Your Services",
        "We will provide housing services to you that are efficient, consistent and easy to access, however you "
        "choose to contact us.",
        [
            "By taking ownership and responsibility for your enquiries.",
            "By supporting you to access your online account.",
            "By aiming to deal with your enquiries at first contact, taking the right course of action in the right way – you should only need to tell your story once.",
            "By, if we are unable to deal with your enquiry at first contact, setting out clear timeframes on when we will get back to you and keeping you regularly informed of our progress.",
            "By having strong agreements in place with our partners so we can work together to provide you with a good-quality service.",
            "By getting the best value for money for your rent and the best possible social value outcomes of our investments to benefit our communities.",
        ],
    ),
    (
        6,
        "Resolution",
        "We will make sure you have a simple and accessible way of raising issues, making complaints, and putting "
        "things right. We will give you advice and support if things go wrong.",
        [
            "By having an effective complaints policy and procedure in place in case things go wrong.",
            "By apologising and putting things right if things go wrong.",
            "By having a compensation policy in place.",
            "By using the information that you share in our complaints and feedback processes to improve how we provide services to you.",
        ],
    ),
    (
        7,
        "Accountability",
        "We will work in partnership with you so you can independently monitor us and hold us to account for the "
        "decisions that affect the quality of your home and services.",
        [
            "By working in partnership with our Customer Voice Group who hold us to account on the consumer standards.",
            "By supporting regular customer-led scrutiny projects commissioned by our Customer Voice Group and produced by our scrutiny project Group, ensuring the actions are measurable, tangible and delivered.",
            "By reporting changes that we have made based on customers' views to our Customer Voice Group so they can hold us to account on them.",
            "By effectively training and supporting our involved customers.",
            "By publishing an annual customer voice report every January, written by our Customer Voice Group, showing how customers' views shaped how we deliver your services.",
            "By using this charter to show you how we perform against it and who holds us to account and how.",
        ],
    ),
]

FRAMEWORK = "Through our Customer Engagement Framework (monitored by our Customer Voice Group and Board)."
CHANGES = (
    "By the number of service delivery changes made following customer feedback and the publication of "
    '"You Said, We Did" posters (monitored by our Senior Management Team and our Customer Voice Group).'
)
SAFETY_KPI = (
    "Through KPI's showing performance within safety (monitored by the Homes & Communities Committee and "
    "Customer Voice Group)."
)
HCC_CVG = "Homes & Communities Committee and Customer Voice Group"
ON_TIME = "By the percentage of complaints dealt with on time (monitored by our Customer Voice Group and Board)."
PANELS = "From the charter's delivery promise: working in partnership with our Customer Voice Group and panels."
TRAINING = "From the charter's delivery promise: effectively training and supporting our involved customers."

# code, name, how measured (the charter's words), unit, target, direction, amber tolerance, key ("" = manual),
# monitored by, mirror of (code)
MEASURES = [
    ("1.1", "Engagement activities held", FRAMEWORK, "count", 30, "higher", 6, "activities.held", CVG_BOARD, None),
    ("1.2", "Customers engaged at engagement activities", FRAMEWORK, "count", 400, "higher", 60, "activities.customers_engaged", CVG_BOARD, None),
    ("1.3", "Activity reports filed within a week of the activity", FRAMEWORK, "percent", 90, "higher", 10, "activities.reports_on_time_pct", CVG_BOARD, None),
    ("1.4", "Estate champion surveys submitted", FRAMEWORK, "count", 40, "higher", 10, "champion_surveys.count", CVG_BOARD, None),
    ("1.5", "Issues raised in estate champion surveys turned into an action", FRAMEWORK, "percent", 90, "higher", 10, "champion_surveys.issues_actioned_pct", CVG_BOARD, None),
    ("1.6", "Annual customer voice report published", "By publishing an annual customer voice report.", "yes_no", 1, "higher", 0, "", "Customer Voice Group", None),
    ("1.7", "Satisfaction with the opportunity for your views to be considered", "By how satisfied you are with the opportunity for your views to be considered (monitored by our Customer Voice Group and Board).", "percent", 70, "higher", 5, "", CVG_BOARD, None),
    ("1.8", "Satisfaction that we listen to your views and act upon them (TSM TP06)", "By how satisfied you are that we take your views into account (monitored by our Customer Voice Group and Board).", "percent", 65, "higher", 5, "tsm.TP06", CVG_BOARD, None),
    ("1.9", "Consumer standards self-assessment and audit actions up to date", "Through RSH and Consumer standards audits & self-assessments.", "yes_no", 1, "higher", 0, "", CVG_BOARD, None),
    ("1.10", "Quarterly KPI report presented to the Senior Management Team and Customer Voice Group", "Through KPI and performance monitoring of our services (monitored by our Senior Management Team and Customer Voice Group).", "yes_no", 1, "higher", 0, "", SMT_CVG, None),
    ("1.11", "Service delivery changes made following customer feedback", CHANGES, "count", 10, "higher", 3, "actions.changes_made", SMT_CVG, None),
    ("1.12", '"You said, we did" changes published', CHANGES, "count", 5, "higher", 2, "actions.you_said_we_did_published", SMT_CVG, None),
    ("1.13", "Suggestions that led to a change", CHANGES, "count", 3, "higher", 1, "suggestions.changes_made", SMT_CVG, None),
    ("2.1", "Privacy statement published and up to date", "By publishing and updating our privacy statement.", "yes_no", 1, "higher", 0, "", "", None),
    ("2.2", "Satisfaction that we treat you fairly and with respect (TSM TP08)", "By how satisfied you are that you are treated with fairness and respect (monitored by our Customer Voice Group and Board).", "percent", 80, "higher", 5, "tsm.TP08", CVG_BOARD, None),
    ("2.3", "Satisfaction with the knowledge of our staff", "By how satisfied you are with the knowledge of our staff (monitored by our Customer Voice Group and Board).", "percent", 80, "higher", 5, "", CVG_BOARD, None),
    ("2.4", "Satisfaction that you are treated equally", "By how satisfied you are that you are treated equally.", "percent", 80, "higher", 5, "", "", None),
    ("3.1", "Value for Money report and Annual Financial Statements published", "By publishing our Value for Money report and Annual Financial Statements.", "yes_no", 1, "higher", 0, "", "", None),
    ("3.2", "Satisfaction that we keep you informed about things that matter to you (TSM TP07)", "By how satisfied you are with our communication (monitored by our Customer Voice Group and Management Team).", "percent", 75, "higher", 5, "tsm.TP07", "Customer Voice Group and Management Team", None),
    ("3.3", "Satisfaction with the opportunity for your views to be considered", "Satisfaction with the opportunity for your views to be considered (monitored by our Customer Voice Group and Board).", "percent", 70, "higher", 5, "", CVG_BOARD, "1.7"),
    ("3.4", "Satisfaction that your views are being considered (TSM TP06)", "Satisfaction that your views are being considered by us (monitored by our Customer Voice Group and Board).", "percent", 65, "higher", 5, "tsm.TP06", CVG_BOARD, None),
    ("3.5", "Service delivery changes made following customer feedback", 'No. of service delivery changes made following customer feedback and "You Said, We Did" posters published (monitored by our Senior Management Team and our Customer Voice Group).', "count", 10, "higher", 3, "actions.changes_made", SMT_CVG, None),
    ("3.6", '"You said, we did" changes published', 'No. of service delivery changes made following customer feedback and "You Said, We Did" posters published (monitored by our Senior Management Team and our Customer Voice Group).', "count", 5, "higher", 2, "actions.you_said_we_did_published", SMT_CVG, None),
    ("4.1", "Procurement framework published", "By publishing our procurement framework.", "yes_no", 1, "higher", 0, "", "", None),
    ("4.2", "Home-safety guidance published", "By publishing home-safety guidance.", "yes_no", 1, "higher", 0, "", "", None),
    ("4.3", "Wellbeing checks carried out", "By the number of Wellbeing Checks we carry out (monitored by our Senior Management Team and our Customer Voice Group).", "count", 150, "higher", 20, "", SMT_CVG, None),
    ("4.4", "Satisfaction that your home is safe (TSM TP05)", "By how satisfied you are with safety within your home (monitored by our Senior Management Team and our Customer Voice Group).", "percent", 80, "higher", 5, "tsm.TP05", SMT_CVG, None),
    ("4.5", "Homes with a valid gas safety check (TSM BS01)", SAFETY_KPI, "percent", 100, "higher", 0.5, "", HCC_CVG, None),
    ("4.6", "Buildings with an up-to-date fire risk assessment (TSM BS02)", SAFETY_KPI, "percent", 100, "higher", 0.5, "", HCC_CVG, None),
    ("4.7", "Buildings with the required asbestos management surveys (TSM BS03)", SAFETY_KPI, "percent", 100, "higher", 0.5, "", HCC_CVG, None),
    ("4.8", "Buildings with the required legionella risk assessments (TSM BS04)", SAFETY_KPI, "percent", 100, "higher", 0.5, "", HCC_CVG, None),
    ("4.9", "Communal passenger lifts with the required safety checks (TSM BS05)", SAFETY_KPI, "percent", 100, "higher", 0.5, "", HCC_CVG, None),
    ("5.1", "Guidance on using the online customer portal published", "By publishing guidance on how to use our customer portal.", "yes_no", 1, "higher", 0, "", "", None),
    ("5.2", "Directory of partners and services updated this quarter", "By publishing a directory of partners and services and updating it every three months.", "yes_no", 1, "higher", 0, "", "", None),
    ("5.3", "Overall satisfaction with our services (TSM TP01)", "By working with the Customer Experience team to show upturns in trends with customer satisfaction (monitored by our Senior Management Team and our Customer Voice Group).", "percent", 75, "higher", 5, "tsm.TP01", SMT_CVG, None),
    ("5.4", "Enquiries not resolved at first contact dealt with within 24 hours", "By the percentage of enquiries dealt with within 24 hours which were not dealt with at first contact (not including bank holidays and weekends). (Monitored by our Senior Management Team and our Customer Voice Group).", "percent", 90, "higher", 5, "", SMT_CVG, None),
    ("5.5", "Value for Money report published", "By publishing our Value for Money report.", "yes_no", 1, "higher", 0, "", "", "3.1"),
    ("5.6", "Social Value report published", "By publishing our Social Value report.", "yes_no", 1, "higher", 0, "", "", None),
    ("5.7", "Compliments received and shared", "By reviewing, using and publicising compliments in the same way that we do complaints.", "count", 30, "higher", 10, "compliments.count", "", None),
    ("6.1", "Complaints policy and procedure published", "By publishing our complaints policy and procedure.", "yes_no", 1, "higher", 0, "", "", None),
    ("6.2", "Compensation policy and procedure published", "By publishing our compensation policy and procedure.", "yes_no", 1, "higher", 0, "", "", None),
    ("6.3", "Complaints upheld or partly upheld", "By the percentage of complaints upheld (monitored by our Customer Voice Group and Board).", "percent", 50, "lower", 5, "complaints.upheld_pct", CVG_BOARD, None),
    ("6.4", "Satisfaction with our approach to complaints handling (TSM TP09)", "By how satisfied you are with how we handle complaints (monitored by our Customer Voice Group and Board).", "percent", 40, "higher", 5, "tsm.TP09", CVG_BOARD, None),
    ("6.5", "Complaints responded to within the Complaint Handling Code timescales", ON_TIME, "percent", 95, "higher", 5, "complaints.on_time_pct", CVG_BOARD, None),
    ("6.6", "Stage 1 complaints responded to on time (TSM CH02)", ON_TIME, "percent", 95, "higher", 5, "complaints.stage1_on_time_pct", CVG_BOARD, None),
    ("6.7", "Stage 2 complaints responded to on time (TSM CH02)", ON_TIME, "percent", 95, "higher", 5, "complaints.stage2_on_time_pct", CVG_BOARD, None),
    ("6.8", "Stage 1 complaints per 1,000 homes (TSM CH01)", ON_TIME, "per_1000", 12, "lower", 3, "complaints.stage1_per_1000", CVG_BOARD, None),
    ("6.9", "Stage 2 complaints per 1,000 homes (TSM CH01)", ON_TIME, "per_1000", 2, "lower", 1, "complaints.stage2_per_1000", CVG_BOARD, None),
    ("6.10", "Average time to respond to a complaint", ON_TIME, "working_days", 10, "lower", 2, "complaints.avg_working_days_to_respond", CVG_BOARD, None),
    ("7.1", "Scrutiny work published", "By publishing our scrutiny work.", "yes_no", 1, "higher", 0, "", "", None),
    ("7.2", "Scrutiny projects completed", "By the number of pieces of scrutiny work carried out (monitored by our Senior Management Team and our Customer Committee).", "count", 1, "higher", 1, "scrutiny.completed", "Senior Management Team and Customer Committee", None),
    ("7.3", "Scrutiny action-plan actions done on time or on track", "By forming action plans from this work to make changes to the services we offer (Monitored by our Senior Management Team and Customer Voice Group)", "percent", 90, "higher", 10, "scrutiny.actions_on_track_pct", SMT_CVG, None),
    ("7.4", "Actions completed by their due date", "By forming action plans from this work to make changes to the services we offer (Monitored by our Senior Management Team and Customer Voice Group)", "percent", 85, "higher", 10, "actions.on_time_pct", SMT_CVG, None),
    ("7.5", '"You said, we did" changes published', 'By publishing "You Said, We Did" posters when changes are made, based on your feedback.', "count", 5, "higher", 2, "actions.you_said_we_did_published", "", None),
    ("7.6", "Panel meetings held as planned", PANELS, "percent", 100, "higher", 15, "panels.meetings_held_vs_cadence_pct", "Customer Voice Group", None),
    ("7.7", "Panel minutes published within 10 working days", PANELS, "percent", 90, "higher", 10, "panels.minutes_on_time_pct", "Customer Voice Group", None),
    ("7.8", "Expressions of interest answered within 2 working days", PANELS, "percent", 100, "higher", 10, "panels.eoi_answered_in_2wd_pct", "Customer Voice Group", None),
    ("7.9", "Training sessions completed by involved customers", TRAINING, "count", 10, "higher", 4, "panels.training_sessions", "Customer Voice Group", None),
    ("7.10", "Involved customers", TRAINING, "count", 40, "higher", 5, "panels.involved_customers", "Customer Voice Group", None),
]


def load_charter(apps, schema_editor):
    Commitment = apps.get_model("charter", "Commitment")
    Measure = apps.get_model("charter", "Measure")
    commitments = {}
    for number, name, promise, delivery in COMMITMENTS:
        commitments[number], _ = Commitment.objects.update_or_create(
            number=number, defaults={"name": name, "promise": promise, "delivery": "\n".join(delivery)}
        )
    created = {}
    for order, row in enumerate(MEASURES, start=1):
        code, name, how, unit, target, direction, tolerance, key, monitored, mirror = row
        created[code], _ = Measure.objects.update_or_create(
            code=code,
            defaults={
                "commitment": commitments[int(code.split(".")[0])],
                "order": int(code.split(".")[1]),
                "name": name,
                "how_measured": how,
                "unit": unit,
                "target": target,
                "direction": direction,
                "amber_tolerance": tolerance,
                "source": "computed" if key else "manual",
                "computed_key": key,
                "monitored_by": monitored,
                "mirror_of": created[mirror] if mirror else None,
            },
        )


def unload_charter(apps, schema_editor):
    Measure = apps.get_model("charter", "Measure")
    Measure.objects.filter(mirror_of__isnull=False).delete()
    Measure.objects.filter(code__in=[row[0] for row in MEASURES]).delete()
    apps.get_model("charter", "Commitment").objects.filter(number__in=[c[0] for c in COMMITMENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("charter", "0001_initial")]

    operations = [migrations.RunPython(load_charter, unload_charter)]
