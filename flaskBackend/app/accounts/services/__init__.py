"""The account rules: registration, sign-in, profiles, roles, password reset."""
