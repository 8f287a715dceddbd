-- make bench's rows, in one statement: :rows tasks for user :owner, titles unique per owner,
-- creation times one second apart, mixed fields.
INSERT INTO tasks (owner_id, title, description, status, priority, due_date, created_at,
                   updated_at, version)
SELECT :owner, 'Bench task ' || n,
       CASE WHEN n % 3 = 0 THEN 'Seeded by make bench.' END,
       (ARRAY['todo', 'doing', 'done'])[1 + n % 3],
       1 + n % 5,
       CASE WHEN n % 4 = 0 THEN current_date + n % 60 END,
       now() - make_interval(secs => :rows - n),
       now() - make_interval(secs => :rows - n),
       1
FROM generate_series(1, :rows) AS n;
VACUUM ANALYZE;
