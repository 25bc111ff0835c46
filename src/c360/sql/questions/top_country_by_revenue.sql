-- Seed 004, question 5: which country generates the most revenue?
-- Revenue of the customers living in the country (customers with an unknown country are not
-- counted); ties go to the country code that sorts first.
SELECT
    country,
    total_revenue,
    total_customers,
    avg_customer_value
FROM country_statistics
ORDER BY total_revenue DESC, country ASC
LIMIT 1;
