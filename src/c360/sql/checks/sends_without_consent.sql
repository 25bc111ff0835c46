-- Seed 000 consistency check: e-mail consent is respected. Expected: 0.
SELECT COUNT(*) FROM sends s
JOIN customers c ON s.customer_id = c.customer_id
WHERE c.consent_email = false;
