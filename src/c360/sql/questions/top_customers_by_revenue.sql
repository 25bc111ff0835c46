-- Seed 004, question 1: who are the 10 best customers?
-- "Best" means the most revenue: the sum of their transactions' total_amount (total_spent);
-- ties go to the lower customer_id.
SELECT
    customer_id,
    full_name,
    country,
    total_transactions,
    total_spent
FROM customer_metrics
ORDER BY total_spent DESC, customer_id ASC
LIMIT 10;
