-- Seed 004, question 5: which country generates the most revenue?
-- Revenue of the customers living in the country (the row 'Unknown', customers without a
-- country or whose row silver rejected, is no country and does not compete); ties go to the
-- country code that sorts first.
SELECT
    country,
    total_revenue,
    total_customers,
    avg_customer_value
FROM country_statistics
WHERE country <> 'Unknown'
ORDER BY total_revenue DESC, country ASC
LIMIT 1;
