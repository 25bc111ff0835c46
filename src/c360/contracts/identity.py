"""Identity sources: the same people as a CRM, a loyalty programme, web logins and a shop see them.

Each system has its own ids, column names and formats, and its own noise (typos, nicknames, old
addresses, other e-mails, shared household contacts). ``truth_identity`` maps every record to its
person; its ``source`` column holds the keys of ``SOURCES``, ``customers`` for seed 000 and
``marketing`` for seed 004's customers.
"""

from __future__ import annotations

from c360.contracts.model import Column, Table, id_pattern

COUNTRY_CODES = ("FR", "US", "DE", "ES", "GB")
TIERS = ("basic", "silver", "gold", "platinum")
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"

CRM_CONTACTS = Table(
    name="identity_crm_contacts",
    seed="001",
    description="Contacts of the sales CRM (~95% of people; a few entered twice).",
    path="sources/identity/crm_contacts.csv",
    file_format="csv",
    rows_at_scale_1=19_400,
    primary_key=("crm_contact_id",),
    columns=(
        Column(
            "crm_contact_id",
            "string",
            "CRM contact id (not the seed-000 customer id)",
            unique=True,
            pattern=id_pattern("CRM-", 7),
        ),
        Column("first_name", "string", "Given name as typed by a sales rep"),
        Column("last_name", "string", "Family name"),
        Column("email", "string", "E-mail address", nullable=True),
        Column("phone", "string", "Phone, in local or international format", nullable=True),
        Column("street", "string", "Street and house number", nullable=True),
        Column("postal_code", "string", "Postal code", nullable=True),
        Column("city", "string", "City", nullable=True),
        Column("country", "string", "ISO 3166 alpha-2 code or a country name"),
        Column("date_of_birth", "date", "Date of birth (often unknown)", nullable=True),
        Column("created_at", "timestamp", "When the contact was created"),
    ),
    notes=("A duplicate contact of the same person is usually a later, sparser entry.",),
)

LOYALTY_MEMBERS = Table(
    name="identity_loyalty_members",
    seed="001",
    description="Members of the loyalty programme (~55% of people; some re-enrolled).",
    path="sources/identity/loyalty_members.csv",
    file_format="csv",
    rows_at_scale_1=11_600,
    primary_key=("member_no",),
    columns=(
        Column(
            "member_no",
            "string",
            "Card number: L, 8 digits and a Luhn check digit",
            unique=True,
            pattern=r"L\d{9}",
        ),
        Column("full_name", "string", "Name as 'LAST, First'"),
        Column(
            "birth_date",
            "string",
            "Birth date as DD/MM/YYYY",
            nullable=True,
            pattern=r"\d{2}/\d{2}/\d{4}",
        ),
        Column("mobile", "string", "Mobile phone", nullable=True),
        Column("email", "string", "E-mail address", nullable=True),
        Column(
            "zip",
            "string",
            "Postal code (a legacy numeric field: leading zeros lost)",
            nullable=True,
        ),
        Column("city", "string", "City, upper case", nullable=True),
        Column("country_code", "string", "ISO 3166 alpha-2 code", allowed=COUNTRY_CODES),
        Column("enrolled_at", "timestamp", "When the member enrolled"),
        Column("tier", "string", "Loyalty tier", allowed=TIERS),
        Column("points_balance", "int", "Current points", min_value=0),
    ),
    notes=("A re-enrolled member has a second, newer card at basic tier.",),
)

WEB_ACCOUNTS = Table(
    name="identity_web_accounts",
    seed="001",
    description="Accounts of the website and app (~80% of people; some opened a second account).",
    path="sources/identity/web_accounts.jsonl",
    file_format="jsonl",
    rows_at_scale_1=17_300,
    primary_key=("user_id",),
    columns=(
        Column("user_id", "string", "Account id (UUID v4)", unique=True, pattern=UUID_PATTERN),
        Column("username", "string", "Login name chosen by the user"),
        Column("email", "string", "Login e-mail (unique per account)", unique=True),
        Column("given_name", "string", "Given name", nullable=True),
        Column("family_name", "string", "Family name (often left out)", nullable=True),
        Column("display_name", "string", "Name shown on the site"),
        Column("phone_number", "string", "Verified phone in E.164 (often missing)", nullable=True),
        Column("country", "string", "ISO 3166 alpha-2 code", nullable=True, allowed=COUNTRY_CODES),
        Column("signup_at", "timestamp", "When the account was opened"),
        Column("last_login_at", "timestamp", "Latest login"),
        Column("marketing_opt_in", "bool", "Newsletter consent given at signup"),
    ),
    notes=(
        "A second account of the same person always has another e-mail.",
        "JSON lines: a missing value is an absent key.",
    ),
)

ECOMMERCE_CUSTOMERS = Table(
    name="identity_ecommerce_customers",
    seed="001",
    description="Customer accounts of the online shop (~55% of people; some have two).",
    path="sources/identity/ecommerce_customers.csv",
    file_format="csv",
    rows_at_scale_1=11_700,
    primary_key=("shop_customer_id",),
    columns=(
        Column("shop_customer_id", "int", "Shop customer number", unique=True, min_value=1),
        Column("billing_first_name", "string", "Billing given name"),
        Column("billing_last_name", "string", "Billing family name"),
        Column("email", "string", "Account e-mail (unique per account)", unique=True),
        Column("phone", "string", "Phone as typed at checkout", nullable=True),
        Column("billing_street", "string", "Billing street and number", nullable=True),
        Column("billing_city", "string", "Billing city"),
        Column("billing_postcode", "string", "Billing postcode", nullable=True),
        Column(
            "billing_country",
            "string",
            "Billing country name",
            allowed=("France", "United States", "Germany", "Spain", "United Kingdom"),
        ),
        Column("created_at", "timestamp", "When the account was created"),
    ),
)

# The identity source systems, as named in truth_identity.source.
SOURCES: dict[str, Table] = {
    "crm": CRM_CONTACTS,
    "loyalty": LOYALTY_MEMBERS,
    "web": WEB_ACCOUNTS,
    "ecommerce": ECOMMERCE_CUSTOMERS,
}

TABLES = (CRM_CONTACTS, LOYALTY_MEMBERS, WEB_ACCOUNTS, ECOMMERCE_CUSTOMERS)

# How the generated workspace maps these tables to identity roles (written into its c360.yaml).
# Seed 000's customer master joins them: its only identifying column is the e-mail, and its
# customer_id is what every seed-000 fact (orders, sends, interactions) refers to. Seed 004's
# marketing customers (MongoDB, raw text) join too: their customer_id is what its transactions
# refer to. Listed most trusted first (the profile's primary_source): seed 004's dirty
# contacts last. They carry no date, so they win no most_recent vote over a dated record.
IDENTITY_SOURCES: dict[str, dict[str, object]] = {
    "crm": {
        "table": "identity_crm_contacts",
        "id": "crm_contact_id",
        "updated_at": "created_at",
        "roles": {
            "first_name": "first_name", "last_name": "last_name", "email": "email",
            "phone": "phone", "address_line": "street", "postcode": "postal_code",
            "city": "city", "country": "country", "date_of_birth": "date_of_birth",
        },
    },
    "loyalty": {
        "table": "identity_loyalty_members",
        "id": "member_no",
        "updated_at": "enrolled_at",
        "roles": {
            "full_name": "full_name", "date_of_birth": "birth_date", "phone": "mobile",
            "email": "email", "postcode": "zip", "city": "city", "country": "country_code",
        },
        "attributes": {"loyalty_tier": "tier", "loyalty_points_balance": "points_balance"},
    },
    "web": {
        "table": "identity_web_accounts",
        "id": "user_id",
        "updated_at": "last_login_at",
        "roles": {
            "first_name": "given_name", "last_name": "family_name", "email": "email",
            "phone": "phone_number", "country": "country",
        },
        "attributes": {"marketing_opt_in": "marketing_opt_in"},
    },
    "ecommerce": {
        "table": "identity_ecommerce_customers",
        "id": "shop_customer_id",
        "updated_at": "created_at",
        "roles": {
            "first_name": "billing_first_name", "last_name": "billing_last_name",
            "email": "email", "phone": "phone", "address_line": "billing_street",
            "city": "billing_city", "postcode": "billing_postcode", "country": "billing_country",
        },
    },
    "customers": {
        "table": "crm_customers",
        "id": "customer_id",
        "updated_at": "first_seen_at",
        "roles": {"email": "email", "country": "country"},
        "attributes": {
            "language": "locale", "preferred_channel": "preferred_channel",
            "consent_email": "consent_email", "consent_sms": "consent_sms",
        },
    },
    "marketing": {
        "table": "mongo_customers",
        "id": "customer_id",
        "roles": {
            "first_name": "first_name", "last_name": "last_name", "email": "email",
            "phone": "phone", "city": "city", "country": "country",
        },
        "attributes": {"gender": "gender", "marketing_opt_in": "marketing_consent"},
    },
}  # fmt: skip
