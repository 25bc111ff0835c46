-- Seed 000 consistency check: e-mail consent is respected. Expected: 0.
-- A consent not known (NULL) is no consent. An inferred member (a customer row quarantined in
-- silver) has none to read: silver checked its sends against the source's consent.
SELECT COUNT(*) AS violations FROM fct_email_events s
JOIN dim_customer c ON s.customer_id = c.customer_id
WHERE c.consent_email IS NOT TRUE AND NOT c.inferred;
