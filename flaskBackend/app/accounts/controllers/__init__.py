"""The account endpoints: /api/auth, /api/users, /api/password-reset."""
