-- Seed 000 consistency check: every customer_id in orders exists in customers. Expected: 0.
SELECT COUNT(*) AS violations FROM fct_orders o
LEFT JOIN dim_customer c ON o.customer_id = c.customer_id
WHERE c.customer_id IS NULL;
