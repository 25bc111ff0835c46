-- Seed 000 consistency check: e-mail consent is respected. Expected: 0.
SELECT COUNT(*) AS violations FROM fct_email_events s
JOIN dim_customer c ON s.customer_id = c.customer_id
WHERE c.consent_email = false;
