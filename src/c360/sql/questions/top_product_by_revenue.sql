-- Seed 004, question 2: which product generates the most revenue?
-- Revenue is the sum of the product's transactions' total_amount; ties go to the product name
-- that sorts first.
SELECT
    product,
    total_revenue,
    total_sales,
    unique_customers
FROM product_performance
ORDER BY total_revenue DESC, product ASC
LIMIT 1;
