"""Gold contract of the unified customer profile (seed 001): one row per ``customer360_id``.

Contact and demographic values come from the identity sources' records through survivorship;
consent is merged so that the most restrictive record wins; engagement, commerce and value come
from seed 000's gold facts of the ``crm_customers`` records linked to the customer, and purchases
also from seed 004's transactions (silver ``stg_mongo_transactions``) of its linked
``mongo_customers`` records. "The reference date" is the ``as_of`` of the build: by default the
latest timestamp of ``fct_orders``, ``fct_interactions``, ``fct_email_events`` and
``stg_mongo_transactions``, so a rebuild on the same data gives the same table (a record's
update time does not move it: a touch dated later is seen at it).
The rules behind every derived value are in ``c360.identity.profile*``.
"""

from __future__ import annotations

from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.contracts.gold_text import SENTIMENTS
from c360.contracts.model import Column, Table, gold_table

# The profile's built-in segments: '<value> – <state>' for each value and state, and the
# prefixes of the segments it takes from the data. The names a project file may not give its
# own segments.
SEGMENT_VALUES = ("High value", "Regular", "Prospect")
SEGMENT_STATES = ("at risk", "engaged", "dormant")
VALUE_STATE = " – "
BUILT_IN_SEGMENTS = frozenset(
    f"{v}{VALUE_STATE}{s}" for v in SEGMENT_VALUES for s in SEGMENT_STATES
)
RFM_PREFIX, CRM_PREFIX = "rfm:", "crm:"

OPT_IN_STATUSES = ("opted_in", "opted_out", "unknown")  # c360.identity.consent.STATUSES
CHANNELS_SEEN = ("web", "app", "store", "phone", "email", "chat", "support", "crm", "loyalty")
REGIONS = ("EMEA", "Americas", "APAC")


def _int(name: str, description: str) -> Column:
    return Column(name, "int", description, min_value=0)


def _money(name: str, description: str, nullable: bool = False) -> Column:
    return Column(name, "float", description, nullable=nullable, min_value=0)


def _score(name: str, description: str, top: float, nullable: bool = False) -> Column:
    return Column(name, "float", description, nullable=nullable, min_value=0, max_value=top)


CUSTOMER_PROFILE: Table = gold_table(
    "001",
    "customer_profile",
    "The unified customer profile: one row per customer360_id with contact values chosen by "
    "survivorship, merged consent, engagement and commerce from the linked seed-000 customers "
    "(and the purchases of the linked seed-004 marketing customers), "
    "rule-based scores and segments, and the record each surviving value came from.",
    ("customer360_id",),
    # Core
    Column(
        "customer360_id",
        "string",
        "The person (identity_links)",
        unique=True,
        pattern=CUSTOMER360_ID,
    ),
    Column(
        "primary_source",
        "string",
        "The most trusted system of record holding one of the customer's records: the first "
        "source, in the order of identity.sources in the project file (most trusted first)",
    ),
    Column(
        "source_ids",
        "string",
        "JSON object: identity source -> sorted list of the customer's record ids in it, keys "
        'sorted, e.g. {"crm": ["CRM-0000001"], "customers": ["CUST_000001"]}',
    ),
    Column(
        "created_at",
        "timestamp",
        "run_id of the customer's earliest identity_ledger event (when C360 first issued the id); "
        "the reference date when the ledger has none",
    ),
    Column(
        "updated_at",
        "timestamp",
        "Latest of: the customer's latest identity_ledger event (new, merge, split, returned; "
        "a merge or split that took records from it too) and the latest updated_at of its "
        "source records (a record dated after it was read is ignored, as silver rejects it)",
    ),
    # Identity & contact
    Column(
        "first_name",
        "string",
        "Survivorship of first_name (default most_frequent) voted on the folded name, so "
        "'ROCA' and 'Roca' count as one; the winning record's spelling, trimmed, title-cased "
        "when written all in upper or all in lower case; when it has no accents, a spelling of "
        "the same name with them another record holds (Mélanie, not Melanie), else the one "
        "most customers of its country with that name write (a French Helene is Hélène, a "
        "German one stays Helene), and when no one "
        "typed its case, the same letters as another record types them (McKenzie, not "
        "Mckenzie; von Berg, not Von Berg). "
        "full_name records are split first; "
        "initials or a nickname (Will) of a name another record spells (Guillaume) never win, "
        "nor an unlisted name one typo from a listed name, or a nickname of one, another "
        "record holds (Melussa, Melissa), nor a name one typo from one the customer's e-mail "
        "addresses spell when they do not spell it",
        nullable=True,
    ),
    Column(
        "last_name",
        "string",
        "Survivorship of last_name, voted and spelt as first_name; initials of a name another "
        "record spells never win, nor a spelling one typo from one more records hold (Leburn, "
        "Lebrun twice) or from one the customer's e-mail addresses spell when they do not "
        "spell it (Daviees beside Davies and davies.k@…)",
        nullable=True,
    ),
    Column(
        "full_name",
        "string",
        "first_name and last_name joined by a space (either alone when the other is NULL)",
        nullable=True,
    ),
    Column(
        "primary_email",
        "string",
        "Survivorship of email (default most_frequent, the latest breaking a tie) over the "
        "records' addresses, trimmed and lower-cased (normalise.email_key), voted on the "
        "mailbox (case, a +tag and Gmail's dots ignored); an address another customer holds "
        "too (a household's) never wins beside one only this customer holds; shown in the "
        "plainest spelling the records give the mailbox (without a +tag when one holds it so, "
        "then the spelling more records hold). Addresses not shaped like one are ignored, and "
        "so are placeholders (an address or phone shared by more than 20 records, as in "
        "matching)",
        nullable=True,
    ),
    Column(
        "emails",
        "list<string>",
        "Every distinct normalised e-mail of the customer's records: primary_email first, then "
        "the others sorted; empty when none",
    ),
    Column(
        "primary_phone",
        "string",
        "Survivorship of phone (default most_recent) over the records' numbers in E.164, each "
        "read in its record's country (normalise.phone_e164); invalid numbers are ignored",
        nullable=True,
    ),
    Column(
        "phones",
        "list<string>",
        "Every distinct E.164 phone of the records: primary_phone first, then the others sorted",
    ),
    Column(
        "language",
        "string",
        "Survivorship of the language attribute (default most_recent), as an ISO 639-1 code: "
        "the part of a locale before '_' or '-', lower-cased ('fr_FR' -> 'fr')",
        nullable=True,
    ),
    Column(
        "country",
        "string",
        "Survivorship of country (default most_recent) as ISO 3166 alpha-2 (normalise.country_iso)",
        nullable=True,
    ),
    Column(
        "region",
        "string",
        "No source holds a region or state: the world sales region of the country, in "
        "dim_account.region's vocabulary (EMEA, Americas, APAC); NULL for an unmapped country",
        nullable=True,
        allowed=REGIONS,
    ),
    Column(
        "city",
        "string",
        "Survivorship of city (default most_recent), voted and spelt as first_name (St and "
        "Ste read as Saint and Sainte when voting; accents taken only from the same letters, "
        "from the customer's records, else as most customers of its country write it); "
        "a city all in upper or lower case keeps its particles in lower case after its first "
        "word (Santiago de Compostela, Aix-en-Provence, Frankfurt am Main)",
        nullable=True,
    ),
    Column(
        "postal_code",
        "string",
        "Survivorship of postcode (default most_recent): upper-case letters and digits, leading "
        "zeros a numeric column lost restored (normalise.postcode_key)",
        nullable=True,
    ),
    # Demographics & preferences
    Column(
        "date_of_birth",
        "date",
        "Survivorship of date_of_birth (default most_frequent) over the plausible dates "
        "(1901-2025, not the placeholder 1970-01-01) read from ISO, DD/MM/YYYY or DD.MM.YYYY "
        "text; a date more records hold "
        "with day and month swapped never wins",
        nullable=True,
    ),
    Column(
        "age",
        "int",
        "Whole years from date_of_birth to the reference date; NULL without one",
        nullable=True,
        min_value=0,
    ),
    Column(
        "gender",
        "string",
        "Survivorship of the gender attribute (default most_recent): M or F for the spellings "
        "silver reads as them (male, Femme, H, w…), other text as written; NULL when no record "
        "gives one (in the demo project only seed 004's marketing customers record it)",
        nullable=True,
    ),
    Column(
        "preferred_channel",
        "string",
        "Survivorship of the preferred_channel attribute (default most_recent), lower-cased",
        nullable=True,
    ),
    Column(
        "opt_in_status",
        "string",
        "consent.merge_consents over the records: opted_out if any record opted out, else "
        "opted_in if any opted in, else unknown. A record's status is its marketing_opt_in "
        "attribute, else opted_in when it grants a consent_* scope and opted_out when it "
        "refuses every one it states",
        allowed=OPT_IN_STATUSES,
    ),
    Column(
        "consent_scopes",
        "list<string>",
        "Scopes granted by some record and refused by none, sorted: attribute consent_<x> is "
        "scope <x>_marketing, marketing_opt_in is email_marketing (a newsletter consent); an "
        "unsubscribe from a send (fct_email_events.is_unsubscribed) refuses email_marketing",
    ),
    Column(
        "consent_conflict",
        "bool",
        "The records contradict each other: one opted in and another out, or one granted a "
        "scope another refused (an unsubscribe counts as refusing email_marketing)",
    ),
    Column(
        "interests",
        "list<string>",
        "Product categories (dim_product) of the lines of completed orders, most units first "
        "(ties by name); empty without completed orders",
    ),
    # Lifecycle & engagement
    Column(
        "first_seen_at",
        "timestamp",
        "Earliest touch: a source record's updated_at, an order (any status), a seed-004 "
        "transaction, a CRM interaction, "
        "a person's first open or click of a send (fct_email_events.first_human_open_at / "
        "first_human_click_at: a scanner's or proxy's is none); a touch after the reference "
        "date (a contact created after the latest fact) is at the reference date, one after "
        "the build's clock is none; NULL when nothing of the customer is dated",
        nullable=True,
    ),
    Column("last_seen_at", "timestamp", "Latest touch, as first_seen_at", nullable=True),
    Column(
        "last_channel_seen",
        "string",
        "Channel of the latest touch (ties: the first name alphabetically): orders web, app "
        "(mobile_app), store (in_store), phone; seed-004 transactions web (an online shop's); "
        "interactions support (support_ticket, "
        "complaint) else their channel (in_app -> app); e-mail opens and clicks a person made "
        "email; a "
        "record's date its source: web and ecommerce -> web, loyalty -> loyalty, others -> crm",
        nullable=True,
        allowed=CHANNELS_SEEN,
    ),
    _int(
        "total_sessions",
        "No web analytics source exists: distinct calendar days with a digital touch (an order "
        "on web or mobile_app, a seed-004 transaction, a person's first click of a send "
        "(first_human_click_at), a chat or in_app interaction)",
    ),
    _int(
        "total_interactions",
        "CRM interactions + e-mail open events + e-mail click events (repeats count) + orders "
        "of any status + seed-004 transactions",
    ),
    _int("email_opens", "Sum of fct_email_events.count_opens (repeat opens count)"),
    _int("email_clicks", "Sum of fct_email_events.count_clicks (repeat clicks count)"),
    _int(
        "human_email_opens",
        "Sum of fct_email_events.count_human_opens: opens made by a person, not a security "
        "scanner or privacy proxy",
    ),
    _int("human_email_clicks", "Sum of fct_email_events.count_human_clicks"),
    _int(
        "push_notifications",
        "No push channel exists: CRM interactions whose channel is in_app (messages in the app)",
    ),
    _int("support_tickets", "CRM interactions of type support_ticket or complaint"),
    _int("notes_count", "CRM notes of the linked customers (customer_text_features.count_notes)"),
    _int("negative_notes", "Those notes whose sentiment is negative"),
    _int(
        "complaint_notes",
        "Those notes whose topic is complaint, delivery_issue or support_issue",
    ),
    Column(
        "last_note_sentiment",
        "string",
        "Sentiment of the latest note (positive, neutral, negative); NULL without notes",
        nullable=True,
        allowed=SENTIMENTS,
    ),
    Column(
        "last_support_interaction_at",
        "timestamp",
        "Latest occurred_at of those interactions; NULL without one",
        nullable=True,
    ),
    # Commerce & value
    Column(
        "first_purchase_at",
        "timestamp",
        "Earliest order_at of a completed order or transaction_at of a seed-004 transaction",
        nullable=True,
    ),
    Column(
        "last_purchase_at",
        "timestamp",
        "Latest order_at of a completed order or transaction_at of a seed-004 transaction",
        nullable=True,
    ),
    _int(
        "orders_count",
        "fct_orders with status completed (pending and canceled do not count) + the customer's "
        "seed-004 transactions: each row of silver stg_mongo_transactions is one completed "
        "order (seed 004 gives no status; silver has left out the invalid, orphaned, future and "
        "repeated ones), as customer_metrics.total_transactions counts them",
    ),
    _money(
        "total_revenue",
        "Sum of total_amount_eur of completed orders + sum of the seed-004 transactions' "
        "total_amount (amount - discount_applied + shipping_cost, each to the cent with ties "
        "up, as customer_metrics.total_spent sums them), to the cent (EUR, every amount of the "
        "generated world is EUR; 0 without any)",
    ),
    _money(
        "avg_order_value",
        "total_revenue / orders_count to the cent (EUR); NULL without completed orders or "
        "seed-004 transactions",
        nullable=True,
    ),
    _int("refunds_count", "Distinct orders with an approved return (fct_returns)"),
    _money("refunds_amount", "Sum of amount_refunded_eur of approved returns (EUR)"),
    _money(
        "lifetime_value",
        "Seed 000's CLV per customer (crm_customer_profile.clv_score): the revenue of its "
        "completed orders (seed 000's part of total_revenue: seed 004 knows no margin) x the "
        "mean margin_pct (dim_product) over their lines, to the cent (EUR); 0 without completed "
        "orders; NULL when no line of them gives a margin (a workspace without order lines: "
        "the margin is not known, and the catalogue's mean is no customer's)",
        nullable=True,
    ),
    Column(
        "loyalty_tier",
        "string",
        "Survivorship of the loyalty_tier attribute (default most_recent: a re-enrolled member's "
        "current card), lower-cased",
        nullable=True,
    ),
    _money(
        "loyalty_points_balance",
        "Survivorship of the loyalty_points_balance attribute (default most_recent, the same "
        "card as the tier); NULL for a non-member",
        nullable=True,
    ),
    # AI / ML & segments (rules until models replace them)
    _score(
        "churn_risk_score",
        "0-1: customer_scores.churn_risk_score (calibrated model, see "
        "reports/model_card_churn.md) when the customer is scored; otherwise the rule "
        "(1 - exp(-d/180)) x (1 - 0.05 x min(orders_count, 10)), d = days from last_seen_at to "
        "the reference date; to 4 decimals. NULL for a customer never seen (last_seen_at NULL: "
        "no dated record or fact), whose recency is unknown",
        1,
        nullable=True,
    ),
    _score(
        "engagement_score",
        "0-100, a composite of recency, frequency, e-mail and support activity: 35 x "
        "exp(-d/90) + 25 x min(total_sessions, 20)/20 + 25 x min(human_email_opens + "
        "human_email_clicks, 20)/20 + 15 x min(support_tickets, 5)/5, d as in "
        "churn_risk_score, to 1 decimal",
        100,
    ),
    _score(
        "propensity_to_buy_score",
        "0-1: customer_scores.propensity_to_buy_score (calibrated model of a completed order in "
        "the next 30 days) when scored; otherwise the rule 0.7 x min(orders_count, 5)/5 x "
        "exp(-p/120) + 0.3 x engagement_score/100, p = days from last_purchase_at to the "
        "reference date (first term 0 without a purchase); to 4 decimals",
        1,
    ),
    Column(
        "recommendation_vector",
        "list<string>",
        "Product affinities: the first 5 product_ids of customer_recommendations by rank (their "
        "scores are there: co-purchase confidence pulled towards popularity, products not yet "
        "bought); empty when recommendations are not built",
    ),
    Column(
        "primary_segment",
        "string",
        "'<value> – <state>': value High value (total_revenue in the top 20% of buyers), "
        "Regular (other buyers) or Prospect (orders_count 0); state at risk "
        "(churn_risk_score >= 0.6), engaged (engagement_score >= 50) or dormant (a NULL "
        "churn_risk_score is not at risk)",
    ),
    Column(
        "segments",
        "list<string>",
        "primary_segment, 'rfm:' + the customer's RFM segment and 'crm:' + each current CRM "
        "segment (bridge_customer_segment) of the linked seed-000 customers, distinct, "
        "primary_segment first then sorted. The RFM segment is of the purchases the profile "
        "counts, every system's: seed 003's rules (SEGMENT_RULES, as mart_ecommerce_rfm) on "
        "1-5 quintile scores among the profile's buyers, R by the day of last_purchase_at, F by "
        "orders_count, M by total_revenue (equal values share the lower score); 'Never "
        "Purchased' exactly when orders_count is 0. mart_ecommerce_rfm is the shop's own view "
        "(its orders only), not the person's",
    ),
    Column(
        "attribute_sources",
        "string",
        "JSON object, keys sorted: profile column chosen by survivorship -> the record_key whose "
        'value won, e.g. {"first_name": "crm:CRM-0000001", "primary_email": "web:…"}',
    ),
)

TABLES: tuple[Table, ...] = (CUSTOMER_PROFILE,)
