-- Seed 000 consistency check: every customer_id in orders exists in customers. Expected: 0.
SELECT COUNT(*) FROM orders o
LEFT JOIN customers c ON o.customer_id = c.customer_id
WHERE c.customer_id IS NULL;
