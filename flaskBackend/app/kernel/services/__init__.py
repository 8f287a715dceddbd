"""Services: business rules and transactions. They know nothing of HTTP."""
